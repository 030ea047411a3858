package dev.interviewagent.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.Reply;
import dev.interviewagent.core.StartRequest;
import dev.interviewagent.core.guide.Stage;
import dev.interviewagent.core.scenario.InterviewDriver;
import dev.interviewagent.core.scenario.ScriptedExpert;
import dev.interviewagent.core.scenario.ScriptedExperts;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The report holds the expert's own knowledge, and a vague expert's report is visibly thinner. */
class ReportContentTest {

    private final InterviewEngine engine = InterviewEngine.builder().build();

    @AfterEach
    void close() {
        engine.close();
    }

    static Stream<ScriptedExpert> experts() {
        return Stream.concat(ScriptedExperts.english().stream(), ScriptedExperts.russian().stream());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("experts")
    void should_hold_examples_processes_failures_and_numbers_from_the_answers(ScriptedExpert expert) {
        Reply last = InterviewDriver.run(engine, expert, "master");
        KnowledgeReport report = engine.report(last.interviewId());
        String said = allAnswers(expert);

        assertThat(report.isFinal()).isTrue();
        assertThat(report.examples()).hasSizeGreaterThanOrEqualTo(5)
                .allSatisfy(e -> assertThat(said).contains(norm(e.text()).substring(0, Math.min(30,
                        norm(e.text()).length()))));
        assertThat(report.processes()).isNotEmpty();
        KnowledgeReport.Process longest = report.processes().stream()
                .max((a, b) -> Integer.compare(a.steps().size(), b.steps().size())).orElseThrow();
        assertThat(longest.steps()).hasSizeGreaterThanOrEqualTo(3);
        assertStepsInOrder(said, longest.steps());
        assertThat(report.failureModes()).isNotEmpty();
        assertThat(report.failureModes()).anySatisfy(f -> assertThat(f.fix()).isNotBlank());
        assertThat(report.metrics()).hasSizeGreaterThanOrEqualTo(5)
                .allSatisfy(m -> assertThat(said).contains(norm(m.value() == null ? m.text() : m.value())));
        assertThat(report.quality().examples()).isEqualTo(report.examples().size());
        assertThat(report.quality().averageDepth()).isBetween(1.5, 3.5);
        assertThat(report.stages()).allSatisfy(s -> assertThat(s.status()).isEqualTo("completed"));
        assertThat(report.transcript()).hasSize(last.interview().turnCount());
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "ru"})
    void should_be_thinner_and_list_the_gaps_when_the_expert_is_vague(Language language) {
        List<String> vague = new ArrayList<>(ScriptedExperts.evasiveAnswers(language));
        vague.add(language == Language.RUSSIAN ? "Не знаю, это не моя область." : "I don't know, that's not my area.");
        Reply thin = InterviewDriver.run(engine, StartRequest.builder().language(language).build(), vague);
        ScriptedExpert concrete = language == Language.RUSSIAN ? ScriptedExperts.welder() : ScriptedExperts.icuNurse();
        Reply rich = InterviewDriver.run(engine, concrete, "master");

        KnowledgeReport thinReport = engine.report(thin.interviewId());
        KnowledgeReport richReport = engine.report(rich.interviewId());
        assertThat(thinReport.gaps()).isNotEmpty();
        assertThat(thinReport.examples()).isEmpty();
        assertThat(thinReport.processes()).isEmpty();
        assertThat(thinReport.quality().vagueAnswersChallenged()).isGreaterThan(5);
        assertThat(thinReport.quality().examples()).isLessThan(richReport.quality().examples());
        assertThat(thinReport.stages()).filteredOn(s -> !s.code().equals(Stage.GREETING.code())
                        && !s.code().equals(Stage.WRAP_UP.code()))
                .allSatisfy(s -> assertThat(s.endReason()).isEqualTo("turn_cap"));
        assertThat(engine.report(thin.interviewId(), ReportFormat.MARKDOWN).length())
                .isLessThan(engine.report(rich.interviewId(), ReportFormat.MARKDOWN).length());
    }

    private static void assertStepsInOrder(String said, List<String> steps) {
        int from = 0;
        for (String step : steps) {
            String key = norm(step);
            key = key.substring(0, Math.min(15, key.length()));
            int at = said.indexOf(key, from);
            assertThat(at).as("step '%s' in order", step).isGreaterThanOrEqualTo(0);
            from = at;
        }
    }

    private static String allAnswers(ScriptedExpert expert) {
        StringBuilder all = new StringBuilder();
        for (Stage stage : Stage.values()) {
            for (int i = 0; i < 6; i++) {
                all.append(expert.answer(stage, i)).append(' ');
            }
        }
        return norm(all.toString());
    }

    private static String norm(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    }
}
