package dev.interviewagent.persistence.internal;

import java.sql.SQLException;
import java.util.IdentityHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A database error as it may be logged and handed to a host: the driver's exception class, SQLState, vendor code
 * and stack trace, without the driver's message. Drivers quote the values they were given ("Failing row contains
 * (…)", "Value too long for column …: '…'", duplicate key values), and those values are respondents' answers. It
 * stays an {@link SQLException} with the original SQLState, so code that reads the state of a cause still works.
 * Causes and chained ({@link SQLException#getNextException()}) errors are scrubbed the same way.
 */
public final class ScrubbedSqlException extends SQLException {

    private static final long serialVersionUID = 1L;
    private static final int MAX_DEPTH = 16;

    private final String driverClass;

    private ScrubbedSqlException(String driverClass, @Nullable String sqlState, int vendorCode) {
        super(describe(driverClass, sqlState, vendorCode), sqlState, vendorCode);
        this.driverClass = driverClass;
    }

    /** The class name of the driver's exception. */
    public String driverClass() {
        return driverClass;
    }

    /** A scrubbed copy of {@code error} (itself if it is one already). */
    public static SQLException of(SQLException error) {
        return copy(error, 0, new IdentityHashMap<>());
    }

    /** What a log line may say about {@code error}: class, SQLState and vendor code. */
    public static String describe(SQLException error) {
        return error instanceof ScrubbedSqlException scrubbed ? scrubbed.getMessage()
                : describe(error.getClass().getName(), error.getSQLState(), error.getErrorCode());
    }

    private static String describe(String driverClass, @Nullable String sqlState, int vendorCode) {
        return driverClass + " (SQLState " + (sqlState == null ? "none" : sqlState) + ", error code " + vendorCode
                + "; message withheld)";
    }

    private static SQLException copy(SQLException error, int depth, Map<Throwable, SQLException> seen) {
        if (error instanceof ScrubbedSqlException) {
            return error;
        }
        SQLException known = seen.get(error);
        if (known != null) {
            return known;
        }
        ScrubbedSqlException copy = new ScrubbedSqlException(error.getClass().getName(), error.getSQLState(),
                error.getErrorCode());
        copy.setStackTrace(error.getStackTrace());
        seen.put(error, copy);
        if (depth < MAX_DEPTH) {
            Throwable cause = error.getCause();
            if (cause != null) {
                copy.initCause(cause instanceof SQLException sql ? copy(sql, depth + 1, seen) : withoutMessage(cause));
            }
            SQLException next = error.getNextException();
            if (next != null && next != cause) {
                copy.setNextException(copy(next, depth + 1, seen));
            }
        }
        return copy;
    }

    /** A non-SQL cause (an I/O error naming a host, a parser quoting input) reduced to its class and stack. */
    private static Throwable withoutMessage(Throwable cause) {
        RuntimeException copy = new RuntimeException(cause.getClass().getName() + " (message withheld)");
        copy.setStackTrace(cause.getStackTrace());
        return copy;
    }
}
