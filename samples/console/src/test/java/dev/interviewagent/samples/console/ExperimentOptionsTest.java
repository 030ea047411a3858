package dev.interviewagent.samples.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interviewagent.core.experiment.StyleExperiment;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console assigns styles by a style experiment and prints the outcome report over its store. */
class ExperimentOptionsTest {

    private static final StyleExperiment TRIAL = StyleExperiment.parse("trial", "master:1,conversational:1");

    @TempDir
    Path dir;

    record Run(int exitCode, String out, String err) {
    }

    private Run run(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--store", dir.resolve("interviews").toString(), "--language", "en"));
        int code = Main.run(all.toArray(String[]::new),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of());
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The first respondent id of the form {@code r<n>} the trial gives this style. */
    private static String respondentFor(String style) {
        for (int i = 0; ; i++) {
            if (TRIAL.assign("r" + i).style().equals(style)) {
                return "r" + i;
            }
        }
    }

    @Test
    void should_start_each_respondent_in_the_style_the_experiment_gives_them_and_report_the_outcomes() throws Exception {
        for (String style : List.of("master", "conversational")) {
            Run run = run("/complete\n", "--json", "--experiment", "trial=master:1,conversational:1",
                    "--respondent", respondentFor(style), "--style", "telegram");

            assertThat(run.exitCode()).isZero();
            JsonNode session = new ObjectMapper().readTree(run.out().lines().findFirst().orElseThrow());
            assertThat(session.path("style").asText()).as("the experiment wins over --style").isEqualTo(style);
            assertThat(run.err()).contains("experiment: trial → style " + style);
        }
        Run plain = run("/complete\n", "--style", "telegram");                  // outside the experiment
        assertThat(plain.exitCode()).isZero();

        Run markdown = run("", "--experiment-report", "--experiment", "trial");

        assertThat(markdown.exitCode()).isZero();
        assertThat(markdown.out()).startsWith("# Style outcomes: experiment trial\n")
                .contains("Interviews listed: 3 · counted (finished): 2 · in progress (left out): 0 · outside the "
                        + "experiment (left out): 1.")
                .contains("| Figure | master | conversational |", "| Finished interviews | 1 | 1 |",
                        "| Completion rate | 0 % (0/1) [0–79 %] | 0 % (0/1) [0–79 %] |",
                        "No verdict on completion rate between master and conversational: n too small (1 and 1");

        Run json = run("", "--experiment-report", "--json");

        assertThat(json.exitCode()).isZero();
        assertThat(json.out().lines().toList()).hasSize(1);
        JsonNode report = new ObjectMapper().readTree(json.out());
        assertThat(report.path("experiment").isNull()).isTrue();
        assertThat(report.path("interviews_read").asInt()).isEqualTo(3);
        assertThat(report.path("groups")).extracting(g -> g.path("style").asText())
                .containsExactly("master", "telegram", "conversational");
    }

    @Test
    void should_exit_with_2_and_a_clear_message_for_bad_experiment_options() {
        Map<String[], String> bad = Map.of(
                new String[] {"--experiment", "trial=master:1,shouting:1"}, "unknown styles [shouting]",
                new String[] {"--experiment", "trial=master:one"}, "whole number",
                new String[] {"--experiment", "trial"}, "needs its arms",
                new String[] {"--experiment", "bad name=master:1"}, "experiment name",
                new String[] {"--respondent"}, "--respondent needs a value");
        bad.forEach((args, message) -> {
            Run run = run("", args);
            assertThat(run.exitCode()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(run.out()).as(String.join(" ", args)).isEmpty();
            assertThat(run.err()).as(String.join(" ", args)).startsWith("console-sample: ").contains(message);
        });
    }

    @Test
    void should_list_the_experiment_options_in_the_usage() {
        Run run = run("", "--help");
        assertThat(run.out()).contains("--experiment NAME=STYLE:WEIGHT", "--respondent ID", "--experiment-report");
    }
}
