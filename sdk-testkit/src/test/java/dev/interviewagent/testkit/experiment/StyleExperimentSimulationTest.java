package dev.interviewagent.testkit.experiment;

import static dev.interviewagent.core.experiment.OutcomeReport.ALL_LANGUAGES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.interviewagent.core.Answer;
import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.InterviewSnapshot;
import dev.interviewagent.core.InterviewStatus;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.MessageId;
import dev.interviewagent.core.Reply;
import dev.interviewagent.core.StartRequest;
import dev.interviewagent.core.experiment.Figure;
import dev.interviewagent.core.experiment.OutcomeReport.Estimate;
import dev.interviewagent.core.experiment.OutcomeReport.Group;
import dev.interviewagent.core.experiment.OutcomeReport;
import dev.interviewagent.core.experiment.OutcomeReportRenderer;
import dev.interviewagent.core.experiment.StyleAssignment;
import dev.interviewagent.core.experiment.StyleExperiment;
import dev.interviewagent.core.experiment.Verdict;
import dev.interviewagent.core.guide.Stage;
import dev.interviewagent.core.internal.analysis.AnswerAnalyzer;
import dev.interviewagent.core.report.KnowledgeReport;
import dev.interviewagent.core.store.InMemoryInterviewStore;
import dev.interviewagent.testkit.persona.Persona;
import dev.interviewagent.testkit.persona.Personas;
import dev.interviewagent.testkit.respondent.SyntheticRespondent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A style experiment run end to end on synthetic respondents: 48 respondents of the built-in personas (English and
 * Russian) are assigned by a 1:1 experiment, interviewed by the offline engine, and the outcome report read from the
 * store is checked against what the simulation itself did and logged. The respondents behave differently per arm, as
 * if the style made them: in {@code master} 85 % stay to the end and 10 % of their answers are vague; in
 * {@code conversational} 35 % stay and 25 % of answers are vague. The others quit with {@code /complete} after 3–10
 * answers. Every draw is seeded, so the run is the same every time.
 */
class StyleExperimentSimulationTest {

    static final StyleExperiment EXPERIMENT = StyleExperiment.parse("sim-2026", "master:1,conversational:1");
    static final Map<String, Behaviour> BEHAVIOUR = Map.of(
            "master", new Behaviour(0.85, 0.10),
            "conversational", new Behaviour(0.35, 0.25));
    static final int RESPONDENTS = 48;
    static final Instant T0 = Instant.parse("2026-02-02T08:00:00Z");
    static final Duration PER_ACTION = Duration.ofSeconds(40);
    /** The moves that deepen what was just said, as docs/experiments.md lists them. */
    static final Set<String> DEEPENING = Set.of("clarify_vague", "deepen_example", "deepen_steps", "deepen_numbers",
            "deepen_insight", "probe_cue", "probe_decision", "probe_basis", "probe_counterfactual", "probe_step",
            "probe_failure", "contrast", "beginners_mind", "expert_secret");
    static final Map<Language, String> VAGUE = Map.of(
            Language.ENGLISH, "It depends on the situation, the usual process really.",
            Language.RUSSIAN, "Ну, по-разному бывает, всё как обычно.");

    /** How a respondent of an arm behaves: the chance to stay to the end, the chance of a vague answer. */
    record Behaviour(double stay, double vague) {
    }

    /** What the simulation did and saw in one interview. */
    record Run(String respondent, Language language, String style, boolean stayed, int answers, int vagueAnswers,
               int vagueChallenged, Duration duration, InterviewSnapshot last, KnowledgeReport report) {
    }

    static final InMemoryInterviewStore STORE = new InMemoryInterviewStore();
    static final List<Run> RUNS = new ArrayList<>();
    static OutcomeReport report;

    @BeforeAll
    static void runTheExperiment() throws IOException {
        SettableClock clock = new SettableClock(T0);
        List<Persona> personas = Personas.builtIn();
        try (InterviewEngine engine = InterviewEngine.builder().store(STORE).clock(clock).build()) {
            for (int i = 0; i < RESPONDENTS; i++) {
                String respondent = "sim:" + i;
                RUNS.add(interview(engine, clock, respondent, personas.get(i % personas.size()),
                        BEHAVIOUR.get(EXPERIMENT.assign(respondent).style()), new SplittableRandom(1_000 + i)));
            }
        }
        report = OutcomeReport.builder(STORE).experiment(EXPERIMENT).build();
        Path out = Path.of("target", "experiment-outcomes.md");        // to read as the operator would
        Files.createDirectories(out.getParent());
        Files.writeString(out, new OutcomeReportRenderer().markdown(report, Language.ENGLISH));
    }

    /** One respondent, start to end; every answer is timed {@link #PER_ACTION} after the one before. */
    static Run interview(InterviewEngine engine, SettableClock clock, String respondent, Persona persona,
                         Behaviour behaviour, SplittableRandom random) {
        Language language = persona.interviewLanguage();
        boolean stays = random.nextDouble() < behaviour.stay();
        int quitAfter = stays ? Integer.MAX_VALUE : 3 + random.nextInt(8);
        Instant start = T0.plus(Duration.ofHours(RUNS.size()));
        clock.set(start);
        Reply reply = engine.start(StartRequest.builder().language(language).experiment(EXPERIMENT, respondent)
                .profile(persona.interviewProfile()).channelKey(respondent).build());
        SyntheticRespondent expert = SyntheticRespondent.of(persona, random.nextLong());
        AnswerAnalyzer analyzer = AnswerAnalyzer.standard();
        int answers = 0;
        int actions = 0;
        int vague = 0;
        int challenged = 0;
        while (!reply.completed()) {
            clock.set(start.plus(PER_ACTION.multipliedBy(++actions)));
            if (answers == quitAfter) {
                reply = engine.complete(reply.interviewId(), MessageId.of("quit"));
                break;
            }
            Stage stage = reply.message().stage();
            String text = random.nextDouble() < behaviour.vague() ? VAGUE.get(language)
                    : expert.answer(reply.message().text()).text();
            reply = engine.answer(reply.interviewId(), Answer.text("answer-" + (++answers), text));
            if (stage != Stage.WRAP_UP && !reply.completed() && analyzer.analyze(text, language).isEvasive()) {
                vague++;
                challenged += DEEPENING.contains(reply.message().move()) ? 1 : 0;
            }
            assertThat(answers).as("%s loops", respondent).isLessThan(300);
        }
        return new Run(respondent, language, reply.interview().style(), stays, answers, vague, challenged,
                PER_ACTION.multipliedBy(actions), reply.interview(), engine.report(reply.interviewId()));
    }

    @Test
    void every_interview_is_in_the_report_under_the_arm_it_was_assigned() {
        assertThat(report.interviewsRead()).isEqualTo(RESPONDENTS);
        assertThat(report.inProgress()).isZero();
        assertThat(report.outsideExperiment()).isZero();
        assertThat(report.languages()).containsExactly(ALL_LANGUAGES, "en", "ru");
        for (Run run : RUNS) {
            assertThat(run.style()).isEqualTo(EXPERIMENT.assign(run.respondent()).style());
            assertThat(StyleAssignment.recordedOn(STORE.load(run.last().id()).orElseThrow()))
                    .contains(new StyleAssignment("sim-2026", run.style()));
        }
        assertThat(RUNS.stream().filter(r -> r.style().equals("master")).count()).as("both arms are used")
                .isBetween(14L, 34L);
    }

    @Test
    void the_figures_are_exactly_what_the_simulation_did() {
        for (String language : report.languages()) {
            for (String style : EXPERIMENT.styles()) {
                Predicate<Run> in = r -> r.style().equals(style)
                        && (language.equals(ALL_LANGUAGES) || r.language().code().equals(language));
                List<Run> runs = RUNS.stream().filter(in).toList();
                Group group = report.group(language, style).orElseThrow();
                String where = style + "/" + language;

                assertThat(group.interviews()).as(where).isEqualTo(runs.size());
                assertThat(group.estimate(Figure.COMPLETION_RATE).successes()).as(where)
                        .isEqualTo((int) runs.stream().filter(Run::stayed).count());
                assertThat(runs).as("who stays completes; who quits ends early").allSatisfy(r ->
                        assertThat(r.last().status()).isEqualTo(r.stayed() ? InterviewStatus.COMPLETED
                                : InterviewStatus.ENDED_EARLY));
                assertMean(group.estimate(Figure.ANSWERS), runs, Run::answers, where);
                assertMean(group.estimate(Figure.DURATION_MINUTES), runs, r -> r.duration().toMillis() / 60_000.0,
                        where);
                assertMean(group.estimate(Figure.STAGES_REACHED), runs, r -> r.report().stages().stream()
                        .filter(s -> s.questions() > 0).count(), where);
                assertMean(group.estimate(Figure.EXAMPLES), runs, r -> r.report().quality().examples(), where);
                assertMean(group.estimate(Figure.PROCESSES), runs, r -> r.report().quality().processes(), where);
                assertMean(group.estimate(Figure.FAILURE_MODES), runs, r -> r.report().quality().failureModes(),
                        where);
                Estimate vague = group.estimate(Figure.VAGUE_CHALLENGED);
                assertThat(vague.n()).as(where).isEqualTo(runs.stream().mapToInt(Run::vagueAnswers).sum());
                assertThat(vague.successes()).as(where)
                        .isEqualTo(runs.stream().mapToInt(Run::vagueChallenged).sum());
                List<Run> rated = runs.stream().filter(r -> r.report().memberCheck().rating() != null).toList();
                assertMean(group.estimate(Figure.MEMBER_CHECK_RATING), rated,
                        r -> r.report().memberCheck().rating(), where);
            }
        }
        assertThat(RUNS.stream().mapToInt(Run::vagueAnswers).sum()).as("the simulation gave vague answers")
                .isGreaterThan(20);
        assertThat(RUNS.stream().filter(r -> r.report().memberCheck().rating() != null).count())
                .as("who stays rates the summary").isGreaterThan(15);
    }

    @Test
    void the_completion_intervals_contain_the_true_chance_to_stay_and_the_verdict_names_the_better_style() {
        for (String style : EXPERIMENT.styles()) {
            assertThat(report.group(ALL_LANGUAGES, style).orElseThrow().estimate(Figure.COMPLETION_RATE)
                    .intervalContains(BEHAVIOUR.get(style).stay())).as(style).isTrue();
        }
        var completion = report.comparison(ALL_LANGUAGES, Figure.COMPLETION_RATE, "master", "conversational")
                .orElseThrow();
        assertThat(completion.verdict()).isEqualTo(Verdict.DIFFERENT);
        assertThat(completion.better()).isEqualTo("master");
        assertThat(completion.summary()).startsWith("master is better on completion rate: ");
        // who quits early answers less and leaves sooner: not "better", but higher for master
        var answers = report.comparison(ALL_LANGUAGES, Figure.ANSWERS, "master", "conversational").orElseThrow();
        assertThat(answers.verdict()).isEqualTo(Verdict.DIFFERENT);
        assertThat(answers.higher()).isEqualTo("master");
        assertThat(answers.better()).isNull();

        String markdown = new OutcomeReportRenderer().markdown(report, Language.ENGLISH);
        assertThat(markdown).contains("# Style outcomes: experiment sim-2026", "## All languages", "## English",
                "## Russian", "**master is better on completion rate: ");
    }

    @Test
    void small_groups_that_behave_alike_show_no_significant_difference() {
        StyleExperiment equal = StyleExperiment.parse("sim-equal", "master:1,conversational:1");
        InMemoryInterviewStore store = new InMemoryInterviewStore();
        SettableClock clock = new SettableClock(T0);
        Behaviour same = new Behaviour(0.5, 0.1);
        List<Persona> personas = Personas.builtIn();
        Map<String, Integer> perArm = new java.util.HashMap<>();
        try (InterviewEngine engine = InterviewEngine.builder().store(store).clock(clock).build()) {
            for (int i = 0; perArm.values().stream().mapToInt(Integer::intValue).sum() < 12; i++) {
                String respondent = "equal:" + i;
                String style = equal.assign(respondent).style();
                int index = perArm.getOrDefault(style, 0);
                if (index == 6) {
                    continue;                        // six a side
                }
                perArm.put(style, index + 1);
                // the same personas and the same draws on both sides
                simulateEqual(engine, clock, equal, respondent, personas.get(index), same,
                        new SplittableRandom(7 + index));
            }
        }
        OutcomeReport small = OutcomeReport.builder(store).experiment(equal).build();

        var completion = small.comparison("en", Figure.COMPLETION_RATE, "master", "conversational").orElseThrow();
        assertThat(small.group("en", "master").orElseThrow().interviews()).isEqualTo(6);
        assertThat(small.group("en", "conversational").orElseThrow().interviews()).isEqualTo(6);
        assertThat(completion.verdict()).isEqualTo(Verdict.NOT_SIGNIFICANT);
        assertThat(completion.summary()).startsWith("No significant difference on completion rate between master "
                + "and conversational: ");
    }

    private static void simulateEqual(InterviewEngine engine, SettableClock clock, StyleExperiment experiment,
                                      String respondent, Persona persona, Behaviour behaviour,
                                      SplittableRandom random) {
        boolean stays = random.nextDouble() < behaviour.stay();
        int quitAfter = stays ? Integer.MAX_VALUE : 3 + random.nextInt(8);
        Reply reply = engine.start(StartRequest.builder().language(persona.interviewLanguage())
                .experiment(experiment, respondent).profile(persona.interviewProfile()).build());
        SyntheticRespondent expert = SyntheticRespondent.of(persona, 11);
        int answers = 0;
        while (!reply.completed() && answers < 300) {
            clock.set(clock.instant().plusSeconds(30));
            if (answers == quitAfter) {
                engine.complete(reply.interviewId(), MessageId.of("quit"));
                return;
            }
            reply = engine.answer(reply.interviewId(), Answer.text("a-" + (++answers),
                    expert.answer(reply.message().text()).text()));
        }
    }

    private static void assertMean(Estimate estimate, List<Run> runs, ToDoubleFunction<Run> figure, String where) {
        assertThat(estimate.n()).as(where + " " + estimate.figure().code()).isEqualTo(runs.size());
        if (!runs.isEmpty()) {
            assertThat(estimate.value()).as(where + " " + estimate.figure().code())
                    .isCloseTo(runs.stream().mapToDouble(figure).average().orElseThrow(), within(1e-9));
        }
    }

    /** A clock the simulation sets before each action, so durations are known exactly. */
    static final class SettableClock extends Clock {
        private volatile Instant now;

        SettableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
