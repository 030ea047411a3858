package dev.interviewagent.persistence.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.interviewagent.core.Answer;
import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.StartRequest;
import dev.interviewagent.core.config.InterviewConfig;
import dev.interviewagent.core.metrics.micrometer.InterviewEngineMetrics;
import dev.interviewagent.core.spi.InterviewLock;
import dev.interviewagent.core.store.InMemoryInterviewStore;
import dev.interviewagent.persistence.InterviewStorage;
import dev.interviewagent.persistence.TestServices;
import dev.interviewagent.persistence.redis.metrics.micrometer.RedisMetrics;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link RedisMetrics} over the real Redis (and PostgreSQL) the tests use, and over a Redis that is not there. */
class RedisMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private String schema;

    @BeforeEach
    void setUp() {
        schema = TestServices.newSchema();
    }

    @AfterEach
    void tearDown() {
        TestServices.dropSchema(schema);
    }

    @Test
    void should_count_commands_locks_and_cache_gets_of_the_stack_interview_storage_opens() {
        Map<String, String> env = new HashMap<>(Map.of("INTERVIEW_STORE_URL", TestServices.PG_URL,
                "INTERVIEW_STORE_USER", TestServices.PG_USER, "INTERVIEW_STORE_SCHEMA", schema,
                "REDIS_URL", TestServices.REDIS_URL, "INTERVIEW_REDIS_KEY_PREFIX", TestServices.newRedisPrefix(),
                "INTERVIEW_ENCRYPTION_KEYS", "k1:MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY="));
        if (!TestServices.PG_PASSWORD.isEmpty()) {
            env.put("INTERVIEW_STORE_PASSWORD", TestServices.PG_PASSWORD);
        }
        InterviewEngineMetrics engineMetrics = new InterviewEngineMetrics();
        try (InterviewStorage storage = InterviewStorage.open(InterviewConfig.fromEnvironment(env));
             InterviewEngine engine = storage.applyTo(InterviewEngine.builder()).observer(engineMetrics).build()) {
            RedisMetrics.of(storage.store(), storage.lock()).bindTo(registry);
            engineMetrics.bindTo(registry);
            RedisInterviewStore cache = (RedisInterviewStore) storage.store();
            RedisInterviewLock lock = (RedisInterviewLock) storage.lock();

            InterviewId id = engine.start(StartRequest.builder().language(Language.ENGLISH).build()).interviewId();
            engine.answer(id, Answer.text("m-1", "I have run the night shift of the depot for twelve years."));
            engine.answer(id, Answer.text("m-2", "First I check the board, then I call the drivers who are late."));
            engine.status(id);

            RedisConnection.Metrics connection = cache.redis().metrics();
            assertThat(gauge(RedisMetrics.AVAILABLE)).isEqualTo(1.0);
            assertThat(registry.get(RedisMetrics.COMMANDS).functionTimer().count()).isEqualTo(connection.commands())
                    .isPositive();
            assertThat(registry.get(RedisMetrics.COMMANDS).functionTimer().totalTime(TimeUnit.NANOSECONDS))
                    // the timer converts through seconds, so the nanoseconds come back within rounding, not exactly
                    .isCloseTo((double) connection.commandTime().toNanos(), within(1.0)).isPositive();
            assertThat(count(RedisMetrics.FAILURES)).isZero();
            assertThat(count(RedisMetrics.OUTAGES)).isZero();
            assertThat(count(RedisMetrics.LOCK_ACQUISITIONS, "result", "acquired"))
                    .isEqualTo(lock.metrics().acquired()).isGreaterThanOrEqualTo(3);
            assertThat(count(RedisMetrics.LOCK_ACQUISITIONS, "result", "fallback")).isZero();
            assertThat(registry.get(RedisMetrics.LOCK_WAIT).functionTimer().count())
                    .isEqualTo(lock.metrics().acquired());
            assertThat(registry.get(RedisMetrics.LOCK_WAIT).functionTimer().totalTime(TimeUnit.NANOSECONDS))
                    .isPositive();
            assertThat(count(RedisMetrics.LOCK_LOST)).isZero();
            assertThat(count(RedisMetrics.CACHE_GETS, "result", "hit")).isEqualTo(cache.metrics().hits())
                    .isPositive();
            assertThat(count(RedisMetrics.CACHE_GETS, "result", "miss")).isEqualTo(cache.metrics().misses());
            assertThat(count(RedisMetrics.CACHE_BYPASSED)).isZero();
            assertThat(registry.find(RedisMetrics.DEDUPE_FALLBACKS).meters()).as("not given").isEmpty();
            assertThat(registry.get(InterviewEngineMetrics.STORE_COMMIT_DURATION).tags("operation", "commit",
                    "outcome", "ok").timer().count()).as("writes to PostgreSQL through the cache").isEqualTo(4);
        }
    }

    @Test
    void should_show_the_outage_and_the_fallbacks_when_redis_cannot_be_reached() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (RedisConnection redis = RedisConnection.builder().url("redis://127.0.0.1:" + closedPort)
                .keyPrefix(TestServices.newRedisPrefix()).timeout(Duration.ofMillis(200))
                .retryInterval(Duration.ofMinutes(5)).build();
             RedisInterviewLock lock = RedisInterviewLock.of(redis)) {
            RedisInterviewStore cache = RedisInterviewStore.of(new InMemoryInterviewStore(), redis);
            RedisMessageDeduplicator dedupe = new RedisMessageDeduplicator(redis, (scope, id, ttl) -> true);
            RedisMetrics.builder(redis).lock(lock).cache(cache).deduplicator(dedupe).tags(Tags.of("redis", "main"))
                    .build().bindTo(registry);
            try (InterviewEngine engine = InterviewEngine.builder().store(cache).lock(lock).build()) {
                InterviewId id = engine.start(StartRequest.builder().language(Language.ENGLISH).build())
                        .interviewId();
                engine.answer(id, Answer.text("m-1", "Twelve years at the depot."));
            }
            dedupe.firstSeen("telegram", "update-1", Duration.ofMinutes(5));

            assertThat(gauge(RedisMetrics.AVAILABLE)).isZero();
            assertThat(count(RedisMetrics.OUTAGES)).isEqualTo(1);
            assertThat(count(RedisMetrics.FAILURES)).isEqualTo(1);
            assertThat(count(RedisMetrics.SKIPPED)).isPositive();
            assertThat(count(RedisMetrics.LOCK_ACQUISITIONS, "result", "fallback")).isEqualTo(2);
            assertThat(count(RedisMetrics.LOCK_ACQUISITIONS, "result", "acquired")).isZero();
            assertThat(count(RedisMetrics.CACHE_BYPASSED)).isPositive();
            assertThat(count(RedisMetrics.DEDUPE_FALLBACKS)).isEqualTo(1);
            assertThat(registry.getMeters()).allSatisfy(m -> assertThat(m.getId().getTag("redis")).isEqualTo("main"));
        }
    }

    @Test
    void should_count_events_published_and_received_across_two_nodes() throws Exception {
        String prefix = TestServices.newRedisPrefix();
        try (RedisConnection a = RedisConnection.of(TestServices.REDIS_URL, prefix);
             RedisConnection b = RedisConnection.of(TestServices.REDIS_URL, prefix);
             RedisInterviewNotifier nodeA = new RedisInterviewNotifier(a);
             RedisInterviewNotifier nodeB = new RedisInterviewNotifier(b)) {
            RedisMetrics.builder(a).notifier(nodeA).tags(Tags.of("node", "a")).build().bindTo(registry);
            RedisMetrics.builder(b).notifier(nodeB).tags(Tags.of("node", "b")).build().bindTo(registry);
            BlockingQueue<InterviewId> received = new LinkedBlockingQueue<>();
            nodeB.subscribe((id, json) -> received.add(id));
            assertThat(nodeA.awaitSubscribed(Duration.ofSeconds(5))).isTrue();
            assertThat(nodeB.awaitSubscribed(Duration.ofSeconds(5))).isTrue();

            nodeA.publish(InterviewId.random(), "{\"type\":\"reply\"}");

            assertThat(received.poll(5, TimeUnit.SECONDS)).isNotNull();
            assertThat(count(RedisMetrics.EVENTS, "node", "a", "direction", "published")).isEqualTo(1);
            assertThat(count(RedisMetrics.EVENTS, "node", "b", "direction", "received")).isEqualTo(1);
            assertThat(count(RedisMetrics.EVENTS, "node", "b", "direction", "local")).isZero();
        }
    }

    @Test
    void should_refuse_a_store_and_lock_without_redis() {
        assertThatThrownBy(() -> RedisMetrics.of(new InMemoryInterviewStore(), InterviewLock.local()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("uses Redis");
    }

    @Test
    void should_tag_redis_meters_only_with_their_result_or_direction_never_an_interview_or_a_message() {
        String prefix = TestServices.newRedisPrefix();
        List<String> ids = new ArrayList<>();
        try (RedisConnection redis = RedisConnection.of(TestServices.REDIS_URL, prefix);
             RedisInterviewLock lock = RedisInterviewLock.of(redis);
             RedisInterviewNotifier notifier = new RedisInterviewNotifier(redis)) {
            RedisInterviewStore cache = RedisInterviewStore.of(new InMemoryInterviewStore(), redis);
            RedisMessageDeduplicator dedupe = new RedisMessageDeduplicator(redis, (scope, id, ttl) -> true);
            RedisMetrics.builder(redis).lock(lock).cache(cache).deduplicator(dedupe).notifier(notifier).build()
                    .bindTo(registry);
            try (InterviewEngine engine = InterviewEngine.builder().store(cache).lock(lock).build()) {
                interviews(engine, dedupe, notifier, 2, ids);
                int series = registry.getMeters().size();

                interviews(engine, dedupe, notifier, 6, ids);

                assertThat(registry.getMeters()).as("six more interviews, messages and events").hasSize(series);
            }
        }
        Map<String, Set<String>> vocabulary = Map.of("result", Set.of("acquired", "fallback", "timeout", "hit", "miss"),
                "direction", Set.of("published", "received", "local"));
        assertThat(registry.getMeters()).isNotEmpty().allSatisfy(meter -> meter.getId().getTags().forEach(tag -> {
            String where = meter.getId().getName() + "{" + tag.getKey() + "=" + tag.getValue() + "}";
            assertThat(vocabulary).as(where).containsKey(tag.getKey());
            assertThat(vocabulary.get(tag.getKey())).as(where).contains(tag.getValue());
            assertThat(ids).as(where).noneMatch(id -> tag.getValue().contains(id));
        }));
    }

    /** {@code count} interviews with two answers each, a message seen twice and an event each; records their ids. */
    private static void interviews(InterviewEngine engine, RedisMessageDeduplicator dedupe,
                                   RedisInterviewNotifier notifier, int count, List<String> ids) {
        for (int i = 0; i < count; i++) {
            InterviewId id = engine.start(StartRequest.builder().language(Language.ENGLISH)
                    .channelKey("chat:" + UUID.randomUUID()).build()).interviewId();
            String message = "m-" + UUID.randomUUID();
            engine.answer(id, Answer.text(message, "I have run the night shift of the depot for twelve years."));
            engine.answer(id, Answer.text(message + "-2", "First I check the board, then I call the late drivers."));
            dedupe.firstSeen("telegram", message, Duration.ofMinutes(5));
            dedupe.firstSeen("telegram", message, Duration.ofMinutes(5));
            notifier.publish(id, "{\"type\":\"reply\"}");
            ids.add(id.value());
            ids.add(message);
        }
    }

    private double count(String name, String... tags) {
        return registry.get(name).tags(tags).functionCounter().count();
    }

    private double gauge(String name) {
        return registry.get(name).gauge().value();
    }
}
