package dev.interviewagent.it.modules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A host that is a named module itself: compiles a small module that {@code requires} the SDK's modules and runs it
 * with {@code java --module-path … -m …}. It starts an offline interview in each built-in language, stores it with
 * the embedded database, answers, completes it and renders the report, and finds the model and speech-to-text
 * providers through {@code provides}/{@code uses}: what a module-path host does first.
 */
class ModulePathRunTest {

    private static final String MODULE_INFO = """
            module smoke {
                requires dev.interviewagent.llm;
                requires dev.interviewagent.persistence;
                requires dev.interviewagent.voice;
            }
            """;

    private static final String MAIN = """
            package smoke;

            import dev.interviewagent.core.Answer;
            import dev.interviewagent.core.InterviewEngine;
            import dev.interviewagent.core.Language;
            import dev.interviewagent.core.MessageId;
            import dev.interviewagent.core.Profile;
            import dev.interviewagent.core.Reply;
            import dev.interviewagent.core.StartRequest;
            import dev.interviewagent.core.report.ReportFormat;
            import dev.interviewagent.llm.spi.ChatModelProviders;
            import dev.interviewagent.persistence.JdbcInterviewStore;
            import dev.interviewagent.voice.spi.SpeechToTextProviders;
            import java.nio.file.Path;

            public final class Main {
                public static void main(String[] args) {
                    System.out.println("core module: " + InterviewEngine.class.getModule().getName());
                    System.out.println("chat model providers: " + ChatModelProviders.find("openai").isPresent()
                            + " " + ChatModelProviders.find("anthropic").isPresent());
                    System.out.println("speech-to-text providers: "
                            + SpeechToTextProviders.find("assemblyai").isPresent()
                            + " " + SpeechToTextProviders.find("openai").isPresent());
                    try (JdbcInterviewStore store = JdbcInterviewStore.embedded(Path.of(args[0]));
                         InterviewEngine engine = InterviewEngine.builder().store(store).build()) {
                        for (Language language : Language.builtIn()) {
                            Reply reply = engine.start(StartRequest.builder()
                                    .language(language)
                                    .style("master")
                                    .profile(new Profile("Ada", "Chief engineer", null, "Shipping", 20, "onboarding"))
                                    .build());
                            System.out.println(language.code() + " question: " + reply.message().text());
                            reply = engine.answer(reply.interviewId(), Answer.text("a1",
                                    "We check every container twice before it leaves the yard, for example last week"
                                    + " a seal was broken and we caught it at the gate."));
                            System.out.println(language.code() + " next: " + reply.message().text());
                            reply = engine.complete(reply.interviewId(), MessageId.of("complete"));
                            System.out.println(language.code() + " completed: " + reply.completed());
                            String report = engine.report(reply.interviewId(), ReportFormat.MARKDOWN);
                            System.out.println(language.code() + " report: " + report.lines().findFirst().orElse(""));
                        }
                    }
                }
            }
            """;

    @Test
    void should_run_an_offline_interview_when_the_host_is_a_named_module_on_the_module_path(@TempDir Path dir)
            throws IOException, InterruptedException {
        List<String> skipped = new ArrayList<>();
        String modulePath = SdkModules.modulePath(skipped).stream().map(Path::toString)
                .collect(Collectors.joining(File.pathSeparator));
        Path src = Files.createDirectories(dir.resolve("src/smoke"));
        Files.writeString(dir.resolve("src/module-info.java"), MODULE_INFO);
        Files.writeString(src.resolve("Main.java"), MAIN);
        Path classes = dir.resolve("classes");

        int compiled = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(),
                "--module-path", modulePath, dir.resolve("src/module-info.java").toString(),
                src.resolve("Main.java").toString());
        assertThat(compiled).as("javac of the host module (skipped entries: %s)", skipped).isZero();

        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process run = new ProcessBuilder(java.toString(), "--module-path", classes + File.pathSeparator + modulePath,
                "-m", "smoke/smoke.Main", dir.resolve("db").toString())
                .redirectErrorStream(true).start();
        String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(run.waitFor(120, TimeUnit.SECONDS)).as("finished in time").isTrue();

        assertThat(run.exitValue()).as(output).isZero();
        assertThat(output)
                .contains("core module: dev.interviewagent.core", "chat model providers: true true",
                        "speech-to-text providers: true true",
                        "en completed: true", "ru completed: true")
                .containsPattern("en question: \\S+")
                .containsPattern("ru question: \\S+")
                .containsPattern("en report: #");
    }
}
