package dev.interviewagent.core.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewagent.core.Answer;
import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.MessageId;
import dev.interviewagent.core.Profile;
import dev.interviewagent.core.Reply;
import dev.interviewagent.core.StartRequest;
import dev.interviewagent.core.report.ReportFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Scanner;
import org.junit.jupiter.api.Test;

/**
 * The embedding example of the README and docs/quickstart.md, compiled and run here. The docs quote the region
 * between the markers verbatim; the last test fails when they drift apart.
 */
class QuickstartExampleTest {

    @Test
    void should_run_the_readme_example_to_a_report() {
        Scanner console = new Scanner("I have repaired diesel engines for 20 years.\n/complete\n");
        List<String> shown = new ArrayList<>();
        // region embedding
        try (InterviewEngine engine = InterviewEngine.builder().build()) {      // offline brain, in-memory store
            Reply reply = engine.start(StartRequest.builder()
                    .language(Language.ENGLISH)
                    .style("master")
                    .profile(new Profile("Ada", "Chief engineer", null, "Shipping", 20, "onboarding"))
                    .build());
            while (!reply.completed() && console.hasNextLine()) {
                shown.add(reply.message().text());                              // show exactly one question
                String line = console.nextLine();
                reply = line.equals("/complete")
                        ? engine.complete(reply.interviewId(), MessageId.of("stop"))
                        : engine.answer(reply.interviewId(), Answer.text("msg-" + shown.size(), line));
            }
            String markdown = engine.report(reply.interviewId(), ReportFormat.MARKDOWN);
            // endregion
            assertThat(reply.completed()).isTrue();
            assertThat(markdown).contains("# Expertise interview report", "diesel engines");
        }
        assertThat(shown).hasSize(2);
    }

    @Test
    void should_be_quoted_verbatim_in_the_docs() throws IOException {
        String source = Files.readString(Path.of("src/test/java/dev/interviewagent/core/docs/QuickstartExampleTest.java"));
        String region = source.substring(source.indexOf("// region embedding") + "// region embedding".length(),
                source.indexOf("// endregion")).stripTrailing();
        String snippet = region.lines().map(l -> l.length() >= 8 ? l.substring(8) : l.strip())
                .filter(l -> !l.isBlank()).reduce((a, b) -> a + "\n" + b).orElseThrow();
        for (String doc : List.of("../README.md", "../docs/quickstart.md")) {
            assertThat(Files.readString(Path.of(doc))).as(doc).contains(snippet);
        }
    }
}
