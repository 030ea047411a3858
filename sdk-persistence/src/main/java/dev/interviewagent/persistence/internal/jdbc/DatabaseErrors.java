package dev.interviewagent.persistence.internal.jdbc;

import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.exception.ConcurrentTurnException;
import dev.interviewagent.core.exception.InterviewException;
import dev.interviewagent.core.exception.InvalidInputException;
import dev.interviewagent.core.exception.StoreException;
import dev.interviewagent.persistence.internal.ScrubbedSqlException;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;

/**
 * Database errors as the typed exceptions of the store SPI, by SQLState (and H2's vendor code where it has no
 * standard state): what a caller can act on — retry a lost race, report bad input — rather than a driver's class.
 */
public final class DatabaseErrors {

    /** A unique key is violated: the row is stored already. */
    public static final String UNIQUE_VIOLATION = "23505";
    /** A foreign key is violated: the row it refers to is missing. */
    public static final String FOREIGN_KEY_VIOLATION = "23503";
    /** H2's "concurrent update" vendor code, a lost race like a serialization failure. */
    private static final int H2_CONCURRENT_UPDATE = 90131;

    private DatabaseErrors() {
    }

    /**
     * The typed exception for a database error; its cause is scrubbed, since drivers quote the values in it.
     *
     * @param id        the interview concerned, named in the message; null if none
     * @param operation what failed, named in the message
     */
    public static InterviewException translate(@Nullable InterviewId id, String operation, SQLException raw) {
        SQLException e = ScrubbedSqlException.of(raw);
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String subject = (id == null ? "" : id + " ") + operation;
        if (state.equals(UNIQUE_VIOLATION)) {
            return new ConcurrentTurnException(subject + ": already stored (duplicate interview, turn or message id)",
                    e);
        }
        if (state.equals("40001") || state.equals("40P01") || state.equals("HYT00")
                || e.getErrorCode() == H2_CONCURRENT_UPDATE) {
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
}
