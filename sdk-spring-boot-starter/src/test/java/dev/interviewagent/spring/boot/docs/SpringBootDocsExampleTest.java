package dev.interviewagent.spring.boot.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewagent.core.Reply;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/** The application quoted in docs/spring-boot.md runs as shown, and the page quotes it verbatim. */
class SpringBootDocsExampleTest {

    @TempDir
    Path dir;

    @Test
    void should_run_an_interview_in_the_minimal_application() {
        SpringApplication application = new SpringApplication(InterviewApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        try (ConfigurableApplicationContext context = application.run("--interview.store.url=" + dir.resolve("db"),
                "--interview.llm.provider=offline", "--interview.start.language=en")) {
            InterviewApplication.Interviews interviews = context.getBean(InterviewApplication.Interviews.class);

            Reply first = interviews.start("ada@example.com");
            Reply second = interviews.answer(first.interviewId(), "m1", "I run the night shift at the depot.");
            Reply again = interviews.answer(first.interviewId(), "m1", "I run the night shift at the depot.");

            assertThat(first.message().text()).isNotBlank();
            assertThat(second.message().text()).isNotBlank();
            assertThat(again.duplicate()).isTrue();
            assertThat(again.message().number()).isEqualTo(second.message().number());
            assertThat(again.message().text()).isEqualTo(second.message().text());
        }
        assertThat(dir.resolve("db").resolve("interviews.mv.db")).exists();
    }

    @Test
    void should_be_quoted_verbatim_in_docs_spring_boot_md() throws IOException {
        String source = Files.readString(Path.of(
                "src/test/java/dev/interviewagent/spring/boot/docs/InterviewApplication.java"));
        String region = source.substring(source.indexOf("// region app") + "// region app".length(),
                source.indexOf("// endregion app")).strip();

        assertThat(Files.readString(Path.of("../docs/spring-boot.md"))).contains(region);
    }
}
