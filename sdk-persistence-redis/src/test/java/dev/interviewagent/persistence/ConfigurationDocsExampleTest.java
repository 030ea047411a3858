package dev.interviewagent.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.StartRequest;
import dev.interviewagent.core.config.EngineSettings;
import dev.interviewagent.core.config.InterviewConfig;
import dev.interviewagent.llm.LlmBrains;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The host example quoted in docs/configuration.md, compiled and run here; the last test keeps the page in step. */
class ConfigurationDocsExampleTest {

    @TempDir
    Path dir;

    @Test
    void should_run_an_engine_on_the_configured_stack_as_the_docs_show() {
        InterviewConfig config = InterviewConfig.fromEnvironment(Map.of("INTERVIEW_STORE_URL",
                dir.resolve("store").toString(), "INTERVIEW_RETENTION_ENABLED", "true"));
        // region host
        InterviewEngine.Builder builder = EngineSettings.from(config).applyTo(InterviewEngine.builder());
        LlmBrains.from(config).ifPresent(builder::brain);                 // the offline brain without a key
        try (InterviewStorage storage = InterviewStorage.open(config);    // store, encryption, redaction, Redis
             InterviewEngine engine = storage.applyTo(builder).build()) {
            storage.startRetention(engine);                               // if interview.retention.enabled
            storage.description().forEach(System.out::println);           // what was picked, without secrets
            engine.start(StartRequest.builder().language(Language.ENGLISH).build());
        }
        // endregion host
        assertThat(dir.resolve("store").resolve("interviews.mv.db")).exists();
    }

    @Test
    void should_be_quoted_verbatim_in_docs_configuration_md() throws IOException {
        String source = Files.readString(Path.of(
                "src/test/java/dev/interviewagent/persistence/ConfigurationDocsExampleTest.java"));
        String region = source.substring(source.indexOf("// region host") + "// region host".length(),
                source.indexOf("// endregion host")).stripTrailing();
        String snippet = region.lines().filter(l -> !l.isBlank()).map(l -> l.length() >= 8 ? l.substring(8) : l)
                .reduce((a, b) -> a + "\n" + b).orElseThrow();

        assertThat(Files.readString(Path.of("../docs/configuration.md"))).contains(snippet);
    }
}
