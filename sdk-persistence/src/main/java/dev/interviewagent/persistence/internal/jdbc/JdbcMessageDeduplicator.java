package dev.interviewagent.persistence.internal.jdbc;

import static dev.interviewagent.persistence.internal.jdbc.JdbcDatabase.utc;

import dev.interviewagent.persistence.MessageDeduplicator;
import dev.interviewagent.persistence.internal.DeduplicationArguments;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * Message de-duplication on the {@code processed_messages} table, the database fallback of the Redis deduplicator.
 * An expired record is reused by the next message with its id; {@link #purgeExpired()} deletes the rest. Thread-safe.
 */
public final class JdbcMessageDeduplicator implements MessageDeduplicator {

    private final JdbcDatabase database;
    private final Clock clock;

    public JdbcMessageDeduplicator(JdbcDatabase database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    @Override
    public boolean firstSeen(String scope, String messageId, Duration ttl) {
        DeduplicationArguments.check(scope, messageId, ttl);
        Instant now = clock.instant();
        OffsetDateTime expires = utc(now.plus(ttl));
        Sql sql = database.sql();
        return database.run(null, "firstSeen", c -> {
            try (PreparedStatement ps = database.prepare(c, sql.refreshExpiredProcessed)) {
                ps.setObject(1, expires);
                ps.setString(2, scope);
                ps.setString(3, messageId);
                ps.setObject(4, utc(now));
                if (ps.executeUpdate() == 1) {
                    return true;
                }
            }
            try (PreparedStatement ps = database.prepare(c, sql.insertProcessed)) {
                ps.setString(1, scope);
                ps.setString(2, messageId);
                ps.setObject(3, expires);
                ps.executeUpdate();
                return true;
            } catch (SQLException e) {
                if (DatabaseErrors.UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    return false;
                }
                throw e;
            }
        });
    }

    /** Deletes expired de-duplication records. @return how many */
    public int purgeExpired() {
        OffsetDateTime now = utc(clock.instant());
        return database.run(null, "purgeExpiredMessages", c -> {
            try (PreparedStatement ps = database.prepare(c, database.sql().purgeProcessed)) {
                ps.setObject(1, now);
                return ps.executeUpdate();
            }
        });
    }
}
