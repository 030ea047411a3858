package dev.interviewagent.core.experiment;

import static dev.interviewagent.core.docs.DocRegions.region;
import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewagent.core.Answer;
import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.MessageId;
import dev.interviewagent.core.Profile;
import dev.interviewagent.core.Reply;
import dev.interviewagent.core.StartRequest;
import dev.interviewagent.core.spi.InterviewQuery;
import dev.interviewagent.core.store.InMemoryInterviewStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The examples quoted in {@code docs/experiments.md}, compiled and run here; the last test fails when the page and the
 * code drift apart.
 */
class ExperimentDocsExampleTest {

    static StyleExperiment experiment(InterviewEngine engine) {
        // tag::experiment[]
        StyleExperiment experiment = StyleExperiment.builder()
                .name("styles-2026")
                .weight("master", 1)
                .weight("conversational", 1)
                .build()
                .requireKnownStyles(engine.styles());        // a typo fails at start-up, not at the first interview
        // end::experiment[]
        return experiment;
    }

    static Reply start(InterviewEngine engine, StyleExperiment experiment, String channelKey, Profile profile) {
        // tag::start[]
        Reply first = engine.start(StartRequest.builder()
                .experiment(experiment, channelKey)           // the style for this respondent, recorded on the interview
                .channelKey(channelKey)
                .profile(profile)
                .build());
        // end::start[]
        return first;
    }

    static String report(InMemoryInterviewStore store, StyleExperiment experiment, Instant launch) {
        // tag::report[]
        OutcomeReport report = OutcomeReport.builder(store)
                .experiment(experiment)                       // only the interviews it assigned
                .query(InterviewQuery.builder().startedFrom(launch).build())
                .build();                                     // reads the store
        OutcomeReportRenderer renderer = new OutcomeReportRenderer();
        String markdown = renderer.markdown(report, Language.ENGLISH);   // or Language.RUSSIAN
        String json = renderer.json(report);
        report.comparison("en", Figure.COMPLETION_RATE, "master", "conversational")
                .ifPresent(verdict -> System.out.println(verdict.summary()));
        // end::report[]
        assertThat(renderer.parse(json)).isEqualTo(report);
        return markdown;
    }

    @Test
    void should_assign_record_and_report_as_the_page_shows() {
        InMemoryInterviewStore store = new InMemoryInterviewStore();
        Instant launch = Instant.now().minusSeconds(60);
        try (InterviewEngine engine = InterviewEngine.builder().store(store).build()) {
            StyleExperiment experiment = experiment(engine);
            for (int i = 0; i < 12; i++) {
                Reply first = start(engine, experiment, "web:expert-" + i,
                        Profile.EMPTY);
                InterviewId id = first.interviewId();
                assertThat(first.interview().style()).isEqualTo(experiment.assign("web:expert-" + i).style());
                engine.answer(id, Answer.text("m-1", "I have run the night shift of a water plant for ten years."));
                engine.complete(id, MessageId.of("done"));
            }
            String markdown = report(store, experiment, launch);

            assertThat(markdown).startsWith("# Style outcomes: experiment styles-2026")
                    .contains("| Figure | master | conversational |", "| Completion rate | 0 % ");
        }
    }

    @Test
    void should_quote_these_examples_verbatim_in_docs_experiments_md() throws IOException {
        String source = Files.readString(Path.of(
                "src/test/java/dev/interviewagent/core/experiment/ExperimentDocsExampleTest.java"));
        String docs = Files.readString(docsPage());
        for (String tag : List.of("experiment", "start", "report")) {
            assertThat(docs).as("docs/experiments.md quotes region %s", tag).contains(region(source, tag));
        }
    }

    private static Path docsPage() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("docs/experiments.md"))) {
                return dir.resolve("docs/experiments.md");
            }
        }
        throw new IllegalStateException("docs/experiments.md not found");
    }
}
