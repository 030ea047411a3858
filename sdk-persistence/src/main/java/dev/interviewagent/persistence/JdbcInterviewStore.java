package dev.interviewagent.persistence;

import dev.interviewagent.core.Interview;
import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.MessageId;
import dev.interviewagent.core.Turn;
import dev.interviewagent.core.exception.ConcurrentTurnException;
import dev.interviewagent.core.exception.InputTooLargeException;
import dev.interviewagent.core.exception.InvalidInputException;
import dev.interviewagent.core.exception.StoreException;
import dev.interviewagent.core.spi.InterviewCodec;
import dev.interviewagent.core.spi.InterviewPage;
import dev.interviewagent.core.spi.InterviewQuery;
import dev.interviewagent.core.spi.InterviewStore;
import dev.interviewagent.persistence.internal.StoredText;
import dev.interviewagent.persistence.internal.jdbc.DatabaseBootstrap;
import dev.interviewagent.persistence.internal.jdbc.Dialect;
import dev.interviewagent.persistence.internal.jdbc.JdbcDatabase;
import dev.interviewagent.persistence.internal.jdbc.JdbcInterviews;
import dev.interviewagent.persistence.internal.jdbc.JdbcMessageDeduplicator;
import dev.interviewagent.persistence.internal.jdbc.JdbcReportArchive;
import dev.interviewagent.persistence.internal.jdbc.StorableText;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * An {@link InterviewStore} on a relational database: PostgreSQL in production, or an embedded H2 file database that
 * needs no server. The schema is created and upgraded by Flyway at start-up; connections are pooled by HikariCP
 * (unless the host passes its own {@link DataSource}).
 *
 * <p>Tables: {@code interviews} (current state document and version, plus the plain columns {@link #list} filters
 * on), {@code turns} (append-only log, unique
 * {@code (interview_id, message_id)} for idempotency), {@code reports} (archived final reports) and
 * {@code processed_messages} (channel-level de-duplication). A {@link #commit} is atomic: on PostgreSQL it is a single
 * statement (the version-checked update and the turn insert in one round trip), on H2 one transaction. Every
 * statement is parameterised, so any text is stored verbatim.
 *
 * <p>Optional {@link AnswerEncryption} encrypts turn text, the state document, reports and inbox payloads, each
 * bound to its row and column (a value copied elsewhere does not decrypt; plain text is refused while encryption is
 * on, except during a {@link Builder#migrateEncryption migration}); an optional {@link PiiRedactor} rewrites every
 * stored text (turns of both roles, the state's texts, reports, inbox payloads) before it is written.
 *
 * <p>Thread-safe; share one instance per database. Methods block on the database, each statement bounded by
 * {@link Builder#queryTimeout}; database failures become {@link StoreException} (retriable), lost version races and
 * repeated message ids {@link ConcurrentTurnException}, text the database cannot hold {@link InvalidInputException}
 * or {@link InputTooLargeException}. {@link #close()} closes the pool it created (never a host's data source).
 *
 * <pre>{@code
 * try (JdbcInterviewStore store = JdbcInterviewStore.postgres(url, user, password);
 *      InterviewEngine engine = InterviewEngine.builder().store(store).build()) {
 *     ...
 * }
 * }</pre>
 */
public final class JdbcInterviewStore implements InterviewStore, ReportArchive, MessageDeduplicator, AutoCloseable {

    /** Default bound on any one statement. */
    public static final Duration DEFAULT_QUERY_TIMEOUT = Duration.ofSeconds(10);
    /** Default time to wait for a pooled connection. */
    public static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofSeconds(5);
    /** Default size of the connection pool the store creates. */
    public static final int DEFAULT_MAX_POOL_SIZE = 10;
    /** Default longest turn text accepted, in characters. */
    public static final int DEFAULT_MAX_TEXT_CHARS = 1_000_000;
    /** Default Hikari pool name (it prefixes Hikari's log lines). */
    public static final String DEFAULT_POOL_NAME = "interview-store";
    /**
     * The table of the store's Flyway history, apart from a host's {@code flyway_schema_history}: the store and a
     * host that migrates its own tables with Flyway can share a schema.
     */
    public static final String SCHEMA_HISTORY_TABLE = "interview_schema_history";

    private static final Pattern SCHEMA = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final JdbcDatabase database;
    private final StoredText text;
    private final JdbcInterviews interviews;
    private final JdbcReportArchive reports;
    private final JdbcMessageDeduplicator deduplicator;
    private final Clock clock;
    private final String description;

    private JdbcInterviewStore(JdbcDatabase database, StoredText text, Clock clock, int maxTextChars,
                               @Nullable String schema) {
        StorableText storable = new StorableText(maxTextChars);
        this.database = database;
        this.text = text;
        this.interviews = new JdbcInterviews(database, text, storable, clock);
        this.reports = new JdbcReportArchive(database, text, storable, clock);
        this.deduplicator = new JdbcMessageDeduplicator(database, clock);
        this.clock = clock;
        this.description = "JdbcInterviewStore{" + database.dialect() + (schema == null ? "" : ", schema=" + schema)
                + ", encryption=" + text.encrypts() + "}";
    }

    /** A builder; give it a {@link Builder#dataSource} or a {@link Builder#jdbcUrl}. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * An embedded store in an H2 file database under {@code directory} (created if missing), with defaults for
     * everything else. Only one process may open the directory at a time.
     *
     * @throws StoreException if the database cannot be opened or migrated
     */
    public static JdbcInterviewStore embedded(Path directory) {
        return builder().embedded(directory).build();
    }

    /**
     * A PostgreSQL store with defaults for everything else.
     *
     * @throws StoreException if the database is unreachable or cannot be migrated
     */
    public static JdbcInterviewStore postgres(String jdbcUrl, String username, String password) {
        return builder().jdbcUrl(jdbcUrl).username(username).password(password).build();
    }

    /** The JDBC URL of the embedded database in {@code directory}. */
    public static String embeddedUrl(Path directory) {
        // PostgreSQL mode keeps one SQL text for both databases. WRITE_DELAY=0 writes every commit to the file at
        // once, so a killed process loses no acknowledged turn. LOCK_TIMEOUT bounds waits for row locks.
        return "jdbc:h2:file:" + directory.toAbsolutePath().resolve("interviews")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;LOCK_TIMEOUT=10000";
    }

    @Override
    public void create(Interview interview, List<Turn> turns) {
        interviews.create(interview, turns);
    }

    @Override
    public Optional<Interview> load(InterviewId id) {
        return interviews.load(id);
    }

    @Override
    public void commit(long expectedVersion, Interview next, List<Turn> turns) {
        interviews.commit(expectedVersion, next, turns);
    }

    @Override
    public List<Turn> turns(InterviewId id) {
        return interviews.turns(id);
    }

    @Override
    public List<Turn> recentTurns(InterviewId id, int limit) {
        return interviews.recentTurns(id, limit);
    }

    @Override
    public List<Turn> turnRange(InterviewId id, int first, int last) {
        return interviews.turnRange(id, first, last);
    }

    @Override
    public Optional<Turn> findByMessageId(InterviewId id, MessageId messageId) {
        return interviews.findByMessageId(id, messageId);
    }

    @Override
    public Optional<InterviewId> findActiveByChannelKey(String channelKey) {
        return interviews.findActiveByChannelKey(channelKey);
    }

    @Override
    public List<InterviewId> findByChannelKey(String channelKey) {
        return interviews.findByChannelKey(channelKey);
    }

    @Override
    public List<InterviewId> findActiveIdleSince(Instant cutoff, int limit) {
        return interviews.findActiveIdleSince(cutoff, limit);
    }

    /**
     * {@inheritDoc}
     *
     * <p>One indexed statement on plain columns ({@code language}, {@code style}, {@code channel}, {@code stage},
     * {@code close_reason} beside {@code status}, {@code channel_key} and the timestamps); state documents are not
     * read, so encryption at rest changes nothing. Time bounds are compared at the database's microsecond precision.
     */
    @Override
    public InterviewPage list(InterviewQuery query) {
        return interviews.list(query);
    }

    @Override
    public boolean delete(InterviewId id) {
        return interviews.delete(id);
    }

    /**
     * Deletes interviews that ended (completed, ended early or in an emergency, abandoned) longer than
     * {@code olderThan} ago, with their turns and reports. Active interviews are never purged.
     *
     * @return how many interviews were deleted
     * @throws IllegalArgumentException if {@code olderThan} is negative
     */
    public int purgeArchived(Duration olderThan) {
        return interviews.purgeArchived(olderThan);
    }

    @Override
    public void archiveReport(InterviewId id, String json, String markdown) {
        reports.archiveReport(id, json, markdown);
    }

    @Override
    public Optional<ArchivedReport> findReport(InterviewId id) {
        return reports.findReport(id);
    }

    /**
     * {@inheritDoc}
     *
     * <p>Backed by the {@code processed_messages} table: the database fallback of {@link RedisMessageDeduplicator}.
     * Expired rows are reused; {@link #purgeExpiredMessages()} deletes them.
     */
    @Override
    public boolean firstSeen(String scope, String messageId, Duration ttl) {
        return deduplicator.firstSeen(scope, messageId, ttl);
    }

    /** Deletes expired de-duplication records. @return how many */
    public int purgeExpiredMessages() {
        return deduplicator.purgeExpired();
    }

    /** The database this store runs on: {@code postgresql} or {@code h2}. */
    public String databaseKind() {
        return database.kind();
    }

    /** Closes the connection pool this store created; a data source passed by the host is left open. */
    @Override
    public void close() {
        database.close();
    }

    @Override
    public String toString() {
        return description;
    }

    /**
     * Rewrites every stored value not sealed for its row with the primary key (plain text, {@code enc:v1:}, older
     * keys) — states, turns, reports and inbox payloads — in batches; {@link Builder#build()} calls it when
     * {@link Builder#migrateEncryption} is on, and a host may call it again (e.g. after adding a new primary key, to
     * retire the old one). Values it cannot read are left as they are.
     *
     * @return what was rewritten and what could not be read
     * @throws IllegalStateException if the store was not built with {@link Builder#migrateEncryption} (it must be
     *                               able to read the values it rewrites)
     * @throws StoreException        if the database fails (repeating continues where it stopped)
     */
    public MigrationResult migrateEncryption() {
        if (!text.migrating()) {
            throw new IllegalStateException("build the store with migrateEncryption(true) to migrate");
        }
        return new EncryptionMigration(database, text).run();
    }

    /**
     * What one {@link #migrateEncryption()} pass did.
     *
     * @param states       state documents rewritten
     * @param turns        turn texts rewritten
     * @param reports      reports rewritten (both fields)
     * @param inboxEntries channel inbox payloads rewritten
     * @param unreadable   values left as they were because no key in the ring opens them
     */
    public record MigrationResult(int states, int turns, int reports, int inboxEntries, int unreadable) {

        /** Values rewritten in all. */
        public int rewritten() {
            return states + turns + reports + inboxEntries;
        }
    }

    // For JdbcChannelInbox (same database, same stored-text rules) and RedisInterviewStore (same stored-text rules).

    JdbcDatabase database() {
        return database;
    }

    StoredText storedText() {
        return text;
    }

    Clock clock() {
        return clock;
    }

    /**
     * Builds a {@link JdbcInterviewStore}: a data source, or a URL with credentials for a pool the store creates and
     * owns. Setters validate at once; {@link #build()} connects and migrates. Not thread-safe.
     */
    public static final class Builder {
        private @Nullable DataSource dataSource;
        private @Nullable String jdbcUrl;
        private @Nullable String username;
        private @Nullable String password;
        private @Nullable String schema;
        private AnswerEncryption encryption = AnswerEncryption.NONE;
        private PiiRedactor redactor = PiiRedactor.NONE;
        private Clock clock = Clock.systemUTC();
        private Duration queryTimeout = DEFAULT_QUERY_TIMEOUT;
        private Duration connectionTimeout = DEFAULT_CONNECTION_TIMEOUT;
        private int maxPoolSize = DEFAULT_MAX_POOL_SIZE;
        private int maxTextChars = DEFAULT_MAX_TEXT_CHARS;
        private String poolName = DEFAULT_POOL_NAME;
        private boolean migrate = true;
        private boolean migrateEncryption;
        private InterviewCodec codec = new InterviewCodec();

        private Builder() {
        }

        /**
         * Use the host's data source (its pool, its credentials). Excludes {@link #jdbcUrl}. With a {@link #schema},
         * the tables are kept there and each call sets it on the connection it borrows and restores the
         * connection's own afterwards; without one, they go in the connection's default schema, beside the host's
         * tables (the store's Flyway history is its own {@value #SCHEMA_HISTORY_TABLE}).
         */
        public Builder dataSource(DataSource dataSource) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
            return this;
        }

        /** {@code jdbc:postgresql://…} or {@code jdbc:h2:…}; the store creates a HikariCP pool for it. */
        public Builder jdbcUrl(String jdbcUrl) {
            Objects.requireNonNull(jdbcUrl, "jdbcUrl");
            Dialect.detect(jdbcUrl);
            this.jdbcUrl = jdbcUrl;
            return this;
        }

        /** Shortcut for {@link #jdbcUrl} with {@link JdbcInterviewStore#embeddedUrl(Path)}. */
        public Builder embedded(Path directory) {
            Objects.requireNonNull(directory, "directory");
            return jdbcUrl(embeddedUrl(directory));
        }

        public Builder username(String username) {
            this.username = Objects.requireNonNull(username, "username");
            return this;
        }

        /** Never logged; {@link #toString()} masks it. */
        public Builder password(String password) {
            this.password = Objects.requireNonNull(password, "password");
            return this;
        }

        /**
         * A database schema to keep the tables in (created if missing), e.g. one per tenant or per test run. Default:
         * the connection's default schema.
         *
         * @throws IllegalArgumentException unless it matches {@code [a-z_][a-z0-9_]{0,62}}
         */
        public Builder schema(String schema) {
            Objects.requireNonNull(schema, "schema");
            if (!SCHEMA.matcher(schema).matches()) {
                throw new IllegalArgumentException("schema must match [a-z_][a-z0-9_]{0,62}, was '" + schema + "'");
            }
            this.schema = schema;
            return this;
        }

        /**
         * Encryption at rest of turn text, state documents, reports and inbox payloads, each bound to its row and
         * column. While it is on, values that are not sealed that way (plain text written before encryption was
         * switched on, the unbound {@code enc:v1:} format of earlier versions) are refused on reading unless
         * {@link #migrateEncryption} is on. Default: {@link AnswerEncryption#NONE}.
         */
        public Builder encryption(AnswerEncryption encryption) {
            this.encryption = Objects.requireNonNull(encryption, "encryption");
            return this;
        }

        /**
         * Applied to every text before storage: turns of both roles, the texts of the state (profile, questions,
         * knowledge, recalls, member check, memory), reports (the string values of the JSON, the whole Markdown) and
         * {@link JdbcChannelInbox} payloads. Default: {@link PiiRedactor#NONE}.
         */
        public Builder redactor(PiiRedactor redactor) {
            this.redactor = Objects.requireNonNull(redactor, "redactor");
            return this;
        }

        /** For retention cut-offs and report timestamps. Default: {@link Clock#systemUTC()}. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Bound on each statement (whole seconds, at least 1). Default: {@link #DEFAULT_QUERY_TIMEOUT}. */
        public Builder queryTimeout(Duration queryTimeout) {
            this.queryTimeout = positive("queryTimeout", queryTimeout);
            return this;
        }

        /** Wait for a pooled connection (own pool only). Default: {@link #DEFAULT_CONNECTION_TIMEOUT}; &ge; 250 ms. */
        public Builder connectionTimeout(Duration connectionTimeout) {
            positive("connectionTimeout", connectionTimeout);
            if (connectionTimeout.toMillis() < 250) {
                throw new IllegalArgumentException("connectionTimeout must be >= 250ms, was " + connectionTimeout);
            }
            this.connectionTimeout = connectionTimeout;
            return this;
        }

        /** Size of the pool the store creates. Default: {@link #DEFAULT_MAX_POOL_SIZE}. Must be 1–1,000. */
        public Builder maxPoolSize(int maxPoolSize) {
            if (maxPoolSize < 1 || maxPoolSize > 1000) {
                throw new IllegalArgumentException("maxPoolSize must be 1-1000, was " + maxPoolSize);
            }
            this.maxPoolSize = maxPoolSize;
            return this;
        }

        /** Longest turn text or report accepted. Default: {@link #DEFAULT_MAX_TEXT_CHARS}. Must be 1–100,000,000. */
        public Builder maxTextChars(int maxTextChars) {
            if (maxTextChars < 1 || maxTextChars > 100_000_000) {
                throw new IllegalArgumentException("maxTextChars must be 1-100000000, was " + maxTextChars);
            }
            this.maxTextChars = maxTextChars;
            return this;
        }

        /** Name of the pool the store creates. Default: {@link #DEFAULT_POOL_NAME}. */
        public Builder poolName(String poolName) {
            Objects.requireNonNull(poolName, "poolName");
            if (poolName.isBlank()) {
                throw new IllegalArgumentException("poolName must not be blank");
            }
            this.poolName = poolName;
            return this;
        }

        /** Whether {@link #build()} runs the Flyway migrations. Default: true. */
        public Builder migrate(boolean migrate) {
            this.migrate = migrate;
            return this;
        }

        /**
         * The one-time migration to bound encryption. When on, {@link #build()} rewrites, in batches, every stored
         * value that is not sealed for its row with the primary key — plain text written before encryption was
         * switched on, {@code enc:v1:} values of earlier versions, values of older keys — and the store reads such
         * values for as long as it runs. Values it cannot read (a key missing from the ring) are left as they are
         * and counted in a WARN line. Safe to run on several nodes at once and to repeat. Turn it off once every
         * node runs this version and the INFO line reports nothing left to rewrite: from then on such values are
         * refused, so a plaintext or swapped value planted in the database is never served. Default: false.
         *
         * @see JdbcInterviewStore#migrateEncryption()
         */
        public Builder migrateEncryption(boolean migrateEncryption) {
            this.migrateEncryption = migrateEncryption;
            return this;
        }

        /** The JSON codec for state documents. Default: a new {@link InterviewCodec}. */
        public Builder codec(InterviewCodec codec) {
            this.codec = Objects.requireNonNull(codec, "codec");
            return this;
        }

        /**
         * Connects, migrates the schema and returns the store. Interviews stored before the listing columns existed
         * (schema version 2) and not filled by the migration get them filled here, whether or not {@link #migrate}
         * is on; the schema must be at version 2 or later.
         *
         * With {@link #migrateEncryption}, the values not in the current encrypted format are rewritten first.
         *
         * @throws IllegalStateException if neither or both of dataSource and jdbcUrl were given, or
         *                               migrateEncryption is on without an encryption
         * @throws StoreException        if the database is unreachable or a migration fails
         */
        public JdbcInterviewStore build() {
            if ((dataSource == null) == (jdbcUrl == null)) {
                throw new IllegalStateException("give exactly one of dataSource and jdbcUrl");
            }
            if (migrateEncryption && !encryption.isEnabled()) {
                throw new IllegalStateException("migrateEncryption needs an encryption to migrate to");
            }
            StoredText text = new StoredText(codec, encryption, redactor, migrateEncryption);
            var settings = new DatabaseBootstrap.Settings(dataSource, jdbcUrl, username, password, schema, poolName,
                    maxPoolSize, connectionTimeout, queryTimeout, migrate, toString());
            return DatabaseBootstrap.open(settings, database -> {
                JdbcInterviewStore store = new JdbcInterviewStore(database, text, clock, maxTextChars, schema);
                if (migrateEncryption) {
                    store.migrateEncryption();
                }
                store.interviews.fillListingColumns();
                return store;
            });
        }

        private static Duration positive(String name, Duration value) {
            Objects.requireNonNull(value, name);
            if (value.isZero() || value.isNegative()) {
                throw new IllegalArgumentException(name + " must be > 0, was " + value);
            }
            return value;
        }

        @Override
        public String toString() {
            return "JdbcInterviewStore.Builder{jdbcUrl=" + (jdbcUrl == null ? "<dataSource>"
                    : jdbcUrl.replaceAll("(?i)password=[^;&]*", "password=<masked>"))
                    + ", username=" + username + ", password=" + (password == null ? "null" : "<masked>")
                    + ", schema=" + schema + ", maxPoolSize=" + maxPoolSize + ", encryption=" + encryption + "}";
        }
    }
}
