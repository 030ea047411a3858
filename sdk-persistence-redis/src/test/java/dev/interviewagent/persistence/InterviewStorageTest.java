package dev.interviewagent.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interviewagent.core.Answer;
import dev.interviewagent.core.CapturedLogs;
import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.InterviewStatus;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.StartRequest;
import dev.interviewagent.core.config.InterviewConfig;
import dev.interviewagent.core.config.InterviewSettings;
import dev.interviewagent.core.config.InvalidConfigurationException;
import dev.interviewagent.core.spi.testkit.MutableClock;
import dev.interviewagent.persistence.redis.RedisConnection;
import dev.interviewagent.persistence.redis.RedisInterviewLock;
import dev.interviewagent.persistence.redis.RedisInterviewStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.JedisPooled;

/** The store stack opened from configuration alone: each switch (encryption, redaction, Redis, retention) works. */
class InterviewStorageTest {

    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
    private static final String KEY_A = Base64.getEncoder().encodeToString(
            "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
    private static final String KEY_B = Base64.getEncoder().encodeToString(
            "fedcba9876543210".getBytes(StandardCharsets.US_ASCII));
    private static final String ANSWER = "I run the night shift; write to ada.l@example.com or call +44 20 7946 0958.";

    @TempDir
    Path dir;

    private String schema;
    private final List<AutoCloseable> open = new ArrayList<>();

    @BeforeEach
    void setUp() {
        schema = TestServices.newSchema();
    }

    @AfterEach
    void tearDown() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
        TestServices.dropSchema(schema);
    }

    private Map<String, String> postgres(String... more) {
        Map<String, String> env = new HashMap<>(Map.of("INTERVIEW_STORE_URL", TestServices.PG_URL,
                "INTERVIEW_STORE_USER", TestServices.PG_USER, "INTERVIEW_STORE_SCHEMA", schema));
        if (!TestServices.PG_PASSWORD.isEmpty()) {
            env.put("INTERVIEW_STORE_PASSWORD", TestServices.PG_PASSWORD);
        }
        for (int i = 0; i < more.length; i += 2) {
            env.put(more[i], more[i + 1]);
        }
        return env;
    }

    private InterviewStorage open(InterviewStorage storage) {
        open.add(storage);
        return storage;
    }

    private InterviewEngine engine(InterviewStorage storage, MutableClock clock) {
        InterviewEngine engine = storage.applyTo(InterviewEngine.builder()).clock(clock).build();
        open.add(engine);
        return engine;
    }

    private static InterviewId start(InterviewEngine engine) {
        return engine.start(StartRequest.builder().language(Language.ENGLISH).build()).interviewId();
    }

    private String storedAnswer(InterviewId id) throws Exception {
        try (Connection c = TestServices.pgConnection(schema);
             PreparedStatement ps = c.prepareStatement("SELECT text FROM turns WHERE interview_id = ? AND number = 2")) {
            ps.setString(1, id.value());
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getString(1);
            }
        }
    }

    @Test
    void should_open_the_embedded_store_with_everything_off_when_encryption_is_opted_out() {
        InterviewConfig config = InterviewConfig.fromEnvironment(Map.of("INTERVIEW_STORE_URL",
                dir.resolve("store").toString(), "INTERVIEW_ENCRYPTION_REQUIRED", "false"));

        InterviewStorage storage = open(InterviewStorage.open(config));

        assertThat(storage.database().databaseKind()).isEqualTo("h2");
        assertThat(storage.store()).isSameAs(storage.database());
        assertThat(storage.retention()).isEmpty();
        assertThat(storage.description()).containsExactly(
                "store: embedded (H2 in " + dir.resolve("store").toAbsolutePath() + ")",
                "encryption at rest: off (interview.encryption.required=false)", "PII redaction: off",
                "retention: off");
        assertThat(dir.resolve("store").resolve("encryption.key")).doesNotExist();
        assertThat(storage.startRetention(engine(storage, new MutableClock(T0)))).isFalse();
    }

    @Test
    void should_store_ciphertext_and_read_plain_text_when_encryption_keys_are_configured() throws Exception {
        InterviewConfig config = InterviewConfig.fromEnvironment(postgres("INTERVIEW_ENCRYPTION_KEYS",
                "old:" + KEY_B + ",new:" + KEY_A, "INTERVIEW_ENCRYPTION_PRIMARY_KEY_ID", "new"));
        InterviewStorage storage = open(InterviewStorage.open(config));
        InterviewEngine engine = engine(storage, new MutableClock(T0));
        InterviewId id = start(engine);

        engine.answer(id, Answer.text("m1", ANSWER));

        assertThat(storedAnswer(id)).startsWith("enc:v2:new:").doesNotContain("night shift");
        assertThat(engine.transcript(id).get(1).text()).isEqualTo(ANSWER);
        assertThat(storage.description()).contains("encryption at rest: on (AES-GCM, primary key new, 2 keys)",
                "PII redaction: off");
        assertThat(String.join("\n", storage.description()) + storage).doesNotContain(KEY_A, KEY_B);
    }

    @Test
    void should_mask_emails_and_phones_in_the_store_when_redaction_is_on() throws Exception {
        InterviewConfig config = InterviewConfig.of(postgres("INTERVIEW_ENCRYPTION_REQUIRED", "false"),
                Map.of("interview.privacy.redact-pii", "true"), Map.of());
        InterviewStorage storage = open(InterviewStorage.open(config));
        InterviewEngine engine = engine(storage, new MutableClock(T0));
        InterviewId id = start(engine);

        engine.answer(id, Answer.text("m1", ANSWER));

        assertThat(storedAnswer(id)).isEqualTo("I run the night shift; write to [email] or call [phone].");
        assertThat(storage.description()).contains(
                "PII redaction: on (e-mail addresses and phone numbers are masked before storage)");
    }

    @Test
    void should_abandon_idle_and_purge_old_archived_interviews_when_retention_sweeps() {
        MutableClock clock = new MutableClock(T0);
        InterviewConfig config = InterviewConfig.of(postgres("INTERVIEW_ENCRYPTION_REQUIRED", "false"), Map.of(),
                Map.of("interview.retention.enabled", "true", "interview.retention.abandon-after", "7d",
                "interview.retention.purge-archived-after-days", "30", "interview.retention.sweep-every", "15m"));
        RecordingScheduler scheduler = new RecordingScheduler();
        open.add(scheduler::shutdownNow);
        InterviewStorage storage = open(InterviewStorage.builder(config).clock(clock).scheduler(scheduler).open());
        InterviewEngine engine = engine(storage, clock);
        InterviewId idle = start(engine);
        clock.advance(Duration.ofDays(6));
        InterviewId busy = start(engine);
        clock.advance(Duration.ofDays(2));

        assertThat(storage.startRetention(engine)).isTrue();
        assertThat(scheduler.delays).containsExactly(Duration.ofMinutes(15));
        scheduler.tasks.get(0).run();                                    // the first sweep

        assertThat(engine.status(idle).status()).isEqualTo(InterviewStatus.ABANDONED);
        assertThat(engine.status(busy).status()).isEqualTo(InterviewStatus.ACTIVE);
        clock.advance(Duration.ofDays(31));
        assertThat(storage.sweep(engine)).isEqualTo(new RetentionPolicy.Result(1, 1)); // busy abandoned, idle purged
        assertThat(storage.database().load(idle)).isEmpty();
        assertThat(storage.description()).contains(
                "retention: abandon after 7d idle, purge archived interviews after 30 days, sweep every 15m");
        assertThatThrownBy(() -> storage.startRetention(engine)).isInstanceOf(IllegalStateException.class);

        storage.close();
        assertThat(scheduler.futures.get(0).isCancelled()).isTrue();
        assertThat(scheduler.isShutdown()).as("the host's scheduler is left alone").isFalse();
    }

    @Test
    void should_cache_in_redis_with_the_same_encryption_and_lock_across_nodes_when_a_redis_url_is_set() {
        String prefix = TestServices.newRedisPrefix();
        InterviewConfig config = InterviewConfig.fromEnvironment(postgres("REDIS_URL", TestServices.REDIS_URL,
                "INTERVIEW_REDIS_KEY_PREFIX", prefix, "INTERVIEW_ENCRYPTION_KEYS", "k1:" + KEY_A));
        InterviewStorage storage = open(InterviewStorage.open(config));
        InterviewEngine engine = engine(storage, new MutableClock(T0));
        InterviewId id = start(engine);
        engine.answer(id, Answer.text("m1", ANSWER));
        engine.status(id);

        assertThat(storage.store()).isInstanceOf(RedisInterviewStore.class);
        assertThat(storage.lock()).isInstanceOf(RedisInterviewLock.class);
        assertThat(storage.description()).anyMatch(line -> line.startsWith("cluster: Redis lock and cache")
                && line.contains(prefix));
        try (JedisPooled jedis = new JedisPooled(TestServices.redisUri())) {
            String cached = jedis.get(prefix + ":state:" + id.value());
            assertThat(cached).isNotNull().contains("enc:v2:k1:").doesNotContain("night shift");
        }
    }

    @Test
    void should_name_the_setting_and_hide_key_material_when_encryption_is_misconfigured() {
        String shortKey = Base64.getEncoder().encodeToString("fifteen-bytes!!".getBytes(StandardCharsets.US_ASCII));
        Map<String, String> base = Map.of("INTERVIEW_STORE_URL", dir.resolve("never").toString());

        assertThatThrownBy(() -> InterviewStorage.open(config(base, "INTERVIEW_ENCRYPTION_KEYS", "k1:" + shortKey)))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessage("interview.encryption.keys key 'k1' must be 16, 24 or 32 bytes, was 15 (from environment"
                        + " variable INTERVIEW_ENCRYPTION_KEYS)");
        assertThatThrownBy(() -> InterviewStorage.open(InterviewConfig.fromEnvironment(Map.of(
                "INTERVIEW_ENCRYPTION_KEYS", "k1:" + KEY_A, "INTERVIEW_ENCRYPTION_PRIMARY_KEY_ID", "k9"))))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageStartingWith("interview.encryption.primary-key-id 'k9' is not one of the keys in"
                        + " interview.encryption.keys [k1]").hasMessageNotContaining(KEY_A);
        assertThatThrownBy(() -> InterviewStorage.open(config(base, "INTERVIEW_ENCRYPTION_PRIMARY_KEY_ID", "k1")))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("interview.encryption.keys (INTERVIEW_ENCRYPTION_KEYS) is not");
        assertThatThrownBy(() -> InterviewStorage.open(config(Map.of(), "INTERVIEW_STORE_URL",
                "jdbc:mysql://db/app?password=hunter2")))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageStartingWith("interview.store.url: unsupported JDBC URL").hasMessageNotContaining("hunter2");
        assertThat(dir.resolve("never")).doesNotExist();
    }

    @Test
    void should_never_show_passwords_or_keys_when_describing_or_logging() {
        Map<String, String> env = postgres("INTERVIEW_ENCRYPTION_KEYS", "k1:" + KEY_A);
        env.put("INTERVIEW_STORE_URL", TestServices.PG_URL + "?password=" + "hunter2-in-url");
        env.put("INTERVIEW_STORE_PASSWORD", TestServices.PG_PASSWORD.isEmpty() ? "unused-secret-1"
                : TestServices.PG_PASSWORD);
        env.put("INTERVIEW_RETENTION_SWEEP_EVERY", "5m");     // set without enabling: a warning, no sweep
        String text;
        String log;
        try (CapturedLogs logs = new CapturedLogs()) {
            InterviewStorage storage = open(InterviewStorage.open(InterviewConfig.fromEnvironment(env)));
            text = String.join("\n", storage.description()) + storage;
            log = String.join("\n", logs.lines());
        }

        assertThat(text).contains("store: postgresql at " + TestServices.PG_URL + "?password=<masked>, schema " + schema);
        assertThat(text + log).doesNotContain("hunter2-in-url", KEY_A, "unused-secret-1");
        assertThat(log).contains("interview.retention.sweep-every is set but interview.retention.enabled is false");
    }

    @Test
    void should_document_the_persistence_defaults_in_the_settings_registry() {
        InterviewConfig empty = InterviewConfig.fromEnvironment(Map.of());

        assertThat(empty.get(InterviewSettings.STORE_URL)).isEqualTo(InterviewStores.DEFAULT_EMBEDDED_DIRECTORY);
        assertThat(empty.get(InterviewSettings.STORE_MAX_POOL_SIZE)).isEqualTo(JdbcInterviewStore.DEFAULT_MAX_POOL_SIZE);
        assertThat(empty.get(InterviewSettings.STORE_QUERY_TIMEOUT)).isEqualTo(JdbcInterviewStore.DEFAULT_QUERY_TIMEOUT);
        assertThat(empty.get(InterviewSettings.REDIS_KEY_PREFIX)).isEqualTo(RedisConnection.DEFAULT_KEY_PREFIX);
        assertThat(empty.get(InterviewSettings.RETENTION_ABANDON_AFTER)).isEqualTo(RetentionPolicy.DEFAULT_ABANDON_AFTER);
    }

    private static InterviewConfig config(Map<String, String> base, String name, String value) {
        Map<String, String> env = new HashMap<>(base);
        env.put(name, value);
        return InterviewConfig.fromEnvironment(env);
    }

    /** Records what is scheduled instead of running it, so the test runs each sweep itself. */
    private static final class RecordingScheduler extends ScheduledThreadPoolExecutor {
        final List<Runnable> tasks = new ArrayList<>();
        final List<Duration> delays = new ArrayList<>();
        final List<ScheduledFuture<?>> futures = new ArrayList<>();

        RecordingScheduler() {
            super(1);
        }

        @Override
        public ScheduledFuture<?> scheduleWithFixedDelay(Runnable task, long initialDelay, long delay, TimeUnit unit) {
            tasks.add(task);
            delays.add(Duration.ofNanos(unit.toNanos(delay)));
            ScheduledFuture<?> future = super.schedule(() -> { }, 1, TimeUnit.DAYS);
            futures.add(future);
            return future;
        }
    }
}
