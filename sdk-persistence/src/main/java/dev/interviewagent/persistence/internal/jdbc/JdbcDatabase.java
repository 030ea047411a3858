package dev.interviewagent.persistence.internal.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.exception.InterviewException;
import dev.interviewagent.core.exception.StoreException;
import dev.interviewagent.persistence.JdbcInterviewStore;
import dev.interviewagent.persistence.internal.ScrubbedSqlException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database the JDBC store's parts share: its data source (the store's own pool or the host's), its dialect and
 * statements, and how one piece of work runs on a borrowed connection — with the store's schema set when the pool is
 * the host's, each statement bounded by the query timeout, database errors translated by {@link DatabaseErrors}.
 * Thread-safe. Made by {@link DatabaseBootstrap}.
 */
public final class JdbcDatabase implements AutoCloseable {

    // The store's log lines keep the public class's logger name, which operators' log configuration refers to.
    private static final Logger log = LoggerFactory.getLogger(JdbcInterviewStore.class);

    private final DataSource dataSource;
    private final @Nullable HikariDataSource ownedPool;
    private final Dialect dialect;
    private final Sql sql;
    private final int queryTimeoutSeconds;
    /** The schema set on each borrowed connection: only with a host's data source and a schema of the store's. */
    private final @Nullable String connectionSchema;
    /**
     * On H2, one piece of work at a time. H2 writes every change of the whole database to its file when any
     * transaction commits, so a commit while another transaction is half done also writes that half, which H2 must
     * undo when it opens the file after a crash. Its undo did not always hold when the process was killed: the crash
     * test found an interview whose new turn was stored without the state update of the same transaction. With one
     * piece of work at a time, the file only ever holds whole transactions. The embedded store serves one node, where
     * each piece of work takes well under a millisecond.
     */
    private final @Nullable ReentrantLock oneAtATime;

    JdbcDatabase(DataSource dataSource, @Nullable HikariDataSource ownedPool, Dialect dialect, Duration queryTimeout,
                 @Nullable String schema) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.ownedPool = ownedPool;
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.sql = new Sql(dialect);
        this.queryTimeoutSeconds = (int) Math.max(1, queryTimeout.toSeconds());
        this.connectionSchema = ownedPool == null ? schema : null;
        this.oneAtATime = dialect == Dialect.H2 ? new ReentrantLock(true) : null;
    }

    /** A piece of work on a borrowed connection. */
    public interface Work<T> {
        T apply(Connection c) throws SQLException;
    }

    /** Sets the parameters of a statement. */
    public interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    public Dialect dialect() {
        return dialect;
    }

    public Sql sql() {
        return sql;
    }

    /** The bound on each statement, in whole seconds (at least 1). */
    public int queryTimeoutSeconds() {
        return queryTimeoutSeconds;
    }

    /** {@code postgresql} or {@code h2}. */
    public String kind() {
        return dialect.name().toLowerCase(Locale.ROOT);
    }

    /**
     * Runs {@code work} on a pooled connection.
     *
     * @param id        the interview concerned, for the error message; null if none
     * @param operation what the work does, for the error message
     * @throws InterviewException the translated database error (see {@link DatabaseErrors#translate})
     */
    public <T> T run(@Nullable InterviewId id, String operation, Work<T> work) {
        if (oneAtATime == null) {
            return runNow(id, operation, work);
        }
        try {
            if (!oneAtATime.tryLock(queryTimeoutSeconds, TimeUnit.SECONDS)) {
                throw new StoreException((id == null ? "" : id + " ") + operation
                        + ": timed out waiting for the embedded database");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException((id == null ? "" : id + " ") + operation + ": interrupted", e);
        }
        try {
            return runNow(id, operation, work);
        } finally {
            oneAtATime.unlock();
        }
    }

    private <T> T runNow(@Nullable InterviewId id, String operation, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return connectionSchema == null ? work.apply(c) : inOwnSchema(c, connectionSchema, work);
        } catch (SQLException e) {
            throw DatabaseErrors.translate(id, operation, e);
        }
    }

    /** A statement bounded by the query timeout; the caller closes it. */
    public PreparedStatement prepare(Connection c, String statement) throws SQLException {
        PreparedStatement ps = c.prepareStatement(statement);
        try {
            ps.setQueryTimeout(queryTimeoutSeconds);
        } catch (SQLException | RuntimeException e) {
            ps.close();
            throw e;
        }
        return ps;
    }

    /** Rolls back, logging (without the driver's message) rather than throwing if that fails too. */
    public static void rollback(Connection c) {
        try {
            c.rollback();
        } catch (SQLException e) {
            log.debug("rollback failed: {}", ScrubbedSqlException.describe(e));
        }
    }

    /** An instant as the timestamp-with-time-zone columns take it. */
    public static @Nullable OffsetDateTime utc(@Nullable Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
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

    /** Closes the pool the store created; a data source passed by the host is left open. */
    @Override
    public void close() {
        if (ownedPool != null) {
            ownedPool.close();
        }
    }

    @Override
    public String toString() {
        return dialect.toString();
    }
}
