package dev.interviewagent.core.spi.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewagent.core.Language;
import dev.interviewagent.core.guide.InterviewStyles;
import dev.interviewagent.core.internal.guard.OneQuestionGuard;
import dev.interviewagent.core.internal.guard.QuestionFingerprint;
import dev.interviewagent.core.spi.BrainReply;
import dev.interviewagent.core.spi.BrainRequest;
import dev.interviewagent.core.spi.InterviewerBrain;
import dev.interviewagent.core.spi.MoveType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract every {@link InterviewerBrain} must meet: every move phrased, in the interview's language, with
 * exactly one question (none when closing), quoting what it is asked to quote, probing a story on its own words
 * (the move's anchor), and never repeating a question already asked. Extend it and implement {@link #newBrain()}. Ships in the sdk-core test-jar; declare
 * junit-jupiter-params and assertj-core yourself.
 */
public abstract class InterviewerBrainContract {

    protected InterviewerBrain brain;
    private final OneQuestionGuard guard = OneQuestionGuard.create();

    /** The brain to test; called before each test. */
    protected abstract InterviewerBrain newBrain();

    @BeforeEach
    void createBrain() {
        brain = newBrain();
    }

    static Stream<Arguments> movesAndLanguages() {
        List<Arguments> all = new ArrayList<>();
        for (MoveType type : MoveType.values()) {
            for (Language language : Language.builtIn()) {
                all.add(Arguments.of(type, language));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("movesAndLanguages")
    void should_phrase_every_move_with_exactly_one_question(MoveType type, Language language) {
        BrainReply reply = brain.phrase(BrainRequests.forMove(type, language, "master", List.of()));

        assertThat(reply.message()).isNotBlank();
        assertThat(reply.phrasedBy()).isNotBlank();
        int expected = type.asksQuestion() ? 1 : 0;
        assertThat(guard.countQuestions(reply.message(), language)).as(reply.message()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("movesAndLanguages")
    void should_write_in_the_interview_language(MoveType type, Language language) {
        String message = brain.phrase(BrainRequests.forMove(type, language, "conversational", List.of())).message();
        long cyrillic = message.codePoints().filter(c -> Character.UnicodeScript.of(c)
                == Character.UnicodeScript.CYRILLIC).count();
        long latin = message.codePoints().filter(c -> Character.UnicodeScript.of(c)
                == Character.UnicodeScript.LATIN).count();
        if (language == Language.RUSSIAN) {
            assertThat(cyrillic).as(message).isGreaterThan(latin);
        } else {
            assertThat(latin).as(message).isGreaterThan(cyrillic);
        }
    }

    @Test
    void should_phrase_every_move_in_every_built_in_style() {
        for (String style : InterviewStyles.BUILT_IN_CODES) {
            for (MoveType type : MoveType.values()) {
                for (Language language : Language.builtIn()) {
                    BrainReply reply = brain.phrase(BrainRequests.forMove(type, language, style, List.of()));
                    assertThat(guard.countQuestions(reply.message(), language))
                            .as("%s %s %s: %s", style, type, language, reply.message())
                            .isEqualTo(type.asksQuestion() ? 1 : 0);
                }
            }
        }
    }

    @Test
    void should_quote_the_vague_phrase_when_asked_to_clarify_it() {
        for (Language language : Language.builtIn()) {
            BrainRequest request = BrainRequests.forMove(MoveType.CLARIFY_VAGUE, language, "master", List.of());
            String message = brain.phrase(request).message().toLowerCase(Locale.ROOT);
            assertThat(message).contains(request.move().quote().toLowerCase(Locale.ROOT));
        }
    }

    @Test
    void should_anchor_a_story_probe_on_the_words_of_the_story() {
        for (Language language : Language.builtIn()) {
            for (MoveType type : List.of(MoveType.PROBE_CUE, MoveType.PROBE_DECISION, MoveType.PROBE_BASIS)) {
                BrainRequest request = BrainRequests.forMove(type, language, "master", List.of());
                String message = brain.phrase(request).message().toLowerCase(Locale.ROOT);
                assertThat(message).as("%s %s", type, language)
                        .contains(BrainRequests.anchor(language).toLowerCase(Locale.ROOT));
            }
        }
    }

    @Test
    void should_not_repeat_a_question_already_asked() {
        for (Language language : Language.builtIn()) {
            for (MoveType type : List.of(MoveType.DEEPEN_EXAMPLE, MoveType.DEEPEN_STEPS, MoveType.NEW_TOPIC,
                    MoveType.CLARIFY_VAGUE)) {
                List<String> asked = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    String message = brain.phrase(BrainRequests.forMove(type, language, "master", asked)).message();
                    String fingerprint = QuestionFingerprint.of(message);
                    assertThat(asked).as("%s %s round %d: %s", type, language, i, message).doesNotContain(fingerprint);
                    asked.add(fingerprint);
                }
            }
        }
    }
}
