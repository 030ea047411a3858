package dev.interviewagent.samples.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interviewagent.core.Answer;
import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.InterviewStatus;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.StartRequest;
import dev.interviewagent.core.config.InterviewConfig;
import dev.interviewagent.core.config.InvalidConfigurationException;
import dev.interviewagent.core.spi.testkit.MutableClock;
import dev.interviewagent.persistence.JdbcInterviewStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bot's wiring from configuration alone: the store it opens (with encryption, redaction, retention), the old
 * {@code INTERVIEW_DB_URL}, and clear errors. Nothing here talks to Telegram: the channel is built, never started.
 */
class BotConfigurationTest {

    private static final String TOKEN = "123456:secret-bot-token";
    private static final String KEY = Base64.getEncoder().encodeToString(
            "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
    private static final String ANSWER = "I dispatch trucks; reach me at ada.l@example.com or +44 20 7946 0958.";

    @TempDir
    Path dir;

    private Map<String, String> env(String... pairs) {
        Map<String, String> env = new HashMap<>(Map.of("TELEGRAM_BOT_TOKEN", TOKEN,
                "INTERVIEW_STORE_URL", dir.resolve("store").toString()));
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    private static InterviewId interviewWithAnswer(InterviewEngine engine) {
        InterviewId id = engine.start(StartRequest.builder().language(Language.ENGLISH).channelKey("telegram:42")
                .build()).interviewId();
        engine.answer(id, Answer.text("tg-1", ANSWER));
        return id;
    }

    private static String storedAnswer(Path store, InterviewId id) throws Exception {
        try (Connection c = DriverManager.getConnection(JdbcInterviewStore.embeddedUrl(store));
             PreparedStatement ps = c.prepareStatement("SELECT text FROM turns WHERE interview_id = ? AND number = 2")) {
            ps.setString(1, id.value());
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getString(1);
            }
        }
    }

    @Test
    void should_encrypt_and_redact_answers_when_configured_and_read_them_back() throws Exception {
        InterviewId id;
        try (Main.Bot bot = Main.Bot.open(InterviewConfig.fromEnvironment(env("INTERVIEW_ENCRYPTION_KEYS",
                "tg:" + KEY, "INTERVIEW_PRIVACY_REDACT_PII", "true")))) {
            id = interviewWithAnswer(bot.engine());

            assertThat(bot.engine().transcript(id).get(1).text())
                    .isEqualTo("I dispatch trucks; reach me at [email] or [phone].");
            assertThat(bot.storage().privacy().exportRespondent("telegram:42")).contains("[email]")
                    .doesNotContain("ada.l@example.com");
            assertThat(bot.description()).contains("encryption at rest: on (AES-GCM, primary key tg, 1 key)",
                    "PII redaction: on (e-mail addresses and phone numbers are masked before storage)",
                    "brain: offline brain (set OPENAI_API_KEY or ANTHROPIC_API_KEY for the LLM brain)",
                    "voice: off", "retention: off");
            assertThat(String.join("\n", bot.description())).doesNotContain(TOKEN, KEY);
        }
        assertThat(storedAnswer(dir.resolve("store"), id)).startsWith("enc:v2:tg:").doesNotContain("trucks");
    }

    @Test
    void should_store_answers_encrypted_with_a_key_file_of_its_own_when_nothing_is_configured() throws Exception {
        Path store = dir.resolve("store");
        InterviewId id;
        try (Main.Bot bot = Main.Bot.open(InterviewConfig.fromEnvironment(env()))) {
            id = interviewWithAnswer(bot.engine());

            assertThat(bot.description()).contains("encryption at rest: on (key file "
                    + store.toAbsolutePath().resolve("encryption.key") + ", created now)");
        }
        assertThat(storedAnswer(store, id)).startsWith("enc:v2:local-").doesNotContain("trucks");
        try (Main.Bot again = Main.Bot.open(InterviewConfig.fromEnvironment(env()))) {
            assertThat(again.engine().transcript(id).get(1).text()).isEqualTo(ANSWER);
        }
    }

    @Test
    void should_store_plain_text_only_when_the_operator_opts_out() throws Exception {
        InterviewId id;
        try (Main.Bot bot = Main.Bot.open(InterviewConfig.fromEnvironment(env("INTERVIEW_ENCRYPTION_REQUIRED",
                "false")))) {
            id = interviewWithAnswer(bot.engine());
            assertThat(bot.description()).contains("encryption at rest: off (interview.encryption.required=false)");
        }
        assertThat(storedAnswer(dir.resolve("store"), id)).isEqualTo(ANSWER);
    }

    @Test
    void should_abandon_idle_interviews_when_retention_is_configured() {
        MutableClock clock = new MutableClock(Instant.parse("2026-02-01T08:00:00Z"));
        InterviewConfig config = InterviewConfig.fromEnvironment(env("INTERVIEW_RETENTION_ENABLED", "true",
                "INTERVIEW_RETENTION_ABANDON_AFTER", "3d"));
        try (Main.Bot bot = Main.Bot.open(config, clock)) {
            InterviewId id = interviewWithAnswer(bot.engine());
            clock.advance(Duration.ofDays(4));

            assertThat(bot.storage().sweep(bot.engine()).abandoned()).isEqualTo(1);
            assertThat(bot.engine().status(id).status()).isEqualTo(InterviewStatus.ABANDONED);
            assertThat(bot.description()).contains("retention: abandon after 3d idle, keep archived interviews,"
                    + " sweep every 1h");
        }
    }

    @Test
    void should_still_accept_interview_db_url_with_a_deprecation_warning() {
        Path old = dir.resolve("old-store");
        Map<String, String> env = env("INTERVIEW_DB_URL", old.toString());
        env.remove("INTERVIEW_STORE_URL");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream original = System.err;
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        try (Main.Bot bot = Main.Bot.open(InterviewConfig.fromEnvironment(env))) {
            assertThat(bot.description()).contains("store: embedded (H2 in " + old.toAbsolutePath() + ")");
        } finally {
            System.setErr(original);
        }

        assertThat(old.resolve("interviews.mv.db")).exists();
        assertThat(log.toString(StandardCharsets.UTF_8))
                .contains("environment variable INTERVIEW_DB_URL is deprecated: use INTERVIEW_STORE_URL")
                .doesNotContain(TOKEN);
    }

    @Test
    void should_name_the_setting_and_open_nothing_when_the_token_is_missing_or_a_value_is_bad() {
        Map<String, String> noToken = env();
        noToken.remove("TELEGRAM_BOT_TOKEN");

        assertThatThrownBy(() -> Main.Bot.open(InterviewConfig.fromEnvironment(noToken)))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageStartingWith("interview.telegram.bot-token is not set (environment variable"
                        + " TELEGRAM_BOT_TOKEN");
        assertThatThrownBy(() -> Main.Bot.open(InterviewConfig.fromEnvironment(env("INTERVIEW_TELEGRAM_ADMIN_IDS",
                "12,me")))).isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("interview.telegram.admin-ids must be comma-separated whole numbers");
        assertThat(dir.resolve("store")).doesNotExist();
        assertThatThrownBy(() -> Main.Bot.open(InterviewConfig.fromEnvironment(env("TELEGRAM_API_URL",
                "https://api.example.com/bot")))).isInstanceOf(InvalidConfigurationException.class)
                .hasMessageStartingWith("interview.telegram.api-url: ").hasMessageNotContaining(TOKEN);
    }
}
