package dev.interviewagent.telegram;

import static dev.interviewagent.telegram.fake.FakeBotApi.callback;
import static dev.interviewagent.telegram.fake.FakeBotApi.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.InterviewSnapshot;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.channel.ChannelInbox;
import dev.interviewagent.persistence.JdbcChannelInbox;
import dev.interviewagent.persistence.JdbcInterviewStore;
import dev.interviewagent.telegram.fake.FakeBotApi;
import dev.interviewagent.telegram.internal.UiText;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A setup half done survives a restart: the chat's setup state is kept in the channel's inbox, so a bot started
 * again on the same inbox goes on with the step the respondent was at, and the interview starts with everything
 * chosen before the restart.
 */
class TelegramSetupRestartTest {

    private static final long CHAT = 4711;
    private static final String STATE_SCOPE = "telegram:123456:chat:" + CHAT;
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String SECRET = "setup-restart-secret";

    private final AtomicInteger nextUpdateId = new AtomicInteger(100);

    private final FakeBotApi api = FakeBotApi.start(TestBed.TOKEN);

    @AfterEach
    void stop() {
        api.close();
    }

    private TelegramChannel bot(InterviewEngine engine, ChannelInbox inbox) {
        // updates come by webhook: a long poll of a closed channel could still take the next update from the fake
        return TelegramChannel.builder(TestBed.TOKEN, engine).apiUrl(api.url()).inbox(inbox).webhookSecret(SECRET)
                .initialBackoff(Duration.ofMillis(1)).build();
    }

    private void deliver(TelegramChannel channel, ObjectNode update) throws InterruptedException {
        update.put("update_id", nextUpdateId.incrementAndGet());
        WebhookResult result = channel.onWebhook(Map.of("X-Telegram-Bot-Api-Secret-Token", List.of(SECRET)),
                update.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(result).isEqualTo(WebhookResult.ACCEPTED);
        assertThat(channel.awaitIdle(WAIT)).as("channel idle").isTrue();
    }

    private String last() {
        List<String> messages = api.messages(String.valueOf(CHAT));
        return messages.get(messages.size() - 1);
    }

    private static String ru(String key) {
        return UiText.get(Language.RUSSIAN, key);
    }

    /** /start, Russian, the "telegram" style, the profile filled in up to the role: the setup waits for the industry. */
    private void setUpToIndustry(TelegramChannel channel) throws InterruptedException {
        deliver(channel, text(CHAT, "ru", "/start"));
        deliver(channel, callback(CHAT, "ru", 1, "lang:ru"));
        deliver(channel, callback(CHAT, "ru", 2, "style:telegram"));
        deliver(channel, callback(CHAT, "ru", 3, "profile:fill"));
        deliver(channel, text(CHAT, "ru", "Data engineer"));
        assertThat(last()).isEqualTo(ru("profile.industry"));
    }

    /** The rest of the setup after the restart; the interview starts with what was chosen before it. */
    private void finishSetup(TelegramChannel channel, InterviewEngine engine) throws InterruptedException {
        deliver(channel, text(CHAT, "ru", "Retail"));
        assertThat(last()).as("the step after the one the restart interrupted").isEqualTo(ru("profile.years"));
        deliver(channel, text(CHAT, "ru", "7"));

        InterviewSnapshot started = engine.status(engine.findActive("telegram:" + CHAT).orElseThrow());
        assertThat(started.language()).isEqualTo(Language.RUSSIAN);
        assertThat(started.style()).isEqualTo("telegram");
        assertThat(started.profile().roleTitle()).isEqualTo("Data engineer");
        assertThat(started.profile().industry()).isEqualTo("Retail");
        assertThat(started.profile().yearsExperience()).isEqualTo(7);
    }

    @Test
    void should_go_on_with_a_half_done_setup_when_the_bot_restarts_on_the_same_database() throws Exception {
        Path dir = Files.createTempDirectory("ia-telegram-setup-");
        try (JdbcInterviewStore store = JdbcInterviewStore.embedded(dir);
             InterviewEngine engine = InterviewEngine.builder().store(store).brain(TestBrains.echo()).build();
             TelegramChannel channel = bot(engine, JdbcChannelInbox.of(store))) {
            setUpToIndustry(channel);
        }

        try (JdbcInterviewStore store = JdbcInterviewStore.embedded(dir);
             InterviewEngine engine = InterviewEngine.builder().store(store).brain(TestBrains.echo()).build();
             TelegramChannel channel = bot(engine, JdbcChannelInbox.of(store))) {
            finishSetup(channel, engine);
            assertThat(JdbcChannelInbox.of(store).pending(STATE_SCOPE)).as("one stored state, the latest")
                    .hasSize(1);
            assertThat(JdbcChannelInbox.of(store).pending("telegram:123456")).as("no update left pending")
                    .isEmpty();
        }
    }

    @Test
    void should_keep_the_setup_in_whatever_inbox_the_channel_is_given() throws Exception {
        ChannelInbox inbox = ChannelInbox.inMemory();
        try (InterviewEngine engine = InterviewEngine.builder().brain(TestBrains.echo()).build()) {
            try (TelegramChannel channel = bot(engine, inbox)) {
                setUpToIndustry(channel);
            }
            try (TelegramChannel restarted = bot(engine, inbox)) {
                finishSetup(restarted, engine);
            }
        }
    }

    @Test
    void should_have_no_setup_to_go_on_with_when_the_inbox_is_a_new_one() throws Exception {
        // the control: without the kept state, the industry typed after a restart is just text before /start
        try (InterviewEngine engine = InterviewEngine.builder().brain(TestBrains.echo()).build()) {
            try (TelegramChannel channel = bot(engine, ChannelInbox.inMemory())) {
                setUpToIndustry(channel);
            }
            try (TelegramChannel restarted = bot(engine, ChannelInbox.inMemory())) {
                deliver(restarted, text(CHAT, "ru", "Retail"));
                assertThat(last()).isEqualTo(ru("start.hint"));
                assertThat(engine.findActive("telegram:" + CHAT)).isEmpty();
            }
        }
    }

    @Test
    void should_forget_the_stored_setup_when_the_respondent_deletes_their_data() throws Exception {
        ChannelInbox inbox = ChannelInbox.inMemory();
        try (InterviewEngine engine = InterviewEngine.builder().brain(TestBrains.echo()).build()) {
            try (TelegramChannel channel = bot(engine, inbox)) {
                setUpToIndustry(channel);
                assertThat(inbox.pending(STATE_SCOPE)).hasSize(1);
                deliver(channel, text(CHAT, "ru", "/delete_my_data"));
                deliver(channel, callback(CHAT, "ru", 4, "delete:yes"));
                assertThat(inbox.pending(STATE_SCOPE)).as("the role typed is personal data").isEmpty();
            }
            try (TelegramChannel restarted = bot(engine, inbox)) {
                deliver(restarted, text(CHAT, "ru", "Retail"));
                assertThat(last()).isEqualTo(ru("start.hint"));
            }
        }
    }

    @Test
    void should_store_a_state_only_once_the_chat_has_chosen_something() throws Exception {
        ChannelInbox inbox = ChannelInbox.inMemory();
        try (InterviewEngine engine = InterviewEngine.builder().brain(TestBrains.echo()).build();
             TelegramChannel channel = bot(engine, inbox)) {
            deliver(channel, text(CHAT, "en", "/help"));
            deliver(channel, text(CHAT, "en", "hello"));
            assertThat(inbox.pending(STATE_SCOPE)).as("nothing chosen, nothing written").isEmpty();

            deliver(channel, text(CHAT, "en", "/start"));
            deliver(channel, callback(CHAT, "en", 1, "lang:en"));
            assertThat(inbox.pending(STATE_SCOPE)).as("each change replaces the stored state").hasSize(1);
        }
    }
}
