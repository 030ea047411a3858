package dev.interviewagent.samples.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.channel.SpeechTranscriber;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the server picks from its environment, and that it says so without printing secrets. */
class BackendsTest {

    @TempDir
    Path dir;

    @Test
    void should_run_offline_on_the_embedded_store_when_no_keys_or_urls_are_set() throws Exception {
        Map<String, String> env = Map.of(Backends.STORE_URL, dir.resolve("store").toString());
        try (Backends backends = new Backends(); InterviewEngine engine = backends.engine(env)) {
            assertThat(backends.transcriber(env)).isSameAs(SpeechTranscriber.NONE);
            assertThat(backends.description()).anyMatch(l -> l.startsWith("store: embedded"))
                    .anyMatch(l -> l.startsWith("brain: offline")).anyMatch(l -> l.startsWith("voice: off"));
            assertThat(engine.styles().codes()).contains("master");
        }
    }

    @Test
    void should_use_the_llm_brain_and_speech_to_text_when_a_key_is_set_and_never_print_it() throws Exception {
        Map<String, String> env = Map.of(Backends.STORE_URL, dir.resolve("store").toString(),
                "OPENAI_API_KEY", "sk-test-secret-123", "OPENAI_BASE_URL", "http://127.0.0.1:9/v1");
        try (Backends backends = new Backends(); InterviewEngine ignored = backends.engine(env)) {
            assertThat(backends.transcriber(env)).isNotSameAs(SpeechTranscriber.NONE);
            assertThat(backends.description()).anyMatch(l -> l.startsWith("brain:") && l.toLowerCase().contains("openai"))
                    .anyMatch(l -> l.startsWith("voice: openai"))
                    .noneMatch(l -> l.contains("sk-test-secret-123"));
        }
    }
}
