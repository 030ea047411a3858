package dev.interviewagent.persistence;

import dev.interviewagent.core.Interview;
import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.MessageId;
import dev.interviewagent.core.Turn;
import dev.interviewagent.core.exception.ConcurrentTurnException;
import dev.interviewagent.core.exception.InputTooLargeException;
import dev.interviewagent.core.exception.InvalidInputException;
import dev.interviewagent.core.exception.StoreException;
import dev.interviewagent.core.spi.InterviewPage;
import dev.interviewagent.core.spi.InterviewQuery;
import dev.interviewagent.core.spi.InterviewStore;
import dev.interviewagent.persistence.internal.StoredText;
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
 * on, except during a {@link JdbcInterviewStoreBuilder#migrateEncryption migration});
 * an optional {@link PiiRedactor} rewrites every
 * stored text (turns of both roles, the state's texts, reports, inbox payloads) before it is written.
 *
 * <p>Thread-safe; share one instance per database. Methods block on the database, each statement bounded by
 * {@link JdbcInterviewStoreBuilder#queryTimeout}; database failures become {@link StoreException} (retriable),
 * lost version races and
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

    static final Pattern SCHEMA = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

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

    /**
     * A builder; give it a {@link JdbcInterviewStoreBuilder#dataSource} or a
     * {@link JdbcInterviewStoreBuilder#jdbcUrl}.
     */
    public static JdbcInterviewStoreBuilder builder() {
        return new JdbcInterviewStoreBuilder();
    }

    /**
     * The store on a connected and migrated {@code database}: its encryption migrated first when asked, then the
     * listing columns of interviews stored before they existed filled. For {@link JdbcInterviewStoreBuilder#build()}.
     */
    static JdbcInterviewStore open(JdbcDatabase database, StoredText text, Clock clock, int maxTextChars,
                                   @Nullable String schema, boolean migrateEncryption) {
        JdbcInterviewStore store = new JdbcInterviewStore(database, text, clock, maxTextChars, schema);
        if (migrateEncryption) {
            store.migrateEncryption();
        }
        store.interviews.fillListingColumns();
        return store;
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
     * <p>Backed by the {@code processed_messages} table: the database fallback of
     * {@code RedisMessageDeduplicator} (sdk-persistence-redis).
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
     * keys) — states, turns, reports and inbox payloads — in batches; 
     * {@link JdbcInterviewStoreBuilder#build()} calls it when
     * {@link JdbcInterviewStoreBuilder#migrateEncryption} is on, and a host may call it again (e.g. after adding a new
     * primary key, to
     * retire the old one). Values it cannot read are left as they are.
     *
     * @return what was rewritten and what could not be read
     * @throws IllegalStateException if the store was not built with
     *                               {@link JdbcInterviewStoreBuilder#migrateEncryption} (it must be
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

    /**
     * The encryption at rest this store seals answers and states with ({@link AnswerEncryption#NONE} when off). A
     * cache in front of this store (sdk-persistence-redis) seals what it keeps the same way.
     */
    public AnswerEncryption encryption() {
        return text.encryption();
    }

    /** The redactor applied to every text before this store keeps it ({@link PiiRedactor#NONE} when off). */
    public PiiRedactor redactor() {
        return text.redactor();
    }

    // For JdbcChannelInbox (same database, same stored-text rules).

    JdbcDatabase database() {
        return database;
    }

    StoredText storedText() {
        return text;
    }

    Clock clock() {
        return clock;
    }
}
