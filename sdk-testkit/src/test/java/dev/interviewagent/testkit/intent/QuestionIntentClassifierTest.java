package dev.interviewagent.testkit.intent;

import static dev.interviewagent.core.Language.ENGLISH;
import static dev.interviewagent.core.Language.RUSSIAN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import dev.interviewagent.core.Language;
import dev.interviewagent.testkit.intent.QuestionIntentClassifier.Reading;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class QuestionIntentClassifierTest {

    private final QuestionIntentClassifier classifier = QuestionIntentClassifier.create();

    @Nested
    class AsksForAnother {

        static Stream<Arguments> messages() {
            return Stream.of(
                    Arguments.of("That’s a vivid example. Is there another time something like that happened?",
                            ENGLISH, true),
                    Arguments.of("Can you think of a different case, perhaps from your early years?", ENGLISH, true),
                    Arguments.of("Do you have one more example where the same approach worked?", ENGLISH, true),
                    Arguments.of("Were there any other situations like that?", ENGLISH, true),
                    Arguments.of("Could you give me one specific example — a particular time this happened?",
                            ENGLISH, false),
                    Arguments.of("Let’s open another topic. What first drew you into this line of work?", ENGLISH,
                            false),
                    Arguments.of("Shall we try another angle?", ENGLISH, false),
                    Arguments.of("You said “another time it failed” — what does that look like in practice?",
                            ENGLISH, false),
                    Arguments.of("А был ли другой случай, когда всё пошло похожим образом?", RUSSIAN, true),
                    Arguments.of("Можете привести ещё один пример?", RUSSIAN, true),
                    Arguments.of("Вспоминается ли вам иной случай?", RUSSIAN, true),
                    Arguments.of("Были ли другие ситуации, похожие на эту?", RUSSIAN, true),
                    Arguments.of("Можете привести один конкретный пример?", RUSSIAN, false),
                    Arguments.of("Давайте откроем ещё одну тему. Что когда-то привело вас в эту профессию?",
                            RUSSIAN, false),
                    Arguments.of("Можете ещё раз объяснить, что вы имеете в виду?", RUSSIAN, false),
                    Arguments.of("Вы сказали «в другой раз сделаем иначе» — как это выглядит на практике?", RUSSIAN,
                            false));
        }

        @ParameterizedTest
        @MethodSource("messages")
        void isTrueOnlyWhenTheQuestionAsksForAnotherCase(String message, Language language, boolean expected) {
            assertThat(classifier.read(message, language).asksForAnother()).as(message).isEqualTo(expected);
        }

        @Test
        void aRequestForAnotherCaseIsAnExample() {
            assertThat(classifier.read("Is there another time this happened?", ENGLISH))
                    .isEqualTo(new Reading(QuestionIntent.EXAMPLE, "Is there another time this happened?", true));
            assertThat(classifier.classify("А был ли другой случай?", RUSSIAN)).isEqualTo(QuestionIntent.EXAMPLE);
        }
    }

    @Nested
    class QuestionSentence {

        @Test
        void isTheSentenceThatAsksAfterTheLeadSentences() {
            Reading reading = classifier.read("Thank you — that’s helpful. Earlier you said “we always wait”. "
                    + "When the rind started to swell, what did you notice first?", ENGLISH);
            assertThat(reading.question()).isEqualTo("When the rind started to swell, what did you notice first?");
            assertThat(reading.intent()).isEqualTo(QuestionIntent.CUE);
        }

        @Test
        void punctuationInsideAQuotationDoesNotEndASentence() {
            Reading reading = classifier.read(
                    "Earlier you said “why bother? It always works.” What happens if you skip it?", ENGLISH);
            assertThat(reading.question()).isEqualTo("What happens if you skip it?");
            assertThat(reading.intent()).isEqualTo(QuestionIntent.FAILURE);
        }

        @Test
        void aQuestionMarkInsideTheClosingQuoteStillAsks() {
            Reading reading = classifier.read("Thanks. What did you mean by “as usual?”", ENGLISH);
            assertThat(reading.question()).isEqualTo("What did you mean by “as usual?”");
            assertThat(reading.intent()).isEqualTo(QuestionIntent.CLARIFY);
        }

        @Test
        void aRequestWithoutAQuestionMarkIsTheQuestion() {
            Reading reading = classifier.read("Thank you. Walk me through a typical working day.", ENGLISH);
            assertThat(reading.question()).isEqualTo("Walk me through a typical working day.");
            assertThat(reading.intent()).isEqualTo(QuestionIntent.STEPS);
        }

        @Test
        void aRequestRightBeforeTheQuestionSetsItsTopic() {
            Reading reading = classifier.read(
                    "Расскажите об ошибке, которую месяцами никто не замечал. Что её в итоге выдало?", RUSSIAN);
            assertThat(reading.question()).isEqualTo("Что её в итоге выдало?");
            assertThat(reading.intent()).isEqualTo(QuestionIntent.FAILURE);
            assertThat(classifier.classify("Что её в итоге выдало?", RUSSIAN)).isEqualTo(QuestionIntent.CUE);
        }
    }

    @Nested
    class QuotedWords {

        static Stream<Arguments> messages() {
            return Stream.of(
                    Arguments.of("You said “a costly mistake” — what does that look like in practice?", ENGLISH,
                            QuestionIntent.CLARIFY),
                    Arguments.of("You said \"mistakes happen\" - what do you mean?", ENGLISH, QuestionIntent.CLARIFY),
                    Arguments.of("Earlier you said “the newcomer made an error with the example batch”. "
                            + "How did you know the curd was ready?", ENGLISH, QuestionIntent.CUE),
                    Arguments.of("You mentioned „step by step“. Why does that work?", ENGLISH,
                            QuestionIntent.PRINCIPLE),
                    Arguments.of("Вы сказали «ошибка «как обычно»» — что вы имеете в виду?", RUSSIAN,
                            QuestionIntent.CLARIFY),
                    Arguments.of("Раньше вы сказали: «новичок сделал ошибку». Что вы заметили первым?", RUSSIAN,
                            QuestionIntent.CUE),
                    Arguments.of("Вы сказали «по шагам, как всегда» — сколько это примерно?", RUSSIAN,
                            QuestionIntent.NUMBERS));
        }

        @ParameterizedTest
        @MethodSource("messages")
        void neverDecideTheIntent(String message, Language language, QuestionIntent expected) {
            assertThat(classifier.classify(message, language)).as(message).isEqualTo(expected);
        }

        @Test
        void aQuotationIsStillSeenAsQuoted() {
            assertThat(classifier.classify("What does “a clean break” look like?", ENGLISH))
                    .isEqualTo(QuestionIntent.CLARIFY);
            assertThat(classifier.classify("Before: “12 degrees”; now: “we let it drift”. What changed?", ENGLISH))
                    .isEqualTo(QuestionIntent.CLARIFY);
            assertThat(classifier.classify("What changed?", ENGLISH)).isNotEqualTo(QuestionIntent.CLARIFY);
        }

        @Test
        void anUnclosedQuoteQuotesNothing() {
            Reading reading = classifier.read("You said “it was a mistake. What went wrong that morning?", ENGLISH);
            assertThat(reading.question()).isEqualTo("What went wrong that morning?");
            assertThat(reading.intent()).isEqualTo(QuestionIntent.FAILURE);
        }
    }

    @Nested
    class MemberAndSummaryChecks {

        @Test
        void aListWithARatingIsTheMemberCheckWhateverTheItemsSay() {
            String message = "Here is what I’ve taken away so far:\n1. A newcomer makes the same mistake.\n"
                    + "2. Give an example, step by step.\nIs this right — and how would you rate this summary "
                    + "from 1 to 4?";
            assertThat(classifier.read(message, ENGLISH)).isEqualTo(new Reading(QuestionIntent.MEMBER_CHECK,
                    "Is this right — and how would you rate this summary from 1 to 4?", false));
        }

        @Test
        void aListWithAConfirmationIsTheMemberCheckEvenWithoutARating() {
            assertThat(classifier.classify("Here’s what I captured:\n1. Smell first.\n2. Never rush the brine.\n"
                    + "Did I get these right?", ENGLISH)).isEqualTo(QuestionIntent.MEMBER_CHECK);
            assertThat(classifier.classify("Вот что я записал:\n1. Сначала запах.\n2. Не торопить рассол.\n"
                    + "Я всё правильно понял?", RUSSIAN)).isEqualTo(QuestionIntent.MEMBER_CHECK);
        }

        @Test
        void theRatingAloneMakesTheMemberCheck() {
            assertThat(classifier.classify("Does my picture of your work feel accurate — and how would you rate it "
                    + "from 1 to 4?", ENGLISH)).isEqualTo(QuestionIntent.MEMBER_CHECK);
            assertThat(classifier.classify("Верно ли я понял главное — и ваша оценка от 1 до 4?", RUSSIAN))
                    .isEqualTo(QuestionIntent.MEMBER_CHECK);
        }

        @Test
        void aConfirmationOfOneParaphraseIsTheSummaryCheck() {
            assertThat(classifier.classify("So the main point is “patience beats salt”. Is that right?", ENGLISH))
                    .isEqualTo(QuestionIntent.SUMMARY_CHECK);
            assertThat(classifier.classify("It sounds like the essence is “read the cellar”. Would you put it that "
                    + "way?", ENGLISH)).isEqualTo(QuestionIntent.SUMMARY_CHECK);
            assertThat(classifier.classify("Правильно ли я понимаю, что главное — «терпение важнее соли»?",
                    RUSSIAN)).isEqualTo(QuestionIntent.SUMMARY_CHECK);
            assertThat(classifier.classify("Итак, суть: «сначала нюхать». Верно?", RUSSIAN))
                    .isEqualTo(QuestionIntent.SUMMARY_CHECK);
        }
    }

    @Nested
    class ScriptDetection {

        @Test
        void russianTextIsReadWithRussianRulesWhateverTheLanguageSays() {
            assertThat(classifier.classify("Когда корка начала вздуваться, что вы заметили первым?", ENGLISH))
                    .isEqualTo(QuestionIntent.CUE);
        }

        @Test
        void englishTextIsReadWithEnglishRulesWhateverTheLanguageSays() {
            assertThat(classifier.classify("At that moment, what options did you weigh?", RUSSIAN))
                    .isEqualTo(QuestionIntent.DECISION);
        }

        @Test
        void quotedWordsInTheOtherAlphabetDoNotDecideTheScript() {
            assertThat(classifier.classify("Вы сказали «onboarding by shadowing» — как это выглядит на практике?",
                    RUSSIAN)).isEqualTo(QuestionIntent.CLARIFY);
            assertThat(classifier.classify("You said “как обычно, по ощущениям” — what does that look like in "
                    + "practice?", ENGLISH)).isEqualTo(QuestionIntent.CLARIFY);
        }

        @Test
        void theLanguageDecidesWhenTheScriptDoesNot() {
            assertThat(classifier.read("1-4?", RUSSIAN).intent()).isEqualTo(QuestionIntent.MEMBER_CHECK);
            assertThat(classifier.read("1-4?", null).intent()).isEqualTo(QuestionIntent.MEMBER_CHECK);
        }
    }

    @Nested
    class OddInput {

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"   ", "\n\n", "?", "???", "…", "1.\n2.", "👋🙂", "“", "«««", "\"", "— ?", "\r\n?\r\n"})
        void readsAsOtherWithoutThrowing(String message) {
            for (Language language : new Language[] {ENGLISH, RUSSIAN, null}) {
                Reading reading = classifier.read(message, language);
                assertThat(reading.intent()).isEqualTo(QuestionIntent.OTHER);
                assertThat(reading.asksForAnother()).isFalse();
                assertThat(classifier.classify(message, language)).isEqualTo(QuestionIntent.OTHER);
            }
        }

        @Test
        void blankInputHasNoQuestion() {
            assertThat(classifier.read(null, ENGLISH)).isEqualTo(new Reading(QuestionIntent.OTHER, "", false));
            assertThat(classifier.read("  ", RUSSIAN).question()).isEmpty();
        }

        @Test
        void aMessageWithoutAQuestionIsOther() {
            assertThat(classifier.classify("Thank you — that was helpful. Let’s move on.", ENGLISH))
                    .isEqualTo(QuestionIntent.OTHER);
            assertThat(classifier.classify("Спасибо, на этом мы закончили.", RUSSIAN))
                    .isEqualTo(QuestionIntent.OTHER);
        }

        @Test
        void aVeryLongMessageIsClassifiedByTheQuestionAtItsEnd() {
            String message = "Thank you — that’s helpful. ".repeat(2_000) + "What options did you weigh?";
            assertThat(classifier.classify(message, ENGLISH)).isEqualTo(QuestionIntent.DECISION);
        }

        @Test
        void windowsLineBreaksAndTheFullWidthQuestionMarkWork() {
            assertThat(classifier.read("Thanks.\r\nWhat did you notice first？", ENGLISH).question())
                    .isEqualTo("What did you notice first?");
        }
    }

    @Test
    void oneInstanceServesConcurrentCallers() {
        List<LabelledQuestions.LabelledQuestion> rows = Language.builtIn().stream()
                .flatMap(language -> LabelledQuestions.of(language).stream()).toList();
        List<QuestionIntent> sequential = rows.stream()
                .map(row -> classifier.classify(row.message(), row.language())).toList();
        List<QuestionIntent> parallel = rows.parallelStream()
                .map(row -> QuestionIntentClassifier.create().classify(row.message(), row.language())).toList();
        assertThat(parallel).isEqualTo(sequential);
        assertThat(QuestionIntentClassifier.create()).isSameAs(classifier);
    }

    @Test
    void aReadingNeedsAnIntentAndAQuestion() {
        assertThatNullPointerException().isThrownBy(() -> new Reading(null, "", false));
        assertThatNullPointerException().isThrownBy(() -> new Reading(QuestionIntent.OTHER, null, false));
    }
}
