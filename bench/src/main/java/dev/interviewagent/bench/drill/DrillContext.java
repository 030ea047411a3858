package dev.interviewagent.bench.drill;

import dev.interviewagent.bench.drill.harness.Cleanup;
import dev.interviewagent.bench.drill.harness.FreePorts;
import dev.interviewagent.bench.drill.harness.LocalPostgres;
import dev.interviewagent.bench.websocket.SampleServer;
import dev.interviewagent.core.config.InterviewConfig;
import dev.interviewagent.persistence.InterviewStorage;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * What a drill runs in: the options, its cleanup, a PostgreSQL (the suite's, or one of its own that it may stop), a
 * store configuration per drill (own schema, the suite's encryption key ring) and the sample server started as a
 * process with that configuration.
 */
public final class DrillContext {

    private static final String KEYS = "drill:" + Base64.getEncoder().encodeToString(random(32));

    private final DrillOptions options;
    private final Cleanup cleanup;
    private final Supplier<LocalPostgres> sharedPostgres;

    DrillContext(DrillOptions options, Cleanup cleanup, Supplier<LocalPostgres> sharedPostgres) {
        this.options = options;
        this.cleanup = cleanup;
        this.sharedPostgres = sharedPostgres;
    }

    public DrillOptions options() {
        return options;
    }

    public Cleanup cleanup() {
        return cleanup;
    }

    /** A PostgreSQL of the drill's own (stopped and deleted when the drill ends), for drills that stop it. */
    public LocalPostgres ownPostgres() {
        return cleanup.add(LocalPostgres.start());
    }

    /** The suite's PostgreSQL, shared by the drills that do not stop it. */
    public LocalPostgres sharedPostgres() {
        return sharedPostgres.get();
    }

    /**
     * The settings that put interviews in {@code postgres}, in a new schema, encrypted with the suite's key ring;
     * as environment variables of the sample (docs/configuration.md).
     */
    public Map<String, String> storeEnv(LocalPostgres postgres, String drill) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("INTERVIEW_STORE_URL", postgres.jdbcUrl());
        env.put("INTERVIEW_STORE_USER", LocalPostgres.USER);
        env.put("INTERVIEW_STORE_SCHEMA", "drill_" + drill.toLowerCase(Locale.ROOT) + "_"
                + UUID.randomUUID().toString().substring(0, 8));
        env.put("INTERVIEW_ENCRYPTION_KEYS", KEYS);
        return env;
    }

    /** The store of {@code env}, opened here to audit what the servers stored (closed with the drill). */
    public InterviewStorage openStorage(Map<String, String> env) {
        return cleanup.add(InterviewStorage.open(InterviewConfig.builder().environment(env).build()));
    }

    /**
     * The WebSocket sample as a process of its own on a free port, configured by {@code env}, trusting
     * {@code X-Forwarded-For} as the client's address (each scripted respondent sends its own) and with the start
     * rate raised so a whole load may join at once.
     */
    public SampleServer startNode(Map<String, String> env, List<String> jvmOptions) {
        if (!Files.isRegularFile(options.serverJar())) {
            throw new IllegalStateException("no " + options.serverJar() + ": build it with ./mvnw -pl "
                    + "samples/websocket-server -am package -DskipTests");
        }
        Map<String, String> all = new LinkedHashMap<>(env);
        all.put("INTERVIEW_WEBSOCKET_STARTS_PER_MINUTE", "1000000");
        all.put("INTERVIEW_WEBSOCKET_CLIENT_ADDRESS_HEADER", "X-Forwarded-For");
        return cleanup.add(SampleServer.start(options.serverJar(), "1g", FreePorts.next(), List.of(), all,
                jvmOptions, Duration.ofSeconds(120)));
    }

    private static byte[] random(int n) {
        byte[] bytes = new byte[n];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
