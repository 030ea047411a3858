package dev.interviewagent.core.internal.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import dev.interviewagent.core.Language;
import dev.interviewagent.core.guide.InterviewGuide;
import dev.interviewagent.core.guide.StageDefinition;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OneQuestionGuardTest {

    private final OneQuestionGuard guard = OneQuestionGuard.create();

    /** message | expected question count | expected repair (null: unchanged). */
    static Stream<Arguments> english() {
        return Stream.of(
                Arguments.of("What do you do?", 1, null),
                Arguments.of("Thank you. What do you do?", 1, null),
                Arguments.of("What do you do? Why?", 2, "What do you do?"),
                Arguments.of("Thanks — that’s helpful. What tools do you use? And how often?", 2,
                        "Thanks — that’s helpful. What tools do you use?"),
                Arguments.of("Tell me about your day. And also, what tools do you use?", 2, "Tell me about your day."),
                Arguments.of("Tell me about your day, and also what tools you use.", 2, "Tell me about your day."),
                Arguments.of("Tell me about an error that went unnoticed for months. What finally gave it away?", 1, null),
                Arguments.of("Could you walk me through a typical day?", 1, null),
                Arguments.of("Walk me through a typical day.", 1, null),
                Arguments.of("Thank you.", 0, null),
                Arguments.of("Thank you — that was helpful. Let’s move on.", 0, null),
                Arguments.of("You said “why bother?” — what did you mean?", 1, null),
                Arguments.of("You said \"why bother?\" — what did you mean?", 1, null),
                Arguments.of("Is this right — and how would you rate this summary from 1 to 4?", 1, null),
                Arguments.of("Here is my summary:\n1. Call the client first.\n2. Describe the risk early.\n"
                        + "Is this right — and how would you rate it from 1 to 4?", 1, null),
                Arguments.of("What tools and also people help you?", 1, null),
                Arguments.of("What do you do？ How？", 2, "What do you do？"),
                Arguments.of("What do you do?!", 1, null),
                Arguments.of("Great! What happened next?", 1, null),
                Arguments.of("How long have you been doing this work, and in which roles?", 1, null),
                Arguments.of("Describe your day. Describe your tools.", 2, "Describe your day."),
                Arguments.of("What tools do you use? Also, how do you choose them?", 2, "What tools do you use?"),
                Arguments.of("Also, thank you for the example. What happened next?", 1, null),
                Arguments.of("What tools do you use, and also how do you pick them?", 2, "What tools do you use?"),
                Arguments.of("", 0, null),
                Arguments.of("Why? Why not?", 2, "Why?"),
                Arguments.of("Earlier you said “we skip it when rushed.” What happens then?", 1, null),
                Arguments.of("Please describe the last incident.", 1, null),
                Arguments.of("So what happened next? Take your time.", 1, null),
                Arguments.of("What happened? Take your time. And also, why did it happen?", 2, "What happened?"),
                Arguments.of("👋 Hi! What first drew you into this line of work?", 1, null),
                Arguments.of("That’s great. In addition, could you tell me how long it took?", 1, null),
                Arguments.of("Walk me through the process, in addition, what tools you use.", 2,
                        "Walk me through the process."),
                Arguments.of("What did you mean by “as usual?”", 1, null),
                Arguments.of("You said “why bother?”", 0, null),
                Arguments.of("Thanks. Could you say what “standard” means? Then what “usual” means?", 2,
                        "Thanks. Could you say what “standard” means?"));
    }

    static Stream<Arguments> russian() {
        return Stream.of(
                Arguments.of("Что вы делаете?", 1, null),
                Arguments.of("Спасибо. Что вы делаете?", 1, null),
                Arguments.of("Что вы делаете? Почему?", 2, "Что вы делаете?"),
                Arguments.of("Расскажите о своём дне. А также какие инструменты вы используете?", 2,
                        "Расскажите о своём дне."),
                Arguments.of("Расскажите о своём дне, а также какие инструменты вы используете.", 2,
                        "Расскажите о своём дне."),
                Arguments.of("Расскажите об ошибке, которую месяцами никто не замечал. Что её в итоге выдало?", 1, null),
                Arguments.of("Проведите меня по вашему обычному рабочему дню — от первой задачи до последней.", 1, null),
                Arguments.of("Спасибо.", 0, null),
                Arguments.of("Вы сказали «а зачем?» — что вы имели в виду?", 1, null),
                Arguments.of("Всё ли верно — и как бы вы оценили это резюме по шкале от 1 до 4?", 1, null),
                Arguments.of("Какие инструменты и документы, а также люди вам помогают?", 1, null),
                Arguments.of("Что вы делаете? И ещё: сколько это занимает?", 2, "Что вы делаете?"),
                Arguments.of("Какие задачи отнимают больше всего времени и что запускает каждую из них?", 1, null),
                Arguments.of("Опишите день. Опишите инструменты.", 2, "Опишите день."),
                Arguments.of("Что вы делаете？ Зачем？", 2, "Что вы делаете？"),
                Arguments.of("Отлично! Что было дальше?", 1, null),
                Arguments.of("Понимаю. Давайте перейдём к новой теме.", 0, null),
                Arguments.of("Вот резюме:\n1. Опишите риск заранее.\n2. Звоните клиенту.\n"
                        + "Всё верно — и ваша оценка от 1 до 4?", 1, null),
                Arguments.of("Сколько лет вы занимаетесь этой работой и в каких ролях?", 1, null),
                Arguments.of("Как вы это делаете, и ещё — почему именно так?", 2, "Как вы это делаете?"),
                Arguments.of("Пожалуйста, приведите пример.", 1, null),
                Arguments.of("Что произошло? Не торопитесь.", 1, null),
                Arguments.of("Что произошло? Не торопитесь. А ещё, почему это случилось?", 2, "Что произошло?"),
                Arguments.of("Раньше вы сказали «мы всегда так делаем.» Как это сочетается?", 1, null),
                Arguments.of("Кроме того, как вы проверяете результат? И что делаете, если он плохой?", 2,
                        "Кроме того, как вы проверяете результат?"),
                Arguments.of("", 0, null),
                Arguments.of("Почему? Зачем? Когда?", 3, "Почему?"),
                Arguments.of("Также расскажите, как вы это измеряете.", 1, null),
                Arguments.of("Спасибо, это очень полезно. Можете привести один конкретный пример?", 1, null),
                Arguments.of("Вы сказали „как обычно?“ — что это значит?", 1, null),
                Arguments.of("Опишите процесс, а также какие инструменты нужны.", 2, "Опишите процесс."),
                Arguments.of("🗺️ Понял. Теперь — «От новичка до эксперта». Что новичок обязан знать в самый первый день?",
                        1, null),
                Arguments.of("Что вы имели в виду под «как обычно?»", 1, null),
                Arguments.of("Вы сказали «а зачем?»", 0, null));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("english")
    void should_count_and_repair_questions_when_message_is_english(String message, int count, String repaired) {
        assertGuard(message, Language.ENGLISH, count, repaired);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("russian")
    void should_count_and_repair_questions_when_message_is_russian(String message, int count, String repaired) {
        assertGuard(message, Language.RUSSIAN, count, repaired);
    }

    private void assertGuard(String message, Language language, int count, String repaired) {
        // when
        GuardResult result = guard.check(message, language);

        // then
        assertThat(result.questionCount()).as("questions in %s", message).isEqualTo(count);
        assertThat(guard.countQuestions(message, language)).isEqualTo(count);
        assertThat(result.hasQuestion()).isEqualTo(count > 0);
        assertThat(result.isSingleQuestion()).isEqualTo(count == 1);
        assertThat(result.needsRepair()).isEqualTo(count > 1);
        String expected = repaired == null ? message : repaired;
        assertThat(result.repaired()).isEqualTo(expected);
        assertThat(guard.repair(message, language)).isEqualTo(expected);
        if (count > 0) {
            assertThat(guard.countQuestions(result.repaired(), language)).as("repaired %s", expected).isEqualTo(1);
        }
    }

    @Test
    void should_count_one_question_when_message_is_any_seed_of_the_built_in_guide() {
        // given
        InterviewGuide guide = InterviewGuide.expertise();

        // then
        for (StageDefinition stage : guide.stages()) {
            for (Language language : Language.builtIn()) {
                for (String seed : stage.seeds(language)) {
                    assertThat(guard.countQuestions(seed, language)).as(seed).isEqualTo(1);
                }
            }
        }
    }

    @Test
    void should_leave_message_unchanged_when_it_asks_nothing() {
        // when
        GuardResult result = guard.check("Thank you so much — we’re done.", Language.ENGLISH);

        // then
        assertThat(result.hasQuestion()).isFalse();
        assertThat(result.repaired()).isEqualTo(result.message());
    }

    @Test
    void should_reject_null_when_checking() {
        assertThatNullPointerException().isThrownBy(() -> guard.check(null, Language.ENGLISH));
        assertThatNullPointerException().isThrownBy(() -> guard.check("Why?", null));
    }
}
