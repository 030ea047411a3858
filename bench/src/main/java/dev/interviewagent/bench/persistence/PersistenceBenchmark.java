package dev.interviewagent.bench.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.interviewagent.core.Interview;
import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.MessageId;
import dev.interviewagent.core.Profile;
import dev.interviewagent.core.Turn;
import dev.interviewagent.core.guide.Stage;
import dev.interviewagent.core.knowledge.KnowledgeItem;
import dev.interviewagent.core.knowledge.KnowledgeKind;
import dev.interviewagent.core.spi.InterviewCodec;
import dev.interviewagent.core.spi.InterviewLock;
import dev.interviewagent.core.spi.InterviewStore;
import dev.interviewagent.persistence.JdbcInterviewStore;
import dev.interviewagent.persistence.redis.RedisConnection;
import dev.interviewagent.persistence.redis.RedisInterviewLock;
import dev.interviewagent.persistence.redis.RedisInterviewStore;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Durable turns per second and store latency of {@link JdbcInterviewStore} on PostgreSQL at 1, 8 and 64 concurrent
 * interviews, next to a baseline of plain JDBC doing the same writes per turn (one state update + one turn insert in a
 * transaction, state JSON precomputed) without the SDK; then the extra latency of the Redis lock and cache.
 *
 * <p>One "turn" is what the engine stores per message: {@code InterviewStore.commit} of a new state version with one
 * turn. Run (see docs/benchmarks.md):
 *
 * <pre>
 * ./mvnw -B -q -pl bench -am compile exec:java -Dexec.mainClass=dev.interviewagent.bench.persistence.PersistenceBenchmark
 * </pre>
 *
 * <p>Environment: {@code IA_BENCH_PG_URL} (default {@code jdbc:postgresql://127.0.0.1:5432/test}),
 * {@code IA_BENCH_PG_USER} ({@code postgres}), {@code IA_BENCH_PG_PASSWORD} (empty), {@code IA_BENCH_REDIS_URL}
 * ({@code redis://127.0.0.1:6379}), {@code IA_BENCH_SECONDS} (8 per measurement, after 2 s of warm-up).
 */
public final class PersistenceBenchmark {

    private static final String URL = env("IA_BENCH_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String USER = env("IA_BENCH_PG_USER", "postgres");
    private static final String PASSWORD = env("IA_BENCH_PG_PASSWORD", "");
    private static final String REDIS = env("IA_BENCH_REDIS_URL", "redis://127.0.0.1:6379");
    private static final int SECONDS = Integer.parseInt(env("IA_BENCH_SECONDS", "8"));
    private static final int WARMUP_SECONDS = 2;
    private static final String ANSWER = "First we check the pump pressure, then the valves; last week a seal failed "
            + "at the north station and we caught it because the vibration rose by 20 percent within 3 hours.";
    private static final InterviewCodec CODEC = new InterviewCodec();

    private PersistenceBenchmark() {
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    /** Latencies of one run and the turns it stored. */
    private record Result(long turns, double seconds, long[] nanos) {
        double perSecond() {
            return turns / seconds;
        }

        double percentileMillis(double p) {
            if (nanos.length == 0) {
                return Double.NaN;
            }
            return nanos[Math.min(nanos.length - 1, (int) Math.ceil(p * nanos.length) - 1)] / 1e6;
        }
    }

    /** One worker's turn: returns after the turn is durable. */
    private interface TurnWriter {
        void write(int worker, long sequence) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        String schema = "ia_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String baseSchema = schema + "_jdbc";
        System.out.printf(Locale.ROOT, "persistence benchmark: %s, %d s per run (+%d s warm-up), %d cores, java %s%n",
                URL, SECONDS, WARMUP_SECONDS, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        System.out.printf(Locale.ROOT, "%-22s %12s %9s %9s %12s %9s %9s %8s %12s%n", "concurrent interviews",
                "sdk turns/s", "sdk p50", "sdk p99", "jdbc turns/s", "jdbc p50", "jdbc p99", "ratio",
                "p99 overhead");
        try {
            for (int concurrency : new int[] {1, 8, 64}) {
                int pool = Math.min(concurrency, 16);
                Result sdk;
                try (JdbcInterviewStore store = JdbcInterviewStore.builder().jdbcUrl(URL).username(USER)
                        .password(PASSWORD).schema(schema).maxPoolSize(pool).poolName("bench-sdk")
                        .connectionTimeout(Duration.ofSeconds(60)).build()) {
                    List<Interview[]> states = newInterviews(store, concurrency);
                    sdk = run(concurrency, (w, n) -> sdkTurn(store, states.get(w)));
                }
                Result jdbc;
                try (JdbcInterviewStore migrated = JdbcInterviewStore.builder().jdbcUrl(URL).username(USER)
                        .password(PASSWORD).schema(baseSchema).maxPoolSize(1).build();
                     HikariDataSource ds = plainPool(baseSchema, pool)) {
                    List<Interview[]> states = newInterviews(migrated, concurrency);
                    List<long[]> versions = new ArrayList<>();
                    for (Interview[] s : states) {
                        versions.add(new long[] {s[0].version(), s[0].turnCount()});
                    }
                    String document = CODEC.toJson(states.get(0)[0]);
                    jdbc = run(concurrency, (w, n) -> plainTurn(ds, states.get(w)[0].id(), versions.get(w),
                            document));
                }
                System.out.printf(Locale.ROOT, "%-22d %12.0f %7.2fms %7.2fms %12.0f %7.2fms %7.2fms %7.0f%% %10.2fms%n",
                        concurrency, sdk.perSecond(), sdk.percentileMillis(0.50), sdk.percentileMillis(0.99),
                        jdbc.perSecond(), jdbc.percentileMillis(0.50), jdbc.percentileMillis(0.99),
                        100 * sdk.perSecond() / jdbc.perSecond(),
                        sdk.percentileMillis(0.99) - jdbc.percentileMillis(0.99));
            }
            redisOverhead(schema);
        } finally {
            try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
                s.execute("DROP SCHEMA IF EXISTS " + baseSchema + " CASCADE");
            }
        }
    }

    /** At 8 concurrent interviews: per turn, Redis lock + cached load + commit (+ cache update) + unlock. */
    private static void redisOverhead(String schema) throws Exception {
        int concurrency = 8;
        String prefix = "ia-bench-" + UUID.randomUUID().toString().substring(0, 8);
        try (JdbcInterviewStore db = JdbcInterviewStore.builder().jdbcUrl(URL).username(USER).password(PASSWORD)
                .schema(schema).maxPoolSize(concurrency).poolName("bench-redis")
                .connectionTimeout(Duration.ofSeconds(60)).build();
             RedisConnection redis = RedisConnection.of(REDIS, prefix)) {
            InterviewLock localLock = InterviewLock.local();
            List<Interview[]> plainStates = newInterviews(db, concurrency);
            Result plain = run(concurrency, (w, n) -> {
                try (InterviewLock.Lease lease = localLock.acquire(plainStates.get(w)[0].id(), Duration.ofSeconds(5))) {
                    Interview current = db.load(plainStates.get(w)[0].id()).orElseThrow();
                    plainStates.get(w)[0] = current;
                    sdkTurn(db, plainStates.get(w));
                }
            });
            RedisInterviewStore cached = RedisInterviewStore.of(db, redis);
            RedisInterviewLock lock = RedisInterviewLock.of(redis);
            List<Interview[]> states = newInterviews(cached, concurrency);
            Result withRedis = run(concurrency, (w, n) -> {
                try (InterviewLock.Lease lease = lock.acquire(states.get(w)[0].id(), Duration.ofSeconds(5))) {
                    Interview current = cached.load(states.get(w)[0].id()).orElseThrow();
                    states.get(w)[0] = current;
                    sdkTurn(cached, states.get(w));
                }
            });
            System.out.printf(Locale.ROOT, "%nRedis lock + read-through cache at %d concurrent interviews (per turn: "
                    + "lock, load, commit, unlock)%n", concurrency);
            System.out.printf(Locale.ROOT, "  database only (in-process lock, load from PostgreSQL): %6.0f turns/s, "
                    + "p50 %.2f ms, p99 %.2f ms%n", plain.perSecond(), plain.percentileMillis(0.5),
                    plain.percentileMillis(0.99));
            System.out.printf(Locale.ROOT, "  Redis lock + cache (load from Redis):                  %6.0f turns/s, "
                    + "p50 %.2f ms, p99 %.2f ms%n", withRedis.perSecond(), withRedis.percentileMillis(0.5),
                    withRedis.percentileMillis(0.99));
            System.out.printf(Locale.ROOT, "  Redis added: p50 %+.2f ms, p99 %+.2f ms per turn (cache hits %d, lock "
                    + "acquisitions %d)%n", withRedis.percentileMillis(0.5) - plain.percentileMillis(0.5),
                    withRedis.percentileMillis(0.99) - plain.percentileMillis(0.99), cached.metrics().hits(),
                    lock.metrics().acquired());
        }
    }

    private static HikariDataSource plainPool(String schema, int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(URL);
        config.setUsername(USER);
        config.setPassword(PASSWORD);
        config.setSchema(schema);
        config.setMaximumPoolSize(size);
        config.setPoolName("bench-jdbc");
        config.setConnectionTimeout(60_000);
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        return new HikariDataSource(config);
    }

    /** A mid-interview state: profile, 30 knowledge items, progress; about 6 KB of JSON. */
    private static List<Interview[]> newInterviews(InterviewStore store, int count) {
        List<Interview[]> states = new ArrayList<>();
        Instant now = Instant.now();
        for (int i = 0; i < count; i++) {
            InterviewId id = InterviewId.of("bench-" + UUID.randomUUID());
            List<KnowledgeItem> knowledge = new ArrayList<>();
            for (int k = 0; k < 30; k++) {
                knowledge.add(KnowledgeItem.of(KnowledgeKind.values()[k % KnowledgeKind.values().length],
                        "Knowledge item " + k + ": " + ANSWER.substring(0, 80), Stage.OPERATIONS, 2 + 2 * k,
                        KnowledgeItem.SOURCE_ANALYZER));
            }
            Turn first = question(1, now);
            Interview initial = Interview.start(id, Language.ENGLISH, "master", "expertise", 1,
                    new Profile("Ada", "Engineer", "Acme", "Energy", 12, "training"), "bench:" + i,
                    Map.of("channel", "bench"), now).toBuilder().knowledge(knowledge).version(1).turnCount(1)
                    .pendingQuestion(first).build();
            store.create(initial, List.of(first));
            states.add(new Interview[] {initial});
        }
        return states;
    }

    private static Turn question(int number, Instant at) {
        return new Turn(number, Turn.Role.INTERVIEWER, Turn.Kind.QUESTION, "What happened next, step by step?",
                Stage.OPERATIONS, Turn.Modality.TEXT, at, null, null,
                number > 1 ? MessageId.of("m" + (number - 1)) : null, "deepen_steps", 3, "methodology", false);
    }

    private static Turn nextTurn(Interview state, Instant now) {
        int number = state.turnCount() + 1;
        return number % 2 == 0
                ? new Turn(number, Turn.Role.RESPONDENT, Turn.Kind.ANSWER, ANSWER, Stage.OPERATIONS,
                Turn.Modality.TEXT, now, null, MessageId.of("m" + number), null, null, 0, null, false)
                : question(number, now);
    }

    /** One SDK turn: the new state version with one turn, committed; the worker keeps the state as the engine does. */
    private static void sdkTurn(InterviewStore store, Interview[] holder) {
        Interview state = holder[0];
        Instant now = Instant.now();
        Turn turn = nextTurn(state, now);
        Interview.Builder next = state.toBuilder().version(state.version() + 1).turnCount(turn.number())
                .updatedAt(now);
        if (turn.isInterviewer()) {
            next.pendingQuestion(turn);
        }
        Interview after = next.build();
        store.commit(state.version(), after, List.of(turn));
        holder[0] = after;
    }

    /** The same writes by hand: one version-checked state update and one turn insert, in one transaction. */
    private static void plainTurn(HikariDataSource ds, InterviewId id, long[] versionAndCount, String document)
            throws Exception {
        long version = versionAndCount[0];
        int number = (int) versionAndCount[1] + 1;
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement update = c.prepareStatement("UPDATE interviews SET version = ?, turn_count = ?, "
                    + "state = CAST(? AS jsonb), updated_at = ? WHERE id = ? AND version = ?");
                 PreparedStatement insert = c.prepareStatement("INSERT INTO turns (interview_id, number, role, kind, "
                         + "stage, modality, text, at, message_id, depth, fallback) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, "
                         + "?, ?)")) {
                update.setLong(1, version + 1);
                update.setInt(2, number);
                update.setString(3, document);
                update.setObject(4, now);
                update.setString(5, id.value());
                update.setLong(6, version);
                if (update.executeUpdate() != 1) {
                    throw new IllegalStateException("lost update");
                }
                insert.setString(1, id.value());
                insert.setInt(2, number);
                insert.setString(3, number % 2 == 0 ? "respondent" : "interviewer");
                insert.setString(4, number % 2 == 0 ? "answer" : "question");
                insert.setString(5, "operations");
                insert.setString(6, "text");
                insert.setString(7, ANSWER);
                insert.setObject(8, now);
                insert.setString(9, number % 2 == 0 ? "m" + number : null);
                insert.setShort(10, (short) 0);
                insert.setBoolean(11, false);
                insert.executeUpdate();
            }
            c.commit();
        }
        versionAndCount[0] = version + 1;
        versionAndCount[1] = number;
    }

    /** Runs {@code workers} threads writing turns: warm-up, then a measured window. */
    private static Result run(int workers, TurnWriter writer) throws Exception {
        AtomicBoolean measuring = new AtomicBoolean();
        AtomicBoolean stop = new AtomicBoolean();
        long[][] samples = new long[workers][];
        int[] counts = new int[workers];
        CountDownLatch done = new CountDownLatch(workers);
        Throwable[] failure = new Throwable[1];
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            int worker = w;
            samples[w] = new long[1 << 16];
            Thread t = new Thread(() -> {
                try {
                    long n = 0;
                    while (!stop.get()) {
                        long start = System.nanoTime();
                        writer.write(worker, n++);
                        long took = System.nanoTime() - start;
                        if (measuring.get()) {
                            if (counts[worker] == samples[worker].length) {
                                samples[worker] = Arrays.copyOf(samples[worker], counts[worker] * 2);
                            }
                            samples[worker][counts[worker]++] = took;
                        }
                    }
                } catch (Throwable e) {
                    failure[0] = e;
                    stop.set(true);
                } finally {
                    done.countDown();
                }
            }, "bench-" + w);
            threads.add(t);
            t.start();
        }
        Thread.sleep(WARMUP_SECONDS * 1000L);
        long begin = System.nanoTime();
        measuring.set(true);
        Thread.sleep(SECONDS * 1000L);
        measuring.set(false);
        double elapsed = (System.nanoTime() - begin) / 1e9;
        stop.set(true);
        done.await();
        if (failure[0] != null) {
            throw new IllegalStateException("benchmark worker failed", failure[0]);
        }
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int w = 0; w < workers; w++) {
            System.arraycopy(samples[w], 0, all, at, counts[w]);
            at += counts[w];
        }
        Arrays.sort(all);
        return new Result(total, elapsed, all);
    }
}
