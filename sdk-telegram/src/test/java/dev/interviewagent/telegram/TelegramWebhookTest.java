package dev.interviewagent.telegram;

import static dev.interviewagent.telegram.fake.FakeBotApi.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewagent.core.InterviewEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Hosts with their own webhook endpoint: setWebhook, deleteWebhook and the onUpdate entry point. */
class TelegramWebhookTest {

    private TestBed bed;

    @BeforeEach
    void start() {
        bed = new TestBed(InterviewEngine.builder().build());
    }

    @AfterEach
    void stop() {
        bed.close();
    }

    @Test
    void should_register_the_webhook_with_its_secret_when_asked() {
        bed.channel.setWebhook("https://bot.example.com/telegram", "s3cret_token-1");
        bed.channel.deleteWebhook();

        assertThat(bed.api.calls("setWebhook")).singleElement().satisfies(c -> {
            assertThat(c.params().path("url").asText()).isEqualTo("https://bot.example.com/telegram");
            assertThat(c.params().path("secret_token").asText()).isEqualTo("s3cret_token-1");
        });
        assertThat(bed.api.calls("deleteWebhook")).hasSize(1);
    }

    @Test
    void should_handle_updates_passed_in_by_the_host_when_no_polling_runs() {
        bed.channel.registerCommands();
        bed.channel.onUpdate(TelegramResilienceTest.toUpdate(text(8001, "ru", "/help").put("update_id", 91)));
        bed.idle();

        assertThat(bed.last(8001)).startsWith("Я беру у вас интервью");
        assertThat(bed.api.calls("setMyCommands")).hasSize(2);
        assertThat(bed.api.calls("getUpdates")).isEmpty();
    }
}
