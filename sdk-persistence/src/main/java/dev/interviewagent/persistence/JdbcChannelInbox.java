package dev.interviewagent.persistence;

import dev.interviewagent.core.channel.ChannelInbox;
import dev.interviewagent.persistence.internal.Bindings;
import dev.interviewagent.persistence.internal.StoredText;
import dev.interviewagent.persistence.internal.jdbc.JdbcDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A durable {@link ChannelInbox} in the interview database, next to the interviews (same data source, same Flyway
 * migrations, same encryption at rest). An entry is one row of {@code channel_inbox}, deleted when done; the
 * de-duplication record is the {@link JdbcInterviewStore#firstSeen store's} {@code processed_messages} row, written
 * in the same transaction as the entry and kept for the de-duplication window after it is done. So an entry is
 * either stored and known, or neither — a crash between the two cannot lose a message nor take it twice.
 *
 * <pre>{@code
 * JdbcInterviewStore store = InterviewStores.fromUrl(url);
 * TelegramChannel channel = TelegramChannel.builder(token, engine).inbox(JdbcChannelInbox.of(store)).build();
 * }</pre>
 *
 * <p>Payloads may carry a respondent's text: they pass through the store's {@link PiiRedactor} (the string values of
 * a JSON payload, except identifier members such as {@code update_id} or {@code file_id}; other payloads whole), are
 * encrypted with the store's {@link AnswerEncryption} bound to their scope and message id, and are never logged.
 * Thread-safe; every call blocks on the database, bounded by the store's query timeout; failures become
 * {@link dev.interviewagent.core.exception.StoreException}. {@link JdbcInterviewStore#purgeExpiredMessages()} deletes
 * expired de-duplication records. Several nodes may share the tables: {@link #add} stores an id once across all of
 * them.
 */
public final class JdbcChannelInbox implements ChannelInbox {

    /**
     * Default time a handled id is still recognised as a repeat: Telegram keeps an unconfirmed update for up to 24
     * hours, so a redelivery comes within that; twice as long leaves a margin.
     */
    public static final Duration DEFAULT_DEDUPLICATION_WINDOW = Duration.ofHours(48);

    private static final Logger log = LoggerFactory.getLogger(JdbcChannelInbox.class);
    private static final String UNIQUE_VIOLATION = "23505";

    private static final String REFRESH_EXPIRED = "UPDATE processed_messages SET expires_at = ? WHERE scope = ? "
            + "AND message_id = ? AND expires_at <= ?";
    private static final String INSERT_PROCESSED = "INSERT INTO processed_messages (scope, message_id, expires_at) "
            + "VALUES (?, ?, ?)";
    private static final String INSERT_ENTRY = "INSERT INTO channel_inbox (scope, message_id, payload, received_at) "
            + "VALUES (?, ?, ?, ?)";
    private static final String PENDING = "SELECT message_id, payload FROM channel_inbox WHERE scope = ? ORDER BY seq";
    private static final String DELETE_ENTRY = "DELETE FROM channel_inbox WHERE scope = ? AND message_id = ?";

    private final JdbcInterviewStore store;
    private final JdbcDatabase database;
    private final StoredText text;
    private final Duration window;

    private JdbcChannelInbox(JdbcInterviewStore store, Duration window) {
        this.store = store;
        this.database = store.database();
        this.text = store.storedText();
        this.window = window;
    }

    /** An inbox in {@code store}'s database with the {@link #DEFAULT_DEDUPLICATION_WINDOW}. */
    public static JdbcChannelInbox of(JdbcInterviewStore store) {
        return of(store, DEFAULT_DEDUPLICATION_WINDOW);
    }

    /**
     * An inbox in {@code store}'s database (the store must have run its migrations, as it does by default).
     *
     * @param window how long a handled id is still recognised as a repeat; &gt; 0
     * @throws IllegalArgumentException if {@code window} is not positive
     */
    public static JdbcChannelInbox of(JdbcInterviewStore store, Duration window) {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(window, "window");
        if (window.isZero() || window.isNegative()) {
            throw new IllegalArgumentException("window must be > 0, was " + window);
        }
        return new JdbcChannelInbox(store, window);
    }

    @Override
    public boolean add(Entry entry) {
        Objects.requireNonNull(entry, "entry");
        Instant now = store.clock().instant();
        String payload = text.seal(text.redactedJson(entry.payload()), Bindings.inbox(entry.scope(), entry.id()));
        boolean stored = database.run(null, "inbox add", c -> {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                boolean first = firstSeen(c, entry, now) && insert(c, entry, payload, now);
                if (first) {
                    c.commit();
                } else {
                    c.rollback();
                }
                return first;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        });
        log.debug("inbox {} entry {} {}", entry.scope(), entry.id(), stored ? "stored" : "is a repeat");
        return stored;
    }

    /** Records the id in processed_messages (reusing an expired record); false if it is known. */
    private boolean firstSeen(Connection c, Entry entry, Instant now) throws SQLException {
        OffsetDateTime expires = time(now.plus(window));
        try (PreparedStatement ps = c.prepareStatement(REFRESH_EXPIRED)) {
            ps.setQueryTimeout(database.queryTimeoutSeconds());
            ps.setObject(1, expires);
            ps.setString(2, entry.scope());
            ps.setString(3, entry.id());
            ps.setObject(4, time(now));
            if (ps.executeUpdate() == 1) {
                return true;
            }
        }
        try (PreparedStatement ps = c.prepareStatement(INSERT_PROCESSED)) {
            ps.setQueryTimeout(database.queryTimeoutSeconds());
            ps.setString(1, entry.scope());
            ps.setString(2, entry.id());
            ps.setObject(3, expires);
            ps.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                return false;
            }
            throw e;
        }
    }

    /** Inserts the entry; false if it is still pending (its de-duplication record had expired meanwhile). */
    private boolean insert(Connection c, Entry entry, String payload, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT_ENTRY)) {
            ps.setQueryTimeout(database.queryTimeoutSeconds());
            ps.setString(1, entry.scope());
            ps.setString(2, entry.id());
            ps.setString(3, payload);
            ps.setObject(4, time(now));
            ps.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public List<Entry> pending(String scope) {
        Objects.requireNonNull(scope, "scope");
        return database.run(null, "inbox pending", c -> {
            try (PreparedStatement ps = c.prepareStatement(PENDING)) {
                ps.setQueryTimeout(database.queryTimeoutSeconds());
                ps.setString(1, scope);
                List<Entry> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String id = rs.getString(1);
                        out.add(new Entry(scope, id, text.open(rs.getString(2), Bindings.inbox(scope, id))));
                    }
                }
                return List.copyOf(out);
            }
        });
    }

    @Override
    public void done(String scope, String id) {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(id, "id");
        database.run(null, "inbox done", c -> {
            try (PreparedStatement ps = c.prepareStatement(DELETE_ENTRY)) {
                ps.setQueryTimeout(database.queryTimeoutSeconds());
                ps.setString(1, scope);
                ps.setString(2, id);
                return ps.executeUpdate();
            }
        });
    }

    private static OffsetDateTime time(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    @Override
    public String toString() {
        return "JdbcChannelInbox{" + store + ", window=" + window + "}";
    }
}
