package dev.interviewagent.core.experiment;

import static dev.interviewagent.core.experiment.OutcomeReport.ALL_LANGUAGES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.interviewagent.core.InterviewStatus;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.exception.InvalidInputException;
import dev.interviewagent.core.experiment.OutcomeReport.Comparison;
import dev.interviewagent.core.experiment.OutcomeReport.Estimate;
import dev.interviewagent.core.experiment.OutcomeReport.Group;
import dev.interviewagent.core.internal.analysis.AnswerAnalyzer;
import dev.interviewagent.core.report.ReportFormat;
import dev.interviewagent.core.spi.InterviewQuery;
import dev.interviewagent.core.store.InMemoryInterviewStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutcomeReportTest {

    private static final StyleExperiment TRIAL = StyleExperiment.parse("trial", "master:1,conversational:1");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-04-01T12:00:00Z"), ZoneOffset.UTC);

    private final InMemoryInterviewStore store = new InMemoryInterviewStore();
    private final OutcomeReportRenderer renderer = new OutcomeReportRenderer();

    @Test
    void should_count_every_figure_of_a_small_experiment_exactly() {
        AnswerAnalyzer analyzer = AnswerAnalyzer.standard();
        for (String vague : List.of("We do it as usual.", "It depends on the situation.",
                "Nothing special, the usual stuff.")) {
            assertThat(analyzer.analyze(vague, Language.ENGLISH).isEvasive()).as(vague).isTrue();
        }
        assertThat(analyzer.analyze("At six I read the pressure gauge on pump 1.", Language.ENGLISH).isEvasive())
                .isFalse();
        StoredInterview.style("master").in(TRIAL).answer("We do it as usual.", "clarify_vague")
                .answer("It depends on the situation.", "new_topic").answers(2)
                .knowledge(3, 1, 2).rating(4).minutes(20).storeIn(store);
        StoredInterview.style("master").in(TRIAL).answers(6).knowledge(1, 1, 0).rating(3).minutes(40)
                .storeIn(store);
        StoredInterview.style("master").in(TRIAL).status(InterviewStatus.ENDED_EARLY).stagesReached(4)
                .answer("Nothing special, the usual stuff.", "deepen_example").answers(1)
                .knowledge(0, 0, 1).minutes(60).storeIn(store);
        StoredInterview.style("conversational").in(TRIAL).status(InterviewStatus.ABANDONED).stagesReached(2)
                .answers(1).minutes(15).storeIn(store);
        StoredInterview.style("master").in(TRIAL).status(InterviewStatus.ACTIVE).answers(3).storeIn(store);
        StoredInterview.style("telegram").answers(5).storeIn(store);             // not in the experiment

        OutcomeReport report = OutcomeReport.builder(store).experiment(TRIAL).clock(CLOCK)
                .query(InterviewQuery.builder().pageSize(2).build()).build();

        assertThat(report.experiment()).isEqualTo("trial");
        assertThat(report.generatedAt()).isEqualTo(CLOCK.instant());
        assertThat(report.interviewsRead()).isEqualTo(6);
        assertThat(report.inProgress()).isEqualTo(1);
        assertThat(report.outsideExperiment()).isEqualTo(1);
        assertThat(report.interviewsCounted()).isEqualTo(4);
        assertThat(report.languages()).containsExactly("en");
        assertThat(report.styles("en")).containsExactly("master", "conversational");

        Group master = report.group("en", "master").orElseThrow();
        assertThat(master.interviews()).isEqualTo(3);
        Estimate completion = master.estimate(Figure.COMPLETION_RATE);
        assertThat(completion.n()).isEqualTo(3);
        assertThat(completion.successes()).isEqualTo(2);
        assertThat(completion.value()).isCloseTo(2.0 / 3, within(1e-12));
        // stats.binomtest(2, 3).proportion_ci(method='wilson')
        assertThat(completion.low()).isCloseTo(0.20765960080204782, within(1e-12));
        assertThat(completion.high()).isCloseTo(0.9385080552796038, within(1e-12));
        assertMean(master.estimate(Figure.STAGES_REACHED), 3, 22.0 / 3);
        Estimate answers = master.estimate(Figure.ANSWERS);
        assertMean(answers, 3, 4.0);
        assertThat(answers.sd()).isCloseTo(2.0, within(1e-12));
        // 4 ± stats.t.ppf(0.975, 2) * 2 / sqrt(3) = -0.968…8.968, cut at 0: no interview has fewer than 0 answers
        assertThat(answers.low()).isZero();
        assertThat(answers.high()).isCloseTo(8.96827542350066, within(1e-9));
        // 3.5 ± stats.t.ppf(0.975, 1) * 0.7071 / sqrt(2) = -2.85…9.85, cut to the rating scale
        assertThat(master.estimate(Figure.MEMBER_CHECK_RATING).low()).isEqualTo(1.0);
        assertThat(master.estimate(Figure.MEMBER_CHECK_RATING).high()).isEqualTo(4.0);
        assertThat(master.estimate(Figure.DURATION_MINUTES).high()).isCloseTo(40 + 4.302652729749462 * 20
                / Math.sqrt(3), within(1e-9));
        assertMean(master.estimate(Figure.DURATION_MINUTES), 3, 40.0);
        assertThat(master.estimate(Figure.DURATION_MINUTES).sd()).isCloseTo(20.0, within(1e-9));
        assertMean(master.estimate(Figure.EXAMPLES), 3, 4.0 / 3);
        assertMean(master.estimate(Figure.PROCESSES), 3, 2.0 / 3);
        assertMean(master.estimate(Figure.FAILURE_MODES), 3, 1.0);
        Estimate vague = master.estimate(Figure.VAGUE_CHALLENGED);
        assertThat(vague.n()).isEqualTo(3);
        assertThat(vague.successes()).isEqualTo(2);
        assertMean(master.estimate(Figure.MEMBER_CHECK_RATING), 2, 3.5);

        Group conversational = report.group("en", "conversational").orElseThrow();
        assertThat(conversational.interviews()).isEqualTo(1);
        assertThat(conversational.estimate(Figure.COMPLETION_RATE).successes()).isZero();
        assertMean(conversational.estimate(Figure.DURATION_MINUTES), 1, 15.0);   // abandoned: to the last change
        assertThat(conversational.estimate(Figure.DURATION_MINUTES).low()).isNull();
        assertThat(conversational.estimate(Figure.VAGUE_CHALLENGED).n()).isZero();
        assertThat(conversational.estimate(Figure.VAGUE_CHALLENGED).value()).isNull();
        assertThat(conversational.estimate(Figure.MEMBER_CHECK_RATING).n()).isZero();

        assertThat(report.comparisons("en")).hasSize(Figure.values().length)
                .allSatisfy(c -> assertThat(c.verdict()).isEqualTo(Verdict.TOO_FEW));
        assertThat(report.comparison("en", Figure.COMPLETION_RATE, "conversational", "master").orElseThrow()
                .summary()).isEqualTo("No verdict on completion rate between master and conversational: n too small "
                + "(3 and 1; at least 5 each needed).");
    }

    @Test
    void should_call_a_clear_difference_significant_and_say_which_style_is_better() {
        for (int i = 0; i < 20; i++) {
            StoredInterview.style("master").in(TRIAL).answers(6 + i % 5).knowledge(2 + i % 3, 1, 1)
                    .rating(3 + i % 2).storeIn(store);
            StoredInterview.style("conversational").in(TRIAL).status(InterviewStatus.ENDED_EARLY).stagesReached(3)
                    .answers(2 + i % 3).knowledge(i % 2, 0, 0).storeIn(store);
        }

        OutcomeReport report = OutcomeReport.builder(store).experiment(TRIAL).clock(CLOCK).build();

        Comparison completion = report.comparison("en", Figure.COMPLETION_RATE, "master", "conversational")
                .orElseThrow();
        assertThat(completion.verdict()).isEqualTo(Verdict.DIFFERENT);
        assertThat(completion.better()).isEqualTo("master");
        assertThat(completion.test()).isEqualTo("two_proportion_z");
        assertThat(completion.pValue()).isLessThan(0.001);
        assertThat(completion.intervalsOverlap()).isFalse();
        assertThat(completion.summary()).isEqualTo("master is better on completion rate: 100 % vs 0 % "
                + "(p < 0.001, two-proportion z-test).");
        Comparison answers = report.comparison("en", Figure.ANSWERS, "master", "conversational").orElseThrow();
        assertThat(answers.verdict()).isEqualTo(Verdict.DIFFERENT);
        assertThat(answers.higher()).isEqualTo("master");
        assertThat(answers.better()).as("more answers is not better in itself").isNull();
        assertThat(answers.test()).isEqualTo("welch_t");
        assertThat(answers.summary()).startsWith("master is higher on answers per interview: 8.0 vs 3.0 (p < 0.001");
        assertThat(report.comparison("en", Figure.MEMBER_CHECK_RATING, "master", "conversational").orElseThrow()
                .verdict()).isEqualTo(Verdict.TOO_FEW);
    }

    @Test
    void should_find_no_significant_difference_between_small_equal_groups() {
        int[] answers = {3, 5, 7, 4, 6, 5};
        for (String style : List.of("master", "conversational")) {
            for (int i = 0; i < answers.length; i++) {
                StoredInterview.style(style).in(TRIAL).status(i < 4 ? InterviewStatus.COMPLETED
                        : InterviewStatus.ENDED_EARLY).answer("We do it as usual.", i < 3 ? "clarify_vague"
                                : "new_topic").answers(answers[i]).knowledge(i % 3, 1, i % 2)
                        .rating(1 + i % 4).minutes(10 + 5L * i).storeIn(store);
            }
        }

        OutcomeReport report = OutcomeReport.builder(store).experiment(TRIAL).clock(CLOCK).build();

        assertThat(report.comparisons("en")).hasSize(Figure.values().length).allSatisfy(c -> {
            assertThat(c.verdict()).as(c.figure().code()).isEqualTo(Verdict.NOT_SIGNIFICANT);
            assertThat(c.higher()).isNull();
        });
        Comparison completion = report.comparison("en", Figure.COMPLETION_RATE, "master", "conversational")
                .orElseThrow();
        assertThat(completion.test()).as("expected counts below 5").isEqualTo("fisher_exact");
        assertThat(completion.summary()).isEqualTo("No significant difference on completion rate between master "
                + "and conversational: 67 % vs 67 % (p = 1.000; the 95 % intervals overlap).");
    }

    @Test
    void should_report_per_language_and_over_all_languages() {
        for (int i = 0; i < 5; i++) {
            StoredInterview.style("master").in(TRIAL).answers(4).storeIn(store);
            StoredInterview.style("conversational").in(TRIAL).language(Language.RUSSIAN).answers(4)
                    .storeIn(store);
        }
        StoredInterview.style("conversational").in(TRIAL).answers(4).storeIn(store);

        OutcomeReport report = OutcomeReport.builder(store).experiment(TRIAL).clock(CLOCK).build();

        assertThat(report.languages()).containsExactly(ALL_LANGUAGES, "en", "ru");
        assertThat(report.group(ALL_LANGUAGES, "conversational").orElseThrow().interviews()).isEqualTo(6);
        assertThat(report.group("en", "conversational").orElseThrow().interviews()).isEqualTo(1);
        assertThat(report.styles("ru")).containsExactly("conversational");
        assertThat(report.comparisons("ru")).isEmpty();
        assertThat(report.comparisons(ALL_LANGUAGES)).hasSize(Figure.values().length);
        assertThat(report.interviewsCounted()).isEqualTo(11);

        String russian = renderer.markdown(report, Language.RUSSIAN);
        assertThat(russian).contains("# Исходы по стилям: эксперимент trial", "## Все языки", "## Русский",
                "| Доля завершённых | 100 % (5/5) [57–100 %] |", "Здесь только один стиль: сравнивать не с чем.",
                "Значимой разницы по показателю «доля завершённых» между master и conversational нет");
    }

    @Test
    void should_compare_every_style_of_the_store_without_an_experiment_and_warn_it_is_not_randomised() {
        StoredInterview.style("conversational").answers(2).storeIn(store);
        StoredInterview.style("a|b").answers(2).storeIn(store);
        StoredInterview.style("master").in(TRIAL).answers(2).storeIn(store);
        StoredInterview.style("telegram").language(Language.ENGLISH).answers(2).storeIn(store);

        OutcomeReport report = OutcomeReport.of(store, InterviewQuery.builder().build());

        assertThat(report.experiment()).isNull();
        assertThat(report.outsideExperiment()).isZero();
        assertThat(report.styles("en")).containsExactly("master", "telegram", "conversational", "a|b");
        assertThat(report.comparisons("en")).hasSize(6 * Figure.values().length);
        String markdown = renderer.markdown(report, Language.ENGLISH);
        assertThat(markdown).startsWith("# Style outcomes\n")
                .contains("> These interviews were not assigned to styles at random")
                .contains("| Figure | master | telegram | conversational | a\\|b |")
                .contains("| Finished interviews | 1 | 1 | 1 | 1 |")
                .contains("| Answers per interview | 2.0 · n = 1 |");
    }

    @Test
    void should_restrict_to_what_the_query_lists() {
        StoredInterview.style("master").in(TRIAL).answers(2).storeIn(store);
        StoredInterview.style("master").in(TRIAL).answers(2).startedAt(StoredInterview.T0.plusSeconds(86_400))
                .storeIn(store);

        OutcomeReport report = OutcomeReport.builder(store).experiment("trial")
                .query(InterviewQuery.builder().startedFrom(StoredInterview.T0.plusSeconds(3_600)).build()).build();

        assertThat(report.interviewsRead()).isEqualTo(1);
        assertThat(report.group("en", "master").orElseThrow().interviews()).isEqualTo(1);
    }

    @Test
    void should_render_json_that_reads_back_to_the_same_report() {
        for (int i = 0; i < 6; i++) {
            StoredInterview.style("master").in(TRIAL).answers(3 + i).rating(2 + i % 3).storeIn(store);
            StoredInterview.style("conversational").in(TRIAL).status(InterviewStatus.ENDED_EARLY).answers(2)
                    .storeIn(store);
        }
        OutcomeReport report = OutcomeReport.builder(store).experiment(TRIAL).clock(CLOCK).build();

        String json = renderer.render(report, ReportFormat.JSON, Language.ENGLISH);

        assertThat(renderer.parse(json)).isEqualTo(report);
        assertThat(json).contains("\"schema_version\" : \"1.0\"", "\"experiment\" : \"trial\"",
                "\"generated_at\" : \"2026-04-01T12:00:00Z\"", "\"figure\" : \"completion_rate\"",
                "\"style_a\" : \"master\"", "\"verdict\" : \"different\"", "\"p_value\" :",
                "\"intervals_overlap\" :", "\"minimum_per_group\" : 5");
        assertThatThrownBy(() -> renderer.parse("{\"groups\": 3}")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void should_render_markdown_with_a_table_per_language_and_the_verdicts() {
        for (int i = 0; i < 8; i++) {
            StoredInterview.style("master").in(TRIAL).answers(6).minutes(30 + i).storeIn(store);
            StoredInterview.style("conversational").in(TRIAL).status(InterviewStatus.ENDED_EARLY).answers(6)
                    .minutes(30 + i).storeIn(store);
        }
        OutcomeReport report = OutcomeReport.builder(store).experiment(TRIAL).clock(CLOCK).build();

        String markdown = renderer.render(report, ReportFormat.MARKDOWN, Language.ENGLISH);

        assertThat(markdown).startsWith("# Style outcomes: experiment trial\n\nRead 2026-04-01T12:00:00Z. "
                        + "Interviews listed: 16 · counted (finished): 16 · in progress (left out): 0 · outside the "
                        + "experiment (left out): 0.")
                .contains("## English\n\n| Figure | master | conversational |\n|---|---|---|\n")
                .contains("| Completion rate | 100 % (8/8) [68–100 %] | 0 % (0/8) [0–32 %] |")
                .contains("| Duration, minutes | 33.5 [31.5–35.5] · n = 8 | 33.5 [31.5–35.5] · n = 8 |")
                .contains("- **master is better on completion rate: 100 % vs 0 % (p < 0.001, Fisher's exact test).**")
                .contains("- No significant difference on duration between master and conversational: 33.5 vs "
                        + "33.5 (p = 1.000; the 95 % intervals overlap).")
                .contains("- No verdict on member-check rating between master and conversational: n too small "
                        + "(0 and 0; at least 5 each needed).")
                .doesNotContain("observational").doesNotContain("not assigned to styles at random");
        assertThat(markdown.indexOf("**master is better")).isLessThan(markdown.indexOf("No significant"));
    }

    @Test
    void should_show_hostile_style_codes_as_text_in_the_markdown() {
        List<String> codes = List.of("![](http://beacon.example/p.png)", "[x](javascript:alert(1))",
                "<img src=http://beacon.example/x.png>", "a|b", "**bold**");
        for (String code : codes) {
            StoredInterview.style(code).answers(1).storeIn(store);
        }
        OutcomeReport report = OutcomeReport.of(store, InterviewQuery.builder().build());
        List<org.commonmark.Extension> tables = List.of(org.commonmark.ext.gfm.tables.TablesExtension.create());
        org.commonmark.node.Node document = org.commonmark.parser.Parser.builder().extensions(tables).build()
                .parse(renderer.markdown(report, Language.ENGLISH));
        String html = org.commonmark.renderer.html.HtmlRenderer.builder().extensions(tables).build()
                .render(document);
        String text = org.commonmark.renderer.text.TextContentRenderer.builder().build().render(document);

        assertThat(html).doesNotContain("<img", "<a ", "<strong>bold");
        assertThat(html.split("<th>", -1)).as("one column per style and the figure's").hasSize(codes.size() + 2);
        assertThat(text).contains(codes);
    }

    @Test
    void should_have_every_label_in_english_and_russian() throws Exception {
        java.util.Properties english = new java.util.Properties();
        java.util.Properties russian = new java.util.Properties();
        try (var en = getClass().getResourceAsStream("/dev/interviewagent/core/experiment/labels.properties");
             var ru = getClass().getResourceAsStream("/dev/interviewagent/core/experiment/labels_ru.properties")) {
            english.load(new java.io.InputStreamReader(en, java.nio.charset.StandardCharsets.UTF_8));
            russian.load(new java.io.InputStreamReader(ru, java.nio.charset.StandardCharsets.UTF_8));
        }
        assertThat(russian.keySet()).isEqualTo(english.keySet());
        for (Figure figure : Figure.values()) {
            assertThat(english).containsKeys("figure." + figure.code(), "inline." + figure.code());
        }
    }

    private static void assertMean(Estimate estimate, int n, double mean) {
        assertThat(estimate.n()).isEqualTo(n);
        assertThat(estimate.successes()).isNull();
        assertThat(estimate.value()).isCloseTo(mean, within(1e-9));
    }
}
