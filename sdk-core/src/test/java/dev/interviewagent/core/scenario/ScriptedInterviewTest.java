package dev.interviewagent.core.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewagent.core.CloseReason;
import dev.interviewagent.core.Interview;
import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.InterviewStatus;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.Reply;
import dev.interviewagent.core.StageProgress;
import dev.interviewagent.core.Turn;
import dev.interviewagent.core.guide.InterviewStyles;
import dev.interviewagent.core.guide.Stage;
import dev.interviewagent.core.internal.guard.OneQuestionGuard;
import dev.interviewagent.core.internal.guard.QuestionFingerprint;
import dev.interviewagent.core.spi.testkit.TestInterviews;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ScriptedInterviewTest {

    private final InterviewEngine engine = InterviewEngine.builder().build();
    private final OneQuestionGuard guard = OneQuestionGuard.create();

    @AfterEach
    void close() {
        engine.close();
    }

    static Stream<ScriptedExpert> experts() {
        return Stream.concat(ScriptedExperts.english().stream(), ScriptedExperts.russian().stream());
    }

    static Stream<Arguments> styles() {
        return InterviewStyles.BUILT_IN_CODES.stream().flatMap(style -> Stream.of(
                Arguments.of(ScriptedExperts.icuNurse(), style), Arguments.of(ScriptedExperts.welder(), style)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("experts")
    void should_complete_all_nine_stages_when_the_expert_answers_concretely(ScriptedExpert expert) {
        Reply last = InterviewDriver.run(engine, expert, "master");

        Interview interview = TestInterviews.whole(last.interview());
        assertThat(interview.status()).isEqualTo(InterviewStatus.COMPLETED);
        assertThat(interview.closeReason()).isEqualTo(CloseReason.NORMAL);
        assertThat(interview.stages()).extracting(StageProgress::status)
                .containsOnly(StageProgress.Status.COMPLETED);
        List<Turn> turns = engine.transcript(interview.id());
        assertMethodology(interview, turns);
        assertThat(stagesInOrder(turns)).containsExactly(Stage.values());
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("styles")
    void should_hold_the_rules_in_every_style(ScriptedExpert expert, String style) {
        Reply last = InterviewDriver.run(engine, expert, style);

        assertThat(last.interview().status()).isEqualTo(InterviewStatus.COMPLETED);
        assertThat(last.interview().style()).isEqualTo(style);
        assertMethodology(TestInterviews.whole(last.interview()), engine.transcript(last.interviewId()));
    }

    @Test
    void should_refer_back_to_an_earlier_answer_in_every_stage_after_the_greeting() {
        Reply last = InterviewDriver.run(engine, ScriptedExperts.siteReliabilityEngineer(), "conversational");
        for (Stage stage : Stage.values()) {
            if (stage != Stage.GREETING) {
                assertThat(last.interview().progress(stage).referencedBack()).as(stage.code()).isTrue();
            }
        }
    }

    /** The hard rules every completed interview must show in its log. */
    private void assertMethodology(Interview interview, List<Turn> turns) {
        Language language = interview.language();
        Set<String> fingerprints = new HashSet<>();
        for (Turn turn : turns) {
            if (turn.isInterviewer()) {
                int questions = guard.countQuestions(turn.text(), language);
                if (turn.kind() == Turn.Kind.QUESTION) {
                    assertThat(questions).as("one question in turn %d: %s", turn.number(), turn.text()).isEqualTo(1);
                } else {
                    assertThat(questions).as("no question in the closing: %s", turn.text()).isZero();
                }
                assertThat(fingerprints.add(QuestionFingerprint.of(turn.text())))
                        .as("turn %d repeats an earlier message: %s", turn.number(), turn.text()).isTrue();
                if (language == Language.RUSSIAN) {
                    assertThat(turn.text()).as("Russian text in turn %d", turn.number()).containsPattern("[а-яА-ЯёЁ]");
                }
                assertThat(turn.phrasedBy()).isNotBlank();
            }
        }
        assertThat(turns).extracting(Turn::number)
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, turns.size()).boxed().toList());
        assertThat(interview.turnCount()).isEqualTo(turns.size());
    }

    private static List<Stage> stagesInOrder(List<Turn> turns) {
        List<Stage> order = new ArrayList<>();
        for (Turn turn : turns) {
            if (order.isEmpty() || order.get(order.size() - 1) != turn.stage()) {
                order.add(turn.stage());
            }
        }
        return order;
    }
}
