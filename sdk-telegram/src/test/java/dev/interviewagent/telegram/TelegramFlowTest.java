package dev.interviewagent.telegram;

import static dev.interviewagent.telegram.fake.FakeBotApi.callback;
import static dev.interviewagent.telegram.fake.FakeBotApi.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.InterviewSnapshot;
import dev.interviewagent.core.InterviewStatus;
import dev.interviewagent.core.Language;
import dev.interviewagent.telegram.fake.FakeBotApi;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The whole conversation through the real telegrambots client, long polling a fake Bot API. */
class TelegramFlowTest {

    private TestBed bed;

    @BeforeEach
    void start() {
        bed = new TestBed(InterviewEngine.builder().build()).polling();
    }

    @AfterEach
    void stop() {
        bed.close();
    }

    @Test
    void should_run_from_start_to_a_completed_interview_when_the_user_speaks_english() throws Exception {
        long chat = 1001;
        bed.send(text(chat, "en", "/start"));
        assertThat(bed.last(chat)).isEqualTo("Choose the interview language:");
        assertThat(bed.lastButtons(chat)).containsExactly("lang:en", "lang:ru");
        assertThat(bed.lastButtonLabels(chat).get(0)).isEqualTo("✓ English");

        bed.send(callback(chat, "en", 1, "lang:en"));
        assertThat(bed.last(chat)).isEqualTo("Choose an interview style:");
        assertThat(bed.lastButtons(chat)).containsExactly("style:master", "style:telegram", "style:conversational",
                "style:stage_specific", "style:conversation_management", "style:about");
        assertThat(bed.api.calls("answerCallbackQuery")).isNotEmpty();

        bed.send(callback(chat, "en", 2, "style:about"));
        assertThat(bed.api.messages(String.valueOf(chat))).anyMatch(m -> m.startsWith("The interview styles:"));
        assertThat(bed.last(chat)).isEqualTo("Choose an interview style:");

        bed.send(callback(chat, "en", 3, "style:master"));
        assertThat(bed.last(chat)).startsWith("A short profile");
        assertThat(bed.lastButtons(chat)).containsExactly("profile:fill", "profile:skip");

        bed.send(callback(chat, "en", 4, "profile:skip"));
        InterviewId id = bed.engine.findActive("telegram:" + chat).orElseThrow();
        assertThat(bed.engine.status(id).language()).isEqualTo(Language.ENGLISH);
        assertThat(bed.engine.status(id).style()).isEqualTo("master");
        assertThat(bed.api.messages(String.valueOf(chat))).anyMatch(m -> m.startsWith("The interview begins."));
        assertThat(bed.api.calls("sendChatAction", String.valueOf(chat))).isNotEmpty();

        answerUntilCompleted(chat, id, "en");

        InterviewSnapshot done = bed.engine.status(id);
        assertThat(done.status()).isEqualTo(InterviewStatus.COMPLETED);
        assertThat(bed.api.messages(String.valueOf(chat))).contains("Your report");
        List<FakeBotApi.Call> documents = bed.api.calls("sendDocument", String.valueOf(chat));
        assertThat(documents).hasSize(1);
        JsonNode report = new ObjectMapper().readTree(documents.get(0).file("document"));
        assertThat(report.path("interview_id").asText()).isEqualTo(id.value());
        assertThat(documents.get(0).fileName("document")).endsWith(".json");
    }

    @Test
    void should_run_from_start_with_a_profile_to_a_completed_interview_when_the_user_speaks_russian() {
        long chat = 2002;
        bed.send(text(chat, "ru", "/start"));
        assertThat(bed.last(chat)).isEqualTo("Выберите язык интервью:");
        assertThat(bed.lastButtons(chat)).containsExactly("lang:ru", "lang:en");
        assertThat(bed.lastButtonLabels(chat).get(0)).isEqualTo("✓ Русский");

        bed.send(callback(chat, "ru", 1, "lang:ru"));
        assertThat(bed.last(chat)).isEqualTo("Выберите стиль интервью:");
        bed.send(callback(chat, "ru", 2, "style:telegram"));
        assertThat(bed.last(chat)).startsWith("Короткий профиль");
        bed.send(callback(chat, "ru", 3, "profile:fill"));
        assertThat(bed.last(chat)).isEqualTo("Какая у вас роль или должность?");
        bed.send(text(chat, "ru", "Главный технолог"));
        assertThat(bed.last(chat)).isEqualTo("В какой отрасли вы работаете?");
        bed.send(text(chat, "ru", "Водоподготовка"));
        assertThat(bed.last(chat)).startsWith("Сколько лет у вас опыта?");
        bed.send(text(chat, "ru", "много"));
        assertThat(bed.last(chat)).startsWith("Пожалуйста, пришлите число");
        bed.send(text(chat, "ru", "12"));

        InterviewId id = bed.engine.findActive("telegram:" + chat).orElseThrow();
        InterviewSnapshot interview = bed.engine.status(id);
        assertThat(interview.language()).isEqualTo(Language.RUSSIAN);
        assertThat(interview.style()).isEqualTo("telegram");
        assertThat(interview.profile().roleTitle()).isEqualTo("Главный технолог");
        assertThat(interview.profile().industry()).isEqualTo("Водоподготовка");
        assertThat(interview.profile().yearsExperience()).isEqualTo(12);
        assertThat(bed.api.messages(String.valueOf(chat))).anyMatch(m -> m.startsWith("Интервью начинается."));

        answerUntilCompleted(chat, id, "ru");

        assertThat(bed.engine.status(id).status()).isEqualTo(InterviewStatus.COMPLETED);
        assertThat(bed.api.messages(String.valueOf(chat))).contains("Ваш отчёт");
        assertThat(bed.api.calls("sendDocument", String.valueOf(chat))).hasSize(1);
    }

    private void answerUntilCompleted(long chat, InterviewId id, String language) {
        String[] answers = "en".equals(language) ? ANSWERS_EN : ANSWERS_RU;
        for (int i = 0; i < 400 && bed.engine.status(id).isActive(); i++) {
            bed.send(text(chat, language, answers[i % answers.length] + " (" + i + ")"));
        }
        assertThat(bed.engine.status(id).isActive()).as("completed within 400 answers").isFalse();
    }

    private static final String[] ANSWERS_EN = {
        "I run the night shift at a water treatment plant with twelve operators, since 2015.",
        "For example, last March a dosing pump failed at 3 am: first I checked the pressure log, then I called the "
                + "shift lead, and we switched to the standby pump within 40 minutes.",
        "The key thing is to read the turbidity trend, not the single value; a rise of 0.2 NTU in an hour tells me "
                + "the filter needs a backwash soon.",
        "A typical mistake of newcomers is to trust the automatic alarms; once we lost 3 hours because nobody "
                + "looked at the raw water colour.",
        "Step one, check the chlorine residual; step two, compare with the lab sample; step three, adjust the dose "
                + "by no more than 10 percent.",
    };

    private static final String[] ANSWERS_RU = {
        "Я руковожу ночной сменой на станции водоподготовки с 2015 года, у меня двенадцать операторов.",
        "Например, в марте в 3 часа ночи отказал дозирующий насос: сначала я проверил журнал давления, потом "
                + "позвонил начальнику смены, и за 40 минут мы перешли на резервный насос.",
        "Главное — смотреть на тренд мутности, а не на одно значение: рост на 0,2 NTU за час говорит, что фильтру "
                + "скоро нужна промывка.",
        "Типичная ошибка новичков — доверять автоматике; однажды мы потеряли 3 часа, потому что никто не "
                + "посмотрел на цвет исходной воды.",
        "Шаг первый — проверить остаточный хлор, шаг второй — сравнить с лабораторной пробой, шаг третий — "
                + "поправить дозу не больше чем на 10 процентов.",
    };
}
