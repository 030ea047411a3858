package dev.interviewagent.telegram;

import static dev.interviewagent.telegram.fake.FakeBotApi.callback;
import static dev.interviewagent.telegram.fake.FakeBotApi.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.channel.ChannelControls;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A Telegram interview is worded for Telegram: its greeting names /complete and /repeat, never the web page's
 * buttons.
 */
class TelegramWordingTest {

    private TestBed bed;

    @BeforeEach
    void start() {
        bed = new TestBed(InterviewEngine.builder().build()).polling();
    }

    @AfterEach
    void stop() {
        bed.close();
    }

    private String greeting(long chat, String language, String style) {
        bed.send(text(chat, language, "/start"));
        bed.send(callback(chat, language, 1, "lang:" + language));
        bed.send(callback(chat, language, 2, "style:" + style));
        bed.send(callback(chat, language, 3, "profile:skip"));
        InterviewId id = bed.engine.findActive("telegram:" + chat).orElseThrow();
        assertThat(bed.engine.status(id).controls()).isEqualTo(ChannelControls.commands());
        // the greeting is the message after "The interview begins …"
        List<String> messages = bed.api.messages(String.valueOf(chat));
        int session = messages.size() - 1;
        while (session >= 0 && !messages.get(session).startsWith(language.equals("ru") ? "Интервью начинается"
                : "The interview begins")) {
            session--;
        }
        assertThat(session).as("session message in %s", messages).isNotNegative().isLessThan(messages.size() - 1);
        return messages.get(session + 1);
    }

    @Test
    void should_name_the_complete_command_and_no_button_in_the_english_greeting() {
        String greeting = greeting(3001, "en", "master");

        assertThat(greeting).contains("/complete").containsAnyOf("finish early", "ends the interview early")
                .contains("/repeat", "the question again")
                .doesNotContain("button", "End interview", "Repeat question");
    }

    @Test
    void should_name_the_complete_command_and_no_button_in_the_russian_short_greeting() {
        String greeting = greeting(3002, "ru", "telegram");

        assertThat(greeting).contains("/complete", "досрочно", "/repeat", "вопрос ещё раз")
                .doesNotContain("кнопк", "Завершить интервью", "Повторить вопрос");
    }
}
