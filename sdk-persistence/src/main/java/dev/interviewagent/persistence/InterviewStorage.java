package dev.interviewagent.persistence;

import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.config.InterviewConfig;
import dev.interviewagent.core.config.InterviewSettings;
import dev.interviewagent.core.config.InvalidConfigurationException;
import dev.interviewagent.core.config.Setting;
import dev.interviewagent.core.exception.StoreException;
import dev.interviewagent.core.spi.InterviewLock;
import dev.interviewagent.core.spi.InterviewStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store stack a host opens from configuration alone: the JDBC store (embedded H2 or PostgreSQL, with its
 * schema), encryption at rest, PII redaction when configured, a Redis cache and cluster-wide lock when
 * {@code interview.redis.url} is set, privacy operations, and a retention sweeper the host can start. It closes
 * what it opened and describes what it picked without secrets.
 *
 * <p>Private by default: answers are encrypted at rest unless {@code interview.encryption.required=false}. With
 * {@code interview.encryption.keys} set, that key ring is used; without it the embedded store creates a random key
 * once, in the file {@code encryption.key} next to its database (owner-only permissions, never logged), and an
 * external database (a JDBC URL) refuses to start. The first start with a new key file encrypts what the directory
 * already held; {@code interview.encryption.migrate=true} does the same for other stores (see
 * {@link JdbcInterviewStoreBuilder#migrateEncryption}).
 *
 * <pre>{@code
 * InterviewConfig config = InterviewConfig.load();
 * try (InterviewStorage storage = InterviewStorage.open(config);
 *      InterviewEngine engine = storage.applyTo(InterviewEngine.builder()).build()) {
 *     storage.startRetention(engine);                 // if interview.retention.enabled
 *     storage.description().forEach(System.out::println);
 *     ...
 * }
 * }</pre>
 *
 * <p>Settings read (see {@code docs/configuration.md}): {@code interview.store.*}, {@code interview.redis.*},
 * {@code interview.encryption.*}, {@code interview.privacy.redact-pii} and {@code interview.retention.*}.
 *
 * <p>Thread-safe. {@link #open} blocks while it connects and migrates the database. {@link #close()} stops the
 * sweeper, then closes Redis, then the database; close the engine first.
 */
public final class InterviewStorage implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(InterviewStorage.class);
    private final JdbcInterviewStore database;
    private final @Nullable ClusterStack redis;
    private final InterviewStore store;
    private final InterviewLock lock;
    private final PrivacyOperations privacy;
    private final MessageDeduplicator deduplicator;
    private final @Nullable RetentionPolicy retention;
    private final Duration sweepEvery;
    private final List<String> description;
    private final @Nullable ScheduledExecutorService hostScheduler;
    private @Nullable ScheduledExecutorService ownScheduler;
    private @Nullable ScheduledFuture<?> sweeps;
    private boolean closed;

    private InterviewStorage(JdbcInterviewStore database, @Nullable ClusterStack redis,
                             @Nullable RetentionPolicy retention,
                             Duration sweepEvery, List<String> description,
                             @Nullable ScheduledExecutorService hostScheduler, Clock clock) {
        this.database = database;
        this.redis = redis;
        this.store = redis != null ? redis.store() : database;
        this.lock = redis != null ? redis.lock() : InterviewLock.local();
        this.privacy = redis != null ? redis.privacy() : PrivacyOperations.of(database, database, clock);
        this.deduplicator = redis != null ? redis.deduplicator() : database;
        this.retention = retention;
        this.sweepEvery = sweepEvery;
        this.description = List.copyOf(description);
        this.hostScheduler = hostScheduler;
    }

    /**
     * Opens the stack {@code config} describes, with the system clock and a scheduler of its own for sweeps.
     *
     * @throws InvalidConfigurationException for a bad setting, naming it, and for an external database without
     *                                       encryption keys while encryption is required
     * @throws StoreException                if the database cannot be reached or migrated, or the embedded store's
     *                                       key file cannot be created or read
     */
    public static InterviewStorage open(InterviewConfig config) {
        return builder(config).open();
    }

    /** A builder for the stack {@code config} describes, to pass a clock or a scheduler first. */
    public static Builder builder(InterviewConfig config) {
        return new Builder(config);
    }

    /** The store the engine should use: the database, or the Redis cache in front of it. */
    public InterviewStore store() {
        return store;
    }

    /** The turn lock the engine should use: in-process, or cluster-wide with Redis. */
    public InterviewLock lock() {
        return lock;
    }

    /** The database itself (reports, message de-duplication, purging). */
    public JdbcInterviewStore database() {
        return database;
    }

    /** Export and deletion of a respondent's data over this stack (clearing the cache too, with Redis). */
    public PrivacyOperations privacy() {
        return privacy;
    }

    /**
     * The first filter for redelivered channel messages: Redis ({@code SET NX}, the database while Redis is down)
     * when {@code interview.redis.url} is set, else the database.
     */
    public MessageDeduplicator deduplicator() {
        return deduplicator;
    }

    /** Whether this stack puts Redis in front of the database ({@code interview.redis.url} is set). */
    public boolean usesRedis() {
        return redis != null;
    }

    /**
     * Asks Redis for a {@code PING} now, for a health check: true if it answered, false if it did not or this stack
     * has no Redis. Never throws; blocks at most Redis's command timeout. A failed ping counts as an outage, as any
     * failed call does, so the stack bypasses Redis until it answers again.
     */
    public boolean pingRedis() {
        return redis != null && redis.ping();
    }

    /** The retention policy, when {@code interview.retention.enabled} is true. */
    public Optional<RetentionPolicy> retention() {
        return Optional.ofNullable(retention);
    }

    /** Sets {@link #store()} and {@link #lock()} on {@code builder}; returns it for chaining. */
    public InterviewEngine.Builder applyTo(InterviewEngine.Builder builder) {
        return Objects.requireNonNull(builder, "builder").store(store).lock(lock);
    }

    /**
     * Starts sweeping with the retention policy: now, then every {@code interview.retention.sweep-every}, on the
     * scheduler given to the builder or a daemon thread of this stack's own. A failed sweep is logged and the next
     * one runs as planned. Does nothing when retention is off.
     *
     * @return whether sweeps were started
     * @throws IllegalStateException if already started or closed
     */
    public synchronized boolean startRetention(InterviewEngine engine) {
        Objects.requireNonNull(engine, "engine");
        if (closed) {
            throw new IllegalStateException("storage is closed");
        }
        if (sweeps != null) {
            throw new IllegalStateException("retention sweeps already started");
        }
        if (retention == null) {
            return false;
        }
        ScheduledExecutorService scheduler = hostScheduler;
        if (scheduler == null) {
            scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "interview-retention");
                thread.setDaemon(true);
                return thread;
            });
            ownScheduler = scheduler;
        }
        sweeps = scheduler.scheduleWithFixedDelay(() -> sweepAndLog(engine), 0, sweepEvery.toMillis(),
                TimeUnit.MILLISECONDS);
        log.info("retention sweeps started, every {}", sweepEvery);
        return true;
    }

    /**
     * Stops the sweeps {@link #startRetention} started (a sweep under way finishes); they can be started again.
     * Does nothing when none are running.
     */
    public synchronized void stopRetention() {
        if (sweeps == null) {
            return;
        }
        sweeps.cancel(false);
        sweeps = null;
        if (ownScheduler != null) {
            ownScheduler.shutdown();
            ownScheduler = null;
        }
        log.info("retention sweeps stopped");
    }

    /**
     * One sweep now, on the caller's thread: abandons idle interviews through {@code engine}, purges old archived
     * ones. Safe on several nodes at once.
     *
     * @throws IllegalStateException if retention is off
     * @throws StoreException        if the store fails (a later sweep continues)
     */
    public RetentionPolicy.Result sweep(InterviewEngine engine) {
        if (retention == null) {
            throw new IllegalStateException("retention is off (" + InterviewSettings.RETENTION_ENABLED + ")");
        }
        return retention.apply(engine, database);
    }

    /** One line per choice made — store, encryption, redaction, cluster, retention — without secrets. */
    public List<String> description() {
        return description;
    }

    /** Stops the sweeps, closes the Redis connection and the database pool (in that order). */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            if (sweeps != null) {
                sweeps.cancel(false);
            }
            if (ownScheduler != null) {
                ownScheduler.shutdownNow();
            }
        }
        try {
            if (redis != null) {
                redis.close();
            }
        } catch (Exception e) {
            log.warn("closing Redis failed: {}", e.getClass().getSimpleName());
        } finally {
            database.close();
        }
    }

    @Override
    public String toString() {
        return "InterviewStorage{" + String.join("; ", description) + "}";
    }

    private void sweepAndLog(InterviewEngine engine) {
        try {
            RetentionPolicy.Result result = sweep(engine);
            if (result.abandoned() + result.purged() > 0) {
                log.info("retention sweep: {} interviews abandoned, {} purged", result.abandoned(), result.purged());
            } else {
                log.debug("retention sweep: nothing to do");
            }
        } catch (RuntimeException e) {
            log.warn("retention sweep failed, the next one retries: {}", e.toString());
        }
    }

    // ------------------------------------------------------------------------------------------------ builder

    /** Opens an {@link InterviewStorage}. Not thread-safe. */
    public static final class Builder {
        private final InterviewConfig config;
        private Clock clock = Clock.systemUTC();
        private final SecureRandom random = new SecureRandom();
        private @Nullable ScheduledExecutorService scheduler;
        private @Nullable DataSource dataSource;

        private Builder(InterviewConfig config) {
            this.config = Objects.requireNonNull(config, "config");
        }

        /** For retention cut-offs, report and export timestamps. Default: {@link Clock#systemUTC()}. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Where retention sweeps run; the host keeps it (it is not shut down). Default: a daemon thread. */
        public Builder scheduler(ScheduledExecutorService scheduler) {
            this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
            return this;
        }

        /**
         * The host's data source for the database, instead of {@code interview.store.url} and its credentials: the
         * store borrows the host's connections and never closes the data source. The tables go in
         * {@code interview.store.schema} when it is set, else in the connections' default schema beside the host's
         * own (the store's Flyway history has a table of its own,
         * {@value JdbcInterviewStore#SCHEMA_HISTORY_TABLE}). {@code interview.store.max-pool-size} does not apply.
         */
        public Builder dataSource(DataSource dataSource) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
            return this;
        }

        /**
         * Opens the stack: connects and migrates the database, prepares Redis when configured.
         *
         * @throws InvalidConfigurationException for a bad setting, naming it
         * @throws StoreException                if the database cannot be reached or migrated
         */
        public InterviewStorage open() {
            List<String> description = new ArrayList<>();
            JdbcInterviewStoreBuilder databaseBuilder = ConfiguredDatabase.builder(config, dataSource);
            PiiRedactor redactor = config.get(InterviewSettings.PRIVACY_REDACT_PII) ? PiiRedactor.emailsAndPhones()
                    : PiiRedactor.NONE;
            RetentionPolicy retention = ConfiguredRetention.from(config);
            Duration sweepEvery = config.get(InterviewSettings.RETENTION_SWEEP_EVERY);
            boolean migrate = config.get(InterviewSettings.ENCRYPTION_MIGRATE);
            // last: it may create a key file, so settings are checked first
            EncryptionAtRest atRest = EncryptionAtRest.configure(config, dataSource != null, random, description);
            if (migrate) {
                if (!atRest.encryption().isEnabled()) {
                    throw new InvalidConfigurationException(InterviewSettings.ENCRYPTION_MIGRATE,
                            InterviewSettings.ENCRYPTION_MIGRATE + " is true but encryption at rest is off: there is"
                                    + " nothing to migrate to");
                }
                description.add("encryption migration: on (values not yet encrypted for their row are rewritten at"
                        + " start and read meanwhile; set " + InterviewSettings.ENCRYPTION_MIGRATE + "=false when"
                        + " done)");
            }
            description.add("PII redaction: " + (redactor == PiiRedactor.NONE ? "off"
                    : "on (e-mail addresses and phone numbers are masked before storage)"));
            // A new key file means nothing was encrypted before in this directory: encrypt what is there now.
            JdbcInterviewStore database = databaseBuilder.encryption(atRest.encryption()).redactor(redactor)
                    .migrateEncryption(migrate || atRest.newKeyFile()).clock(clock).build();
            description.add(0, "store: " + ConfiguredDatabase.describe(config, dataSource != null, database));
            ClusterStack redis = null;
            try {
                if (config.isSet(InterviewSettings.REDIS_URL)) {
                    redis = ClusterStacks.provider(config.get(InterviewSettings.REDIS_URL))
                            .open(config, database, atRest.encryption(), redactor, clock);
                    description.add("cluster: Redis lock and cache (" + redis.description() + ")");
                }
            } catch (RuntimeException e) {
                database.close();
                throw e;
            }
            description.add("retention: " + (retention == null ? "off" : "abandon after "
                    + shown(InterviewSettings.RETENTION_ABANDON_AFTER) + " idle, "
                    + retention.purgeArchivedAfter().map(d -> "purge archived interviews after " + d.toDays()
                    + " days").orElse("keep archived interviews") + ", sweep every "
                    + shown(InterviewSettings.RETENTION_SWEEP_EVERY)));
            return new InterviewStorage(database, redis, retention, sweepEvery, description, scheduler, clock);
        }

        private String shown(Setting<?> setting) {
            return config.display(setting).orElse("?");
        }
    }
}
