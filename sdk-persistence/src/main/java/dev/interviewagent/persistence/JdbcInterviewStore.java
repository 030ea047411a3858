package dev.interviewagent.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.interviewagent.core.CloseReason;
import dev.interviewagent.core.Interview;
import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.InterviewStatus;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.MessageId;
import dev.interviewagent.core.Turn;
import dev.interviewagent.core.exception.ConcurrentTurnException;
import dev.interviewagent.core.exception.InputTooLargeException;
import dev.interviewagent.core.exception.InterviewException;
import dev.interviewagent.core.exception.InterviewNotFoundException;
import dev.interviewagent.core.exception.InvalidInputException;
import dev.interviewagent.core.exception.StoreException;
import dev.interviewagent.core.guide.Stage;
import dev.interviewagent.core.spi.InterviewCodec;
import dev.interviewagent.core.spi.InterviewPage;
import dev.interviewagent.core.spi.InterviewQuery;
import dev.interviewagent.core.spi.InterviewStore;
import dev.interviewagent.core.spi.InterviewSummary;
import dev.interviewagent.persistence.AnswerEncryption.Binding;
import dev.interviewagent.persistence.internal.Bindings;
import dev.interviewagent.persistence.internal.Redaction;
import dev.interviewagent.persistence.internal.ScrubbedSqlException;
import dev.interviewagent.persistence.internal.jdbc.Dialect;
import dev.interviewagent.persistence.internal.jdbc.Sql;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

    private static final Logger log = LoggerFactory.getLogger(JdbcInterviewStore.class);
    private static final Pattern SCHEMA = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final int FILL_BATCH = 200;
    /** A value in this store's encrypted format (for a clear error when it is read without a key). */
    private static final Pattern CIPHERTEXT = Pattern.compile("enc:v[12]:([A-Za-z0-9._-]{1,64}):[A-Za-z0-9+/]+={0,2}");

    private final DataSource dataSource;
    private final @Nullable HikariDataSource ownedPool;
    private final Dialect dialect;
    private final Sql sql;
    private final InterviewCodec codec;
    private final AnswerEncryption encryption;
    private final PiiRedactor redactor;
    private final boolean migrating;
    private final Clock clock;
    private final int queryTimeoutSeconds;
    private final int maxTextChars;
    private final String description;
    /** The schema set on each borrowed connection: only with a host's data source and a schema of the store's. */
    private final @Nullable String connectionSchema;

    private JdbcInterviewStore(Builder b, DataSource dataSource, @Nullable HikariDataSource ownedPool,
                               Dialect dialect) {
        this.dataSource = dataSource;
        this.ownedPool = ownedPool;
        this.dialect = dialect;
        this.sql = new Sql(dialect);
        this.codec = b.codec;
        this.encryption = b.encryption;
        this.redactor = b.redactor;
        this.migrating = b.migrateEncryption;
        this.clock = b.clock;
        this.queryTimeoutSeconds = (int) Math.max(1, b.queryTimeout.toSeconds());
        this.maxTextChars = b.maxTextChars;
        this.connectionSchema = ownedPool == null ? b.schema : null;
        this.description = "JdbcInterviewStore{" + dialect + (b.schema == null ? "" : ", schema=" + b.schema)
                + ", encryption=" + encryption.isEnabled() + "}";
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

    // ------------------------------------------------------------------------------------------------ SPI

    @Override
    public void create(Interview interview, List<Turn> turns) {
        Objects.requireNonNull(interview, "interview");
        Objects.requireNonNull(turns, "turns");
        checkTurns(interview, turns);
        if (interview.turnCount() != turns.size()) {
            throw new IllegalArgumentException("turnCount must be " + turns.size() + ", was " + interview.turnCount());
        }
        String state = stateDocument(interview);
        List<Turn> stored = prepare(interview.id(), turns);
        run(interview.id(), "create", c -> {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement ps = c.prepareStatement(sql.insertInterview)) {
                    ps.setQueryTimeout(queryTimeoutSeconds);
                    ps.setString(1, interview.id().value());
                    ps.setLong(2, interview.version());
                    ps.setString(3, interview.status().code());
                    ps.setString(4, interview.channelKey());
                    ps.setInt(5, interview.turnCount());
                    ps.setString(6, state);
                    ps.setObject(7, time(interview.createdAt()));
                    ps.setObject(8, time(interview.updatedAt()));
                    ps.setObject(9, time(interview.endedAt()));
                    bindListing(ps, 10, interview);
                    ps.executeUpdate();
                }
                insertTurns(c, interview.id(), stored);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                rollback(c);
                throw e;
            }
            return null;
        });
        log.debug("{} created with {} turns", interview.id(), turns.size());
    }

    @Override
    public Optional<Interview> load(InterviewId id) {
        Objects.requireNonNull(id, "id");
        String document = run(id, "load", c -> {
            try (PreparedStatement ps = c.prepareStatement(sql.loadState)) {
                ps.setQueryTimeout(queryTimeoutSeconds);
                ps.setString(1, id.value());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
        return document == null ? Optional.empty() : Optional.of(readState(document, id));
    }

    @Override
    public void commit(long expectedVersion, Interview next, List<Turn> turns) {
        Objects.requireNonNull(next, "next");
        Objects.requireNonNull(turns, "turns");
        if (next.version() != expectedVersion + 1) {
            throw new IllegalArgumentException("next version must be " + (expectedVersion + 1) + ", was "
                    + next.version());
        }
        checkTurns(next, turns);
        int previousCount = next.turnCount() - turns.size();
        String state = stateDocument(next);
        List<Turn> stored = prepare(next.id(), turns);
        int updated = run(next.id(), "commit", c -> {
            if (dialect.singleStatementCommit() && !stored.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement(sql.singleStatementCommit(stored.size()))) {
                    ps.setQueryTimeout(queryTimeoutSeconds);
                    int i = bindUpdate(ps, next, state, expectedVersion, previousCount);
                    for (Turn turn : stored) {
                        i = bindTurnValues(ps, i, turn);
                    }
                    int inserted = ps.executeUpdate();
                    return inserted == stored.size() ? 1 : 0;
                }
            }
            if (stored.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement(sql.updateState)) {
                    ps.setQueryTimeout(queryTimeoutSeconds);
                    bindUpdate(ps, next, state, expectedVersion, previousCount);
                    return ps.executeUpdate();
                }
            }
            c.setAutoCommit(false);
            try {
                int n;
                try (PreparedStatement ps = c.prepareStatement(sql.updateState)) {
                    ps.setQueryTimeout(queryTimeoutSeconds);
                    bindUpdate(ps, next, state, expectedVersion, previousCount);
                    n = ps.executeUpdate();
                }
                if (n == 1) {
                    insertTurns(c, next.id(), stored);
                    c.commit();
                } else {
                    c.rollback();
                }
                return n;
            } catch (SQLException | RuntimeException e) {
                rollback(c);
                throw e;
            }
        });
        if (updated != 1) {
            explainRejectedCommit(next.id(), expectedVersion, previousCount);
        }
    }

    /** Called when a commit matched no row: says why, as the SPI requires. Always throws. */
    private void explainRejectedCommit(InterviewId id, long expectedVersion, int previousCount) {
        long[] current = run(id, "commit", c -> {
            try (PreparedStatement ps = c.prepareStatement(sql.versionAndCount)) {
                ps.setQueryTimeout(queryTimeoutSeconds);
                ps.setString(1, id.value());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? new long[] {rs.getLong(1), rs.getLong(2)} : null;
                }
            }
        });
        if (current == null) {
            throw new ConcurrentTurnException("interview " + id + " does not exist (deleted?)");
        }
        if (current[0] != expectedVersion) {
            throw new ConcurrentTurnException("interview " + id + " is at version " + current[0] + ", expected "
                    + expectedVersion);
        }
        if (current[1] != previousCount) {
            throw new IllegalArgumentException("turn numbers must continue the log at " + (current[1] + 1)
                    + ", started at " + (previousCount + 1));
        }
        // Same version and count now: another writer committed and was rolled back in between, or a race; retry.
        throw new ConcurrentTurnException("interview " + id + " changed during the commit");
    }

    @Override
    public List<Turn> turns(InterviewId id) {
        Objects.requireNonNull(id, "id");
        return run(id, "turns", c -> {
            try (PreparedStatement ps = c.prepareStatement(sql.turns)) {
                ps.setQueryTimeout(queryTimeoutSeconds);
                ps.setString(1, id.value());
                return readTurns(ps, id);
            }
        });
    }

    @Override
    public List<Turn> recentTurns(InterviewId id, int limit) {
        Objects.requireNonNull(id, "id");
        if (limit <= 0) {
            return List.of();
        }
        List<Turn> newestFirst = run(id, "recentTurns", c -> {
            try (PreparedStatement ps = c.prepareStatement(sql.recentTurns)) {
                ps.setQueryTimeout(queryTimeoutSeconds);
                ps.setString(1, id.value());
                ps.setInt(2, limit);
                return readTurns(ps, id);
            }
        });
        List<Turn> oldestFirst = new ArrayList<>(newestFirst);
        Collections.reverse(oldestFirst);
        return List.copyOf(oldestFirst);
    }

    @Override
    public List<Turn> turnRange(InterviewId id, int first, int last) {
        Objects.requireNonNull(id, "id");
        if (first < 1) {
            throw new IllegalArgumentException("first must be >= 1, was " + first);
        }
        if (last < first) {
            return List.of();
        }
        return List.copyOf(run(id, "turnRange", c -> {
            try (PreparedStatement ps = c.prepareStatement(sql.turnRange)) {
                ps.setQueryTimeout(queryTimeoutSeconds);
                ps.setString(1, id.value());
                ps.setInt(2, first);
                ps.setInt(3, last);
                return readTurns(ps, id);
            }
        }));
    }

    @Override
    public Optional<Turn> findByMessageId(InterviewId id, MessageId messageId) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(messageId, "messageId");
        List<Turn> found = run(id, "findByMessageId", c -> {
            try (PreparedStatement ps = c.prepareStatement(sql.turnByMessageId)) {
                ps.setQueryTimeout(queryTimeoutSeconds);
                ps.setString(1, id.value());
                ps.setString(2, messageId.value());
                return readTurns(ps, id);
            }
        });
        return found.stream().findFirst();
    }

    @Override
    public Optional<InterviewId> findActiveByChannelKey(String channelKey) {
        Objects.requireNonNull(channelKey, "channelKey");
        List<InterviewId> ids = run(null, "findActiveByChannelKey", c -> readIds(c, sql.activeByChannelKey,
                ps -> ps.setString(1, channelKey)));
        return ids.stream().findFirst();
    }

    @Override
    public List<InterviewId> findByChannelKey(String channelKey) {
        Objects.requireNonNull(channelKey, "channelKey");
        return run(null, "findByChannelKey", c -> readIds(c, sql.byChannelKey, ps -> ps.setString(1, channelKey)));
    }

    @Override
    public List<InterviewId> findActiveIdleSince(Instant cutoff, int limit) {
        Objects.requireNonNull(cutoff, "cutoff");
        if (limit <= 0) {
            return List.of();
        }
        return run(null, "findActiveIdleSince", c -> readIds(c, sql.activeIdleSince, ps -> {
            ps.setObject(1, time(cutoff));
            ps.setInt(2, limit);
        }));
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
        Objects.requireNonNull(query, "query");
        Sql.Statement statement = sql.list(query);
        List<InterviewSummary> matches = run(null, "list", c -> {
            try (PreparedStatement ps = c.prepareStatement(statement.sql())) {
                ps.setQueryTimeout(queryTimeoutSeconds);
                int i = 1;
                for (Object parameter : statement.parameters()) {
                    ps.setObject(i++, parameter);
                }
                List<InterviewSummary> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(summary(rs));
                    }
                }
                return out;
            }
        });
        return InterviewPage.of(query, matches);
    }

    /**
     * A listing row as a summary. A row written before the listing columns existed, and not filled yet (see
     * {@link #fillListingColumns()}), takes language, style, stage and close reason from its state document.
     */
    private InterviewSummary summary(ResultSet rs) throws SQLException {
        InterviewId id = InterviewId.of(rs.getString(1));
        InterviewStatus status = InterviewStatus.fromCode(rs.getString(2));
        String channelKey = rs.getString(5);
        int turnCount = rs.getInt(7);
        Instant startedAt = rs.getObject(8, OffsetDateTime.class).toInstant();
        Instant updatedAt = rs.getObject(9, OffsetDateTime.class).toInstant();
        String language = rs.getString(3);
        if (language == null) {
            Interview state = readState(rs.getString(11), id);
            return new InterviewSummary(id, status, state.language(), state.style(),
                    InterviewSummary.channelOf(channelKey), channelKey, state.stage(), turnCount, startedAt, updatedAt,
                    state.closeReason());
        }
        String closeReason = rs.getString(10);
        return new InterviewSummary(id, status, Language.of(language), rs.getString(4),
                InterviewSummary.channelOf(channelKey), channelKey, Stage.fromCode(rs.getString(6)), turnCount,
                startedAt, updatedAt, closeReason == null ? null : CloseReason.fromCode(closeReason));
    }

    /**
     * Fills the listing columns of rows written before they existed and that SQL could not read (every row on H2,
     * encrypted states on PostgreSQL), in batches. A row this store cannot decrypt is left as it is and lists from
     * its state document, which then fails as {@link #load} would.
     *
     * @return how many rows were filled
     */
    private int fillListingColumns() {
        int filled = 0;
        int unreadable = 0;
        String after = "";
        while (true) {
            String from = after;
            List<String[]> batch = run(null, "fillListingColumns", c -> {
                try (PreparedStatement ps = c.prepareStatement(sql.unlisted)) {
                    ps.setQueryTimeout(queryTimeoutSeconds);
                    ps.setString(1, from);
                    ps.setInt(2, FILL_BATCH);
                    List<String[]> rows = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            rows.add(new String[] {rs.getString(1), rs.getString(2)});
                        }
                    }
                    return rows;
                }
            });
            for (String[] row : batch) {
                Interview state;
                try {
                    state = readState(row[1], InterviewId.of(row[0]));
                } catch (RuntimeException e) {
                    // One unreadable row must not keep the store from starting; listing it fails as load() does.
                    unreadable++;
                    log.debug("{} listing columns not filled: {}", row[0], e.getClass().getSimpleName());
                    continue;
                }
                Interview readable = state;
                filled += run(state.id(), "fillListingColumns", c -> {
                    try (PreparedStatement ps = c.prepareStatement(sql.fillListing)) {
                        ps.setQueryTimeout(queryTimeoutSeconds);
                        ps.setString(bindListing(ps, 1, readable), readable.id().value());
                        return ps.executeUpdate();
                    }
                });
            }
            if (batch.size() < FILL_BATCH) {
                break;
            }
            after = batch.get(batch.size() - 1)[0];
        }
        if (filled > 0) {
            log.info("filled the listing columns of {} interviews stored before they existed", filled);
        }
        if (unreadable > 0) {
            log.warn("{} interviews stored before the listing columns existed cannot be read (a missing encryption "
                    + "key, or values of an earlier format that need the encryption migration?): a listing page that "
                    + "includes one fails until the key is configured or the migration has run", unreadable);
        }
        return filled;
    }

    @Override
    public boolean delete(InterviewId id) {
        Objects.requireNonNull(id, "id");
        int deleted = run(id, "delete", c -> {
            try (PreparedStatement ps = c.prepareStatement(sql.deleteInterview)) {
                ps.setQueryTimeout(queryTimeoutSeconds);
                ps.setString(1, id.value());
                return ps.executeUpdate();
            }
        });
        if (deleted > 0) {
            log.info("{} deleted from the store", id);
        }
        return deleted > 0;
    }

    // ------------------------------------------------------------------------------------------------ extras

    /**
     * Deletes interviews that ended (completed, ended early or in an emergency, abandoned) longer than
     * {@code olderThan} ago, with their turns and reports. Active interviews are never purged.
     *
     * @return how many interviews were deleted
     * @throws IllegalArgumentException if {@code olderThan} is negative
     */
    public int purgeArchived(Duration olderThan) {
        Objects.requireNonNull(olderThan, "olderThan");
        if (olderThan.isNegative()) {
            throw new IllegalArgumentException("olderThan must be >= 0, was " + olderThan);
        }
        Instant cutoff = clock.instant().minus(olderThan);
        int purged = run(null, "purgeArchived", c -> {
            try (PreparedStatement ps = c.prepareStatement(sql.purgeArchived)) {
                ps.setQueryTimeout(queryTimeoutSeconds);
                ps.setObject(1, time(cutoff));
                return ps.executeUpdate();
            }
        });
        log.info("purged {} archived interviews that ended before {}", purged, cutoff);
        return purged;
    }

    @Override
    public void archiveReport(InterviewId id, String json, String markdown) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(markdown, "markdown");
        String redactedJson = Redaction.json(redactor, json);
        String redactedMarkdown = redactor.redact(markdown);
        checkText(redactedJson, "report json");
        checkText(redactedMarkdown, "report markdown");
        String storedJson = seal(redactedJson, Bindings.reportJson(id));
        String storedMarkdown = seal(redactedMarkdown, Bindings.reportMarkdown(id));
        OffsetDateTime now = time(clock.instant());
        try {
            run(id, "archiveReport", c -> {
                try (PreparedStatement ps = c.prepareStatement(sql.upsertReportUpdate)) {
                    ps.setQueryTimeout(queryTimeoutSeconds);
                    ps.setString(1, storedJson);
                    ps.setString(2, storedMarkdown);
                    ps.setObject(3, now);
                    ps.setString(4, id.value());
                    if (ps.executeUpdate() == 1) {
                        return null;
                    }
                }
                try (PreparedStatement ps = c.prepareStatement(sql.insertReport)) {
                    ps.setQueryTimeout(queryTimeoutSeconds);
                    ps.setString(1, id.value());
                    ps.setString(2, storedJson);
                    ps.setString(3, storedMarkdown);
                    ps.setObject(4, now);
                    ps.executeUpdate();
                }
                return null;
            });
        } catch (StoreException e) {
            if (e.getCause() instanceof SQLException sqlException && "23503".equals(sqlException.getSQLState())) {
                throw new InterviewNotFoundException("no interview " + id);
            }
            throw e;
        }
        log.debug("{} report archived", id);
    }

    @Override
    public Optional<ArchivedReport> findReport(InterviewId id) {
        Objects.requireNonNull(id, "id");
        return Optional.ofNullable(run(id, "findReport", c -> {
            try (PreparedStatement ps = c.prepareStatement(sql.findReport)) {
                ps.setQueryTimeout(queryTimeoutSeconds);
                ps.setString(1, id.value());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return null;
                    }
                    return new ArchivedReport(id, open(rs.getString(1), Bindings.reportJson(id)),
                            open(rs.getString(2), Bindings.reportMarkdown(id)),
                            rs.getObject(3, OffsetDateTime.class).toInstant());
                }
            }
        }));
    }

    /**
     * {@inheritDoc}
     *
     * <p>Backed by the {@code processed_messages} table: the database fallback of {@link RedisMessageDeduplicator}.
     * Expired rows are reused; {@link #purgeExpiredMessages()} deletes them.
     */
    @Override
    public boolean firstSeen(String scope, String messageId, Duration ttl) {
        checkDedupArguments(scope, messageId, ttl);
        Instant now = clock.instant();
        OffsetDateTime expires = time(now.plus(ttl));
        return run(null, "firstSeen", c -> {
            try (PreparedStatement ps = c.prepareStatement(sql.refreshExpiredProcessed)) {
                ps.setQueryTimeout(queryTimeoutSeconds);
                ps.setObject(1, expires);
                ps.setString(2, scope);
                ps.setString(3, messageId);
                ps.setObject(4, time(now));
                if (ps.executeUpdate() == 1) {
                    return true;
                }
            }
            try (PreparedStatement ps = c.prepareStatement(sql.insertProcessed)) {
                ps.setQueryTimeout(queryTimeoutSeconds);
                ps.setString(1, scope);
                ps.setString(2, messageId);
                ps.setObject(3, expires);
                ps.executeUpdate();
                return true;
            } catch (SQLException e) {
                if ("23505".equals(e.getSQLState())) {
                    return false;
                }
                throw e;
            }
        });
    }

    /** Deletes expired de-duplication records. @return how many */
    public int purgeExpiredMessages() {
        OffsetDateTime now = time(clock.instant());
        return run(null, "purgeExpiredMessages", c -> {
            try (PreparedStatement ps = c.prepareStatement(sql.purgeProcessed)) {
                ps.setQueryTimeout(queryTimeoutSeconds);
                ps.setObject(1, now);
                return ps.executeUpdate();
            }
        });
    }

    static void checkDedupArguments(String scope, String messageId, Duration ttl) {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(ttl, "ttl");
        if (scope.isEmpty() || scope.length() > 128) {
            throw new IllegalArgumentException("scope must be 1-128 characters, was " + scope.length());
        }
        if (messageId.isEmpty() || messageId.length() > 256) {
            throw new IllegalArgumentException("messageId must be 1-256 characters, was " + messageId.length());
        }
        if (ttl.isZero() || ttl.isNegative()) {
            throw new IllegalArgumentException("ttl must be > 0, was " + ttl);
        }
    }

    /** The database this store runs on: {@code postgresql} or {@code h2}. */
    public String databaseKind() {
        return dialect.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Closes the connection pool this store created; a data source passed by the host is left open. */
    @Override
    public void close() {
        if (ownedPool != null) {
            ownedPool.close();
        }
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
        if (!migrating) {
            throw new IllegalStateException("build the store with migrateEncryption(true) to migrate");
        }
        return new EncryptionMigration(this).run();
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

    // ------------------------------------------------------------------------------------------------ for JdbcChannelInbox

    /** Runs {@code work} on a pooled connection, translating database failures as every store call does. */
    <T> T withConnection(String operation, Work<T> work) {
        return run(null, operation, work);
    }

    AnswerEncryption encryption() {
        return encryption;
    }

    PiiRedactor redactor() {
        return redactor;
    }

    Dialect dialect() {
        return dialect;
    }

    /** {@code plaintext} in the form to store at {@code binding}. */
    String seal(String plaintext, Binding binding) {
        return encryption.isEnabled() ? encryption.encrypt(plaintext, binding) : plaintext;
    }

    /**
     * The plaintext of a value stored at {@code binding}. With encryption on, only values sealed for this binding
     * are read, unless the store is migrating (then plain text and unbound values too); with encryption off, a value
     * in the encrypted format is refused rather than shown as text.
     *
     * @throws StoreException if the value is refused or cannot be decrypted (the message names the key id and the
     *                        binding, never the value)
     */
    String open(String stored, Binding binding) {
        if (!encryption.isEnabled()) {
            var ciphertext = CIPHERTEXT.matcher(stored);
            if (ciphertext.matches()) {
                throw new StoreException(binding + " is encrypted with key '" + ciphertext.group(1) + "', but this"
                        + " store has no encryption configured");
            }
            return stored;
        }
        if (migrating && encryption.isLegacy(stored)) {
            return encryption.decrypt(stored);
        }
        return encryption.decrypt(stored, binding);
    }

    /** The value inside a state column: the encrypted form (a JSON string), or the document itself. */
    String stateValue(String document) {
        if (!document.startsWith("\"")) {
            return document;
        }
        try {
            return codec.mapper().readValue(document, String.class);
        } catch (JsonProcessingException e) {
            throw new StoreException("stored state is not valid JSON", e);
        }
    }

    /** A state column's content for an encrypted state: the ciphertext as a JSON string. */
    String encryptedStateDocument(String sealed) {
        try {
            return codec.mapper().writeValueAsString(sealed);
        } catch (JsonProcessingException e) {
            throw new StoreException("cannot encode an encrypted state", e);
        }
    }

    Clock clock() {
        return clock;
    }

    int queryTimeoutSeconds() {
        return queryTimeoutSeconds;
    }

    // ------------------------------------------------------------------------------------------------ internals

    private int bindUpdate(PreparedStatement ps, Interview next, String state, long expectedVersion,
                           int previousCount) throws SQLException {
        ps.setLong(1, next.version());
        ps.setString(2, next.status().code());
        ps.setString(3, next.channelKey());
        ps.setInt(4, next.turnCount());
        ps.setString(5, state);
        ps.setObject(6, time(next.updatedAt()));
        ps.setObject(7, time(next.endedAt()));
        int i = bindListing(ps, 8, next);
        ps.setString(i++, next.id().value());
        ps.setLong(i++, expectedVersion);
        ps.setInt(i++, previousCount);
        return i;
    }

    /** The listing columns (language, style, channel, stage, close_reason) from {@code i} on; returns the next index. */
    private static int bindListing(PreparedStatement ps, int i, Interview state) throws SQLException {
        ps.setString(i++, state.language().code());
        ps.setString(i++, state.style());
        ps.setString(i++, InterviewSummary.channelOf(state.channelKey()));
        ps.setString(i++, state.stage().code());
        ps.setString(i++, state.closeReason() == null ? null : state.closeReason().code());
        return i;
    }

    private int bindTurnValues(PreparedStatement ps, int i, Turn t) throws SQLException {
        ps.setInt(i++, t.number());
        ps.setString(i++, t.role().code());
        ps.setString(i++, t.kind().code());
        ps.setString(i++, t.stage().code());
        ps.setString(i++, t.modality().code());
        ps.setString(i++, t.text());
        ps.setObject(i++, time(t.at()));
        if (t.confidence() == null) {
            ps.setNull(i++, Types.DOUBLE);
        } else {
            ps.setDouble(i++, t.confidence());
        }
        ps.setString(i++, t.messageId() == null ? null : t.messageId().value());
        ps.setString(i++, t.replyTo() == null ? null : t.replyTo().value());
        ps.setString(i++, t.move());
        ps.setShort(i++, (short) t.depth());
        ps.setString(i++, t.phrasedBy());
        ps.setBoolean(i++, t.fallback());
        return i;
    }

    private void insertTurns(Connection c, InterviewId id, List<Turn> turns) throws SQLException {
        if (turns.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(sql.insertTurn)) {
            ps.setQueryTimeout(queryTimeoutSeconds);
            for (Turn turn : turns) {
                ps.setString(1, id.value());
                bindTurnValues(ps, 2, turn);
                if (turns.size() == 1) {
                    ps.executeUpdate();
                    return;
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private List<Turn> readTurns(PreparedStatement ps, InterviewId id) throws SQLException {
        List<Turn> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                double confidence = rs.getDouble(8);
                Double conf = rs.wasNull() ? null : confidence;
                String messageId = rs.getString(9);
                String replyTo = rs.getString(10);
                int number = rs.getInt(1);
                out.add(new Turn(number, Turn.Role.fromCode(rs.getString(2)), Turn.Kind.fromCode(rs.getString(3)),
                        open(rs.getString(6), Bindings.turn(id, number)), Stage.fromCode(rs.getString(4)),
                        Turn.Modality.fromCode(rs.getString(5)), rs.getObject(7, OffsetDateTime.class).toInstant(),
                        conf, messageId == null ? null : MessageId.of(messageId),
                        replyTo == null ? null : MessageId.of(replyTo), rs.getString(11), rs.getShort(12),
                        rs.getString(13), rs.getBoolean(14)));
            }
        }
        return out;
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private List<InterviewId> readIds(Connection c, String query, Binder binder) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(query)) {
            ps.setQueryTimeout(queryTimeoutSeconds);
            binder.bind(ps);
            List<InterviewId> ids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(InterviewId.of(rs.getString(1)));
                }
            }
            return ids;
        }
    }

    private static void checkTurns(Interview state, List<Turn> turns) {
        int first = state.turnCount() - turns.size() + 1;
        if (first < 1) {
            throw new IllegalArgumentException("turnCount " + state.turnCount() + " is less than the " + turns.size()
                    + " turns given");
        }
        for (int i = 0; i < turns.size(); i++) {
            if (turns.get(i).number() != first + i) {
                throw new IllegalArgumentException("turn numbers must continue the log at " + first
                        + " and end at turnCount " + state.turnCount());
            }
        }
    }

    /** Redacts, validates and encrypts turns for writing. */
    private List<Turn> prepare(InterviewId id, List<Turn> turns) {
        List<Turn> out = new ArrayList<>(turns.size());
        for (Turn turn : turns) {
            Turn redacted = Redaction.turn(redactor, turn);
            checkText(redacted.text(), "turn " + turn.number() + " text");
            if (encryption.isEnabled()) {
                String sealed = encryption.encrypt(redacted.text(), Bindings.turn(id, redacted.number()));
                redacted = new Turn(redacted.number(), redacted.role(), redacted.kind(), sealed, redacted.stage(),
                        redacted.modality(), redacted.at(), redacted.confidence(), redacted.messageId(),
                        redacted.replyTo(), redacted.move(), redacted.depth(), redacted.phrasedBy(),
                        redacted.fallback());
            }
            out.add(redacted);
        }
        return out;
    }

    /** Text must fit and must be representable in UTF-8 without loss (no NUL, no unpaired surrogate). */
    private void checkText(String text, String what) {
        if (text.length() > maxTextChars) {
            throw new InputTooLargeException(what + " has " + text.length() + " characters, more than the store's "
                    + "limit of " + maxTextChars);
        }
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                throw new InvalidInputException(what + " contains a NUL character, which the store cannot keep");
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                throw new InvalidInputException(what + " contains an unpaired surrogate (not valid Unicode)");
            }
            if (Character.isLowSurrogate(c)) {
                throw new InvalidInputException(what + " contains an unpaired surrogate (not valid Unicode)");
            }
        }
    }

    private String stateDocument(Interview state) {
        String json = codec.toJson(Redaction.state(redactor, state));
        if (json.contains("\\u0000")) {
            throw new InvalidInputException("interview " + state.id() + " state contains a NUL character, which the "
                    + "store cannot keep");
        }
        if (!encryption.isEnabled()) {
            return json;
        }
        return encryptedStateDocument(encryption.encrypt(json, Bindings.state(state.id())));
    }

    private Interview readState(String document, InterviewId id) {
        return codec.interview(open(stateValue(document), Bindings.state(id)));
    }

    private static @Nullable OffsetDateTime time(@Nullable Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static void rollback(Connection c) {
        try {
            c.rollback();
        } catch (SQLException e) {
            log.debug("rollback failed: {}", ScrubbedSqlException.describe(e));
        }
    }

    interface Work<T> {
        T apply(Connection c) throws SQLException;
    }

    private <T> T run(@Nullable InterviewId id, String operation, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return connectionSchema == null ? work.apply(c) : inOwnSchema(c, connectionSchema, work);
        } catch (SQLException e) {
            throw translate(id, operation, e);
        }
    }

    /**
     * Runs {@code work} with the store's schema on a connection of the host's pool, then gives the connection its
     * own schema back, so the host's next borrower finds it as it left it (two statements more per call; a pool of
     * the store's own has the schema set once, when connecting).
     */
    private static <T> T inOwnSchema(Connection c, String schema, Work<T> work) throws SQLException {
        String hostSchema = c.getSchema();
        c.setSchema(schema);
        T result;
        try {
            result = work.apply(c);
        } catch (SQLException | RuntimeException e) {
            try {
                restoreSchema(c, hostSchema);
            } catch (SQLException restore) {
                e.addSuppressed(restore);
            }
            throw e;
        }
        restoreSchema(c, hostSchema);
        return result;
    }

    private static void restoreSchema(Connection c, @Nullable String hostSchema) throws SQLException {
        if (hostSchema != null) {
            c.setSchema(hostSchema);
        }
    }

    /** The typed exception for a database error; its cause is scrubbed, since drivers quote the values in it. */
    private static InterviewException translate(@Nullable InterviewId id, String operation, SQLException raw) {
        SQLException e = ScrubbedSqlException.of(raw);
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String subject = (id == null ? "" : id + " ") + operation;
        if (state.equals("23505")) {
            return new ConcurrentTurnException(subject + ": already stored (duplicate interview, turn or message id)",
                    e);
        }
        if (state.equals("40001") || state.equals("40P01") || state.equals("HYT00") || e.getErrorCode() == 90131) {
            return new ConcurrentTurnException(subject + ": conflicting concurrent write, retry", e);
        }
        if (state.equals("57014")) {
            return new StoreException(subject + ": timed out", e);
        }
        if (state.startsWith("22")) {
            return new InvalidInputException(subject + ": the database rejected a value (SQLState " + state + ")", e);
        }
        return new StoreException(subject + " failed (SQLState " + state + ")", e);
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
            HikariDataSource owned = null;
            DataSource ds = dataSource;
            Dialect dialect;
            try {
                if (jdbcUrl != null) {
                    dialect = Dialect.detect(jdbcUrl);
                    owned = new HikariDataSource(hikariConfig(dialect));
                    ds = owned;
                } else {
                    try (Connection c = Objects.requireNonNull(ds).getConnection()) {
                        dialect = Dialect.detect(c.getMetaData().getDatabaseProductName());
                    }
                }
                if (migrate) {
                    var flyway = Flyway.configure(JdbcInterviewStore.class.getClassLoader());
                    if (jdbcUrl != null) {
                        // Flyway needs two connections at once on some databases; give it its own instead of
                        // sizing the pool for the migration.
                        flyway.dataSource(jdbcUrl, username, password);
                    } else {
                        flyway.dataSource(ds);
                    }
                    // Our own history table, and a baseline at version 0 when the schema already holds other
                    // tables (the host's, with its own Flyway history): V1 onwards still run, nothing is skipped.
                    flyway
                            .locations(dialect.migrations())
                            .table(SCHEMA_HISTORY_TABLE)
                            .baselineOnMigrate(true)
                            .baselineVersion("0");
                    if (schema != null) {
                        flyway.schemas(schema).defaultSchema(schema).createSchemas(true);
                    }
                    int applied = flyway.load().migrate().migrationsExecuted;
                    log.info("interview store schema ready on {} ({} migrations applied)", dialect, applied);
                }
                JdbcInterviewStore store = new JdbcInterviewStore(this, ds, owned, dialect);
                if (migrateEncryption) {
                    store.migrateEncryption();
                }
                store.fillListingColumns();
                return store;
            } catch (SQLException | RuntimeException e) {
                if (owned != null) {
                    owned.close();
                }
                if (e instanceof InterviewException ie) {
                    throw ie;
                }
                if (e instanceof IllegalArgumentException iae) {
                    throw iae;
                }
                throw new StoreException("cannot open the interview store (" + this + "): " + e.getMessage(), e);
            }
        }

        private HikariConfig hikariConfig(Dialect dialect) {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(jdbcUrl);
            if (username != null) {
                config.setUsername(username);
            }
            if (password != null) {
                config.setPassword(password);
            }
            config.setPoolName(poolName);
            config.setMaximumPoolSize(maxPoolSize);
            config.setMinimumIdle(Math.min(2, maxPoolSize));
            config.setConnectionTimeout(connectionTimeout.toMillis());
            config.setAutoCommit(true);
            if (schema != null) {
                config.setSchema(schema);
            }
            if (dialect == Dialect.POSTGRESQL) {
                long socketSeconds = queryTimeout.toSeconds() + 30;
                config.addDataSourceProperty("reWriteBatchedInserts", "true");
                config.addDataSourceProperty("tcpKeepAlive", "true");
                config.addDataSourceProperty("socketTimeout", String.valueOf(socketSeconds));
                config.addDataSourceProperty("connectTimeout", String.valueOf(
                        Math.max(1, connectionTimeout.toSeconds())));
                config.addDataSourceProperty("ApplicationName", poolName);
            }
            return config;
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
