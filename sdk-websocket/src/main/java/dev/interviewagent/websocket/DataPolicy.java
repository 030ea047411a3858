package dev.interviewagent.websocket;

import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How long the host keeps respondents' data and how it treats it, as its privacy notice must tell them: sent to
 * clients in {@code session.privacy} (and {@code info}), so the page's notice is true for this server. Give the values
 * the host's retention really applies (sdk-persistence's {@code RetentionPolicy}, {@code interview.privacy.redact-pii});
 * the default, {@link #keptUntilDeleted()}, says interviews are kept until the respondent or an operator deletes them.
 * Immutable.
 *
 * @param deleteAfterEnd an ended interview (completed, ended early or abandoned) is deleted this long after it ended;
 *                       null: kept until deleted
 * @param closeIdleAfter an unfinished interview with no answer for this long is closed (then kept as an ended one);
 *                       null: never closed for being idle
 * @param piiRedacted    e-mail addresses and phone numbers are masked before anything is stored
 */
public record DataPolicy(@Nullable Duration deleteAfterEnd, @Nullable Duration closeIdleAfter, boolean piiRedacted) {

    /** @throws IllegalArgumentException if a duration is zero or negative */
    public DataPolicy {
        requirePositive("deleteAfterEnd", deleteAfterEnd);
        requirePositive("closeIdleAfter", closeIdleAfter);
    }

    /** Nothing is deleted or closed automatically, nothing is masked. */
    public static DataPolicy keptUntilDeleted() {
        return new DataPolicy(null, null, false);
    }

    /** How long after its end an interview is kept; empty: until deleted. */
    public Optional<Duration> deletedAfterEnd() {
        return Optional.ofNullable(deleteAfterEnd);
    }

    /** After how long without an answer an unfinished interview is closed; empty: never. */
    public Optional<Duration> closedIdleAfter() {
        return Optional.ofNullable(closeIdleAfter);
    }

    private static void requirePositive(String name, @Nullable Duration value) {
        if (value != null && (value.isZero() || value.isNegative())) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
