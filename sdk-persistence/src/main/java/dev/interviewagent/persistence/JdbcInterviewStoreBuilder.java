package dev.interviewagent.persistence;

import dev.interviewagent.core.exception.StoreException;
import dev.interviewagent.core.spi.InterviewCodec;
import dev.interviewagent.persistence.internal.StoredText;
import dev.interviewagent.persistence.internal.jdbc.DatabaseBootstrap;
import dev.interviewagent.persistence.internal.jdbc.Dialect;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Builds a {@link JdbcInterviewStore} (from {@link JdbcInterviewStore#builder()}): a data source, or a URL with
 * credentials for a pool the store creates and
 * owns. Setters validate at once; {@link #build()} connects and migrates. Not thread-safe.
 */
public final class JdbcInterviewStoreBuilder {
    private @Nullable DataSource dataSource;
    private @Nullable String jdbcUrl;
    private @Nullable String username;
    private @Nullable String password;
    private @Nullable String schema;
    private AnswerEncryption encryption = AnswerEncryption.NONE;
    private PiiRedactor redactor = PiiRedactor.NONE;
    private Clock clock = Clock.systemUTC();
    private Duration queryTimeout = JdbcInterviewStore.DEFAULT_QUERY_TIMEOUT;
    private Duration connectionTimeout = JdbcInterviewStore.DEFAULT_CONNECTION_TIMEOUT;
    private int maxPoolSize = JdbcInterviewStore.DEFAULT_MAX_POOL_SIZE;
    private int maxTextChars = JdbcInterviewStore.DEFAULT_MAX_TEXT_CHARS;
    private String poolName = JdbcInterviewStore.DEFAULT_POOL_NAME;
    private boolean migrate = true;
    private boolean migrateEncryption;
    private InterviewCodec codec = new InterviewCodec();

    JdbcInterviewStoreBuilder() {
    }

    /**
     * Use the host's data source (its pool, its credentials). Excludes {@link #jdbcUrl}. With a {@link #schema},
     * the tables are kept there and each call sets it on the connection it borrows and restores the
     * connection's own afterwards; without one, they go in the connection's default schema, beside the host's
     * tables (the store's Flyway history is its own 
     * {@value JdbcInterviewStore#SCHEMA_HISTORY_TABLE}).
     */
    public JdbcInterviewStoreBuilder dataSource(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        return this;
    }

    /** {@code jdbc:postgresql://…} or {@code jdbc:h2:…}; the store creates a HikariCP pool for it. */
    public JdbcInterviewStoreBuilder jdbcUrl(String jdbcUrl) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Dialect.detect(jdbcUrl);
        this.jdbcUrl = jdbcUrl;
        return this;
    }

    /** Shortcut for {@link #jdbcUrl} with {@link JdbcInterviewStore#embeddedUrl(Path)}. */
    public JdbcInterviewStoreBuilder embedded(Path directory) {
        Objects.requireNonNull(directory, "directory");
        return jdbcUrl(JdbcInterviewStore.embeddedUrl(directory));
    }

    public JdbcInterviewStoreBuilder username(String username) {
        this.username = Objects.requireNonNull(username, "username");
        return this;
    }

    /** Never logged; {@link #toString()} masks it. */
    public JdbcInterviewStoreBuilder password(String password) {
        this.password = Objects.requireNonNull(password, "password");
        return this;
    }

    /**
     * A database schema to keep the tables in (created if missing), e.g. one per tenant or per test run. Default:
     * the connection's default schema.
     *
     * @throws IllegalArgumentException unless it matches {@code [a-z_][a-z0-9_]{0,62}}
     */
    public JdbcInterviewStoreBuilder schema(String schema) {
        Objects.requireNonNull(schema, "schema");
        if (!JdbcInterviewStore.SCHEMA.matcher(schema).matches()) {
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
    public JdbcInterviewStoreBuilder encryption(AnswerEncryption encryption) {
        this.encryption = Objects.requireNonNull(encryption, "encryption");
        return this;
    }

    /**
     * Applied to every text before storage: turns of both roles, the texts of the state (profile, questions,
     * knowledge, recalls, member check, memory), reports (the string values of the JSON, the whole Markdown) and
     * {@link JdbcChannelInbox} payloads. Default: {@link PiiRedactor#NONE}.
     */
    public JdbcInterviewStoreBuilder redactor(PiiRedactor redactor) {
        this.redactor = Objects.requireNonNull(redactor, "redactor");
        return this;
    }

    /** For retention cut-offs and report timestamps. Default: {@link Clock#systemUTC()}. */
    public JdbcInterviewStoreBuilder clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /**
     * Bound on each statement (whole seconds, at least 1). Default:
     * {@link JdbcInterviewStore#DEFAULT_QUERY_TIMEOUT}.
     */
    public JdbcInterviewStoreBuilder queryTimeout(Duration queryTimeout) {
        this.queryTimeout = positive("queryTimeout", queryTimeout);
        return this;
    }

    /**
     * Wait for a pooled connection (own pool only). Default:
     * {@link JdbcInterviewStore#DEFAULT_CONNECTION_TIMEOUT}; &ge; 250 ms.
     */
    public JdbcInterviewStoreBuilder connectionTimeout(Duration connectionTimeout) {
        positive("connectionTimeout", connectionTimeout);
        if (connectionTimeout.toMillis() < 250) {
            throw new IllegalArgumentException("connectionTimeout must be >= 250ms, was " + connectionTimeout);
        }
        this.connectionTimeout = connectionTimeout;
        return this;
    }

    /**
     * Size of the pool the store creates. Default: {@link JdbcInterviewStore#DEFAULT_MAX_POOL_SIZE}. Must be
     * 1–1,000.
     */
    public JdbcInterviewStoreBuilder maxPoolSize(int maxPoolSize) {
        if (maxPoolSize < 1 || maxPoolSize > 1000) {
            throw new IllegalArgumentException("maxPoolSize must be 1-1000, was " + maxPoolSize);
        }
        this.maxPoolSize = maxPoolSize;
        return this;
    }

    /**
     * Longest turn text or report accepted. Default: {@link JdbcInterviewStore#DEFAULT_MAX_TEXT_CHARS}. Must be
     * 1–100,000,000.
     */
    public JdbcInterviewStoreBuilder maxTextChars(int maxTextChars) {
        if (maxTextChars < 1 || maxTextChars > 100_000_000) {
            throw new IllegalArgumentException("maxTextChars must be 1-100000000, was " + maxTextChars);
        }
        this.maxTextChars = maxTextChars;
        return this;
    }

    /** Name of the pool the store creates. Default: {@link JdbcInterviewStore#DEFAULT_POOL_NAME}. */
    public JdbcInterviewStoreBuilder poolName(String poolName) {
        Objects.requireNonNull(poolName, "poolName");
        if (poolName.isBlank()) {
            throw new IllegalArgumentException("poolName must not be blank");
        }
        this.poolName = poolName;
        return this;
    }

    /** Whether {@link #build()} runs the Flyway migrations. Default: true. */
    public JdbcInterviewStoreBuilder migrate(boolean migrate) {
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
    public JdbcInterviewStoreBuilder migrateEncryption(boolean migrateEncryption) {
        this.migrateEncryption = migrateEncryption;
        return this;
    }

    /** The JSON codec for state documents. Default: a new {@link InterviewCodec}. */
    public JdbcInterviewStoreBuilder codec(InterviewCodec codec) {
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
        return DatabaseBootstrap.open(settings, database -> JdbcInterviewStore.open(database, text, clock, maxTextChars,
                schema, migrateEncryption));
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
