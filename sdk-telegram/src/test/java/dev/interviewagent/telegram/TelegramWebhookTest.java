package dev.interviewagent.telegram;

import static dev.interviewagent.telegram.fake.FakeBotApi.callback;
import static dev.interviewagent.telegram.fake.FakeBotApi.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.InterviewStatus;
import dev.interviewagent.core.channel.ChannelInbox;
import dev.interviewagent.core.exception.InterviewNotFoundException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Webhook mode: the secret token is mandatory, forged requests execute nothing, authentic ones run once. */
class TelegramWebhookTest {

    private static final String SECRET = "s3cret_token-1";
    private static final long ADMIN = 777;
    private static final ObjectMapper JSON = new ObjectMapper();

    private TestBed bed;
    private final AtomicInteger nextUpdateId = new AtomicInteger(500);
    private final AtomicInteger inboxAdds = new AtomicInteger();

    @AfterEach
    void stop() {
        if (bed != null) {
            bed.close();
        }
    }

    private TestBed webhookBed() {
        ChannelInbox memory = ChannelInbox.inMemory();
        ChannelInbox counting = new ChannelInbox() {
            @Override
            public boolean add(Entry entry) {
                inboxAdds.incrementAndGet();
                return memory.add(entry);
            }

            @Override
            public List<Entry> pending(String scope) {
                return memory.pending(scope);
            }

            @Override
            public void done(String scope, String id) {
                memory.done(scope, id);
            }
        };
        bed = new TestBed(InterviewEngine.builder().build(), b -> b.webhookSecret(SECRET)
                .webhookUrl("https://bot.example.com/telegram").adminIds(Set.of(ADMIN)).inbox(counting));
        return bed;
    }

    private byte[] body(ObjectNode update) {
        if (!update.has("update_id")) {
            update.put("update_id", nextUpdateId.incrementAndGet());
        }
        return update.toString().getBytes(StandardCharsets.UTF_8);
    }

    private WebhookResult post(ObjectNode update, Map<String, List<String>> headers) {
        WebhookResult result = bed.channel.onWebhook(headers, body(update));
        bed.idle();
        return result;
    }

    private static Map<String, List<String>> authentic() {
        return Map.of("X-Telegram-Bot-Api-Secret-Token", List.of(SECRET));
    }

    private InterviewId startInterview(long chat) {
        assertThat(post(text(chat, "en", "/start"), authentic())).isEqualTo(WebhookResult.ACCEPTED);
        post(callback(chat, "en", 1, "lang:en"), authentic());
        post(callback(chat, "en", 2, "style:master"), authentic());
        post(callback(chat, "en", 3, "profile:skip"), authentic());
        return bed.engine.findActive("telegram:" + chat).orElseThrow();
    }

    @Test
    void should_refuse_to_build_webhook_mode_when_no_secret_is_set() {
        InterviewEngine engine = InterviewEngine.builder().build();
        try {
            assertThatThrownBy(() -> TelegramChannel.builder(TestBed.TOKEN, engine)
                    .webhookUrl("https://bot.example.com/telegram").build())
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("webhookSecret");
        } finally {
            engine.close();
        }
    }

    @Test
    void should_refuse_a_secret_telegram_would_not_accept_without_repeating_it() {
        InterviewEngine engine = InterviewEngine.builder().build();
        try {
            TelegramChannelBuilder builder = TelegramChannel.builder(TestBed.TOKEN, engine);
            assertThatThrownBy(() -> builder.webhookSecret("has spaces/and+slashes"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("webhookSecret")
                    .hasMessageNotContaining("spaces");
            assertThatThrownBy(() -> builder.webhookSecret("")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> builder.webhookSecret("a".repeat(257)))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(builder.webhookSecret("a".repeat(256)).toString()).doesNotContain("aaaa")
                    .contains("webhookSecret=<masked>");
        } finally {
            engine.close();
        }
    }

    @Test
    void should_refuse_webhook_requests_when_the_channel_has_no_secret() {
        bed = new TestBed(InterviewEngine.builder().build());
        assertThatThrownBy(() -> bed.channel.onWebhook(authentic(), body(text(8001, "en", "/help"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("webhookSecret");
        assertThat(bed.api.calls()).isEmpty();
    }

    @Test
    void should_register_the_webhook_with_its_secret_and_not_poll_when_started() {
        webhookBed().channel.start();
        bed.channel.deleteWebhook();

        assertThat(bed.api.calls("setWebhook")).singleElement().satisfies(c -> {
            assertThat(c.params().path("url").asText()).isEqualTo("https://bot.example.com/telegram");
            assertThat(c.params().path("secret_token").asText()).isEqualTo(SECRET);
        });
        assertThat(bed.api.calls("setMyCommands")).hasSize(3);
        assertThat(bed.api.calls("getUpdates")).isEmpty();
        assertThat(bed.api.calls("deleteWebhook")).hasSize(1);
    }

    @Test
    void should_execute_nothing_when_an_update_is_forged_without_or_with_a_wrong_secret() {
        webhookBed();
        long victim = 8101;
        InterviewId id = startInterview(victim);
        post(text(victim, "en", "I run the night shift of a water plant since 2015, twelve operators."),
                authentic());
        int calls = bed.api.calls().size();
        int turns = bed.engine.transcript(id).size();
        int adds = inboxAdds.get();
        long answers = bed.engine.metrics().answers();

        List<Map<String, List<String>>> forgeries = List.of(
                Map.of(),
                Map.of("X-Telegram-Bot-Api-Secret-Token", List.of("wrong")),
                Map.of("X-Telegram-Bot-Api-Secret-Token", List.of(SECRET + "x")),
                Map.of("X-Telegram-Bot-Api-Secret-Token", List.of(SECRET.substring(1))),
                Map.of("X-Telegram-Bot-Api-Secret-Token", List.of("")),
                Map.of("X-Telegram-Bot-Api-Secret-Token", List.of("wrong", SECRET)),
                Map.of("X-Other-Header", List.of(SECRET)));
        for (Map<String, List<String>> headers : forgeries) {
            assertThat(post(callback(victim, "en", 9, "delete:yes"), headers)).as("delete:yes with %s", headers)
                    .isEqualTo(WebhookResult.UNAUTHENTICATED);
            assertThat(post(text(victim, "en", "a forged answer"), headers)).isEqualTo(WebhookResult.UNAUTHENTICATED);
            assertThat(post(text(ADMIN, "en", "/metrics"), headers)).isEqualTo(WebhookResult.UNAUTHENTICATED);
            assertThat(post(callback(victim, "en", 9, "complete:yes"), headers))
                    .isEqualTo(WebhookResult.UNAUTHENTICATED);
        }

        assertThat(bed.api.calls()).as("Bot API calls after the forgeries").hasSize(calls);
        assertThat(inboxAdds.get()).as("updates stored").isEqualTo(adds);
        assertThat(bed.engine.status(id).status()).isEqualTo(InterviewStatus.ACTIVE);
        assertThat(bed.engine.transcript(id)).hasSize(turns);
        assertThat(bed.engine.metrics().answers()).isEqualTo(answers);
        assertThat(bed.api.calls("sendMessage", String.valueOf(ADMIN))).isEmpty();
        assertThat(WebhookResult.UNAUTHENTICATED.httpStatus()).isEqualTo(401);

        // the same request with the right secret (any header case) runs
        assertThat(post(callback(victim, "en", 9, "delete:yes"),
                Map.of("x-telegram-bot-api-secret-token", List.of(SECRET)))).isEqualTo(WebhookResult.ACCEPTED);
        assertThatThrownBy(() -> bed.engine.status(id)).isInstanceOf(InterviewNotFoundException.class);
        assertThat(bed.last(victim)).startsWith("Your data has been deleted");
    }

    @Test
    void should_handle_an_update_once_when_telegram_delivers_it_twice() {
        webhookBed();
        long chat = 8201;
        InterviewId id = startInterview(chat);
        ObjectNode answer = text(chat, "en", "I run the night shift of a water plant since 2015, twelve operators.");
        byte[] body = body(answer);

        WebhookResult first = bed.channel.onWebhook(authentic(), body);
        WebhookResult second = bed.channel.onWebhook(authentic(), body);
        bed.idle();
        WebhookResult third = bed.channel.onWebhook(authentic(), body);
        bed.idle();

        assertThat(List.of(first, second, third)).containsExactly(WebhookResult.ACCEPTED, WebhookResult.DUPLICATE,
                WebhookResult.DUPLICATE);
        assertThat(bed.engine.transcript(id)).filteredOn(t -> t.isRespondent()).hasSize(1);
        assertThat(WebhookResult.DUPLICATE.httpStatus()).isEqualTo(200);
    }

    @Test
    void should_answer_bad_request_when_an_authentic_body_is_not_an_update() throws Exception {
        webhookBed();
        assertThat(bed.channel.onWebhook(authentic(), "not json".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(WebhookResult.BAD_REQUEST);
        assertThat(bed.channel.onWebhook(authentic(), JSON.writeValueAsBytes(text(8301, "en", "/help"))))
                .as("no update_id").isEqualTo(WebhookResult.BAD_REQUEST);
        assertThat(bed.channel.onWebhook(authentic(), new byte[TelegramChannel.MAX_WEBHOOK_BODY_BYTES + 1]))
                .isEqualTo(WebhookResult.BAD_REQUEST);
        bed.idle();
        assertThat(bed.api.calls()).isEmpty();
        assertThat(inboxAdds.get()).isZero();
    }

    @Test
    void should_answer_503_and_store_nothing_when_the_inbox_is_down() {
        bed = new TestBed(InterviewEngine.builder().build(), b -> b.webhookSecret(SECRET).inbox(
                new ChannelInbox() {
                    @Override
                    public boolean add(Entry entry) {
                        throw new dev.interviewagent.core.exception.StoreException("database down");
                    }

                    @Override
                    public List<Entry> pending(String scope) {
                        return List.of();
                    }

                    @Override
                    public void done(String scope, String id) {
                    }
                }));
        WebhookResult result = post(text(8401, "en", "/help"), authentic());

        assertThat(result).isEqualTo(WebhookResult.UNAVAILABLE);
        assertThat(result.httpStatus()).isEqualTo(503);
        assertThat(bed.api.calls()).isEmpty();
    }
}
