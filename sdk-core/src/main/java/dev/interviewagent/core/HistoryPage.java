package dev.interviewagent.core;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One page of an interview's conversation so far, read from the store's turn log by
 * {@link InterviewEngine#history(InterviewId, Integer, int)}: a run of consecutive turns, oldest first. Pages go
 * backwards from the newest turn, so a client shows the latest exchange at once and asks for earlier ones with
 * {@link #next()} until {@link #more()} is false. Texts are as the store keeps them (redacted where PII redaction is
 * on, decrypted where encryption at rest is). Immutable.
 *
 * @param interviewId the interview
 * @param turns       consecutive turns, oldest first; empty only when the interview has no turn before the cursor
 * @param more        whether earlier turns exist (ask again with {@code before = next})
 * @param next        the cursor for the earlier page: the number of this page's first turn; null when
 *                    {@code more} is false
 * @param total       the number of turns in the log when the page was read
 */
public record HistoryPage(InterviewId interviewId, List<Turn> turns, boolean more, @Nullable Integer next,
                          int total) {

    public HistoryPage {
        Objects.requireNonNull(interviewId, "interviewId");
        turns = List.copyOf(turns);
        if (more != (next != null)) {
            throw new IllegalArgumentException("next is set exactly when there are more turns");
        }
        if (total < 0) {
            throw new IllegalArgumentException("total must be >= 0, was " + total);
        }
    }

    /**
     * This page without its oldest {@code drop} turns (e.g. to fit a frame limit): those become part of the earlier
     * page, so {@link #more()} is true and {@link #next()} points at the first turn kept.
     *
     * @throws IllegalArgumentException unless {@code 0 <= drop < turns().size()}
     */
    public HistoryPage withoutOldest(int drop) {
        if (drop < 0 || drop >= turns.size()) {
            throw new IllegalArgumentException("drop must be 0-" + (turns.size() - 1) + ", was " + drop);
        }
        if (drop == 0) {
            return this;
        }
        List<Turn> kept = turns.subList(drop, turns.size());
        return new HistoryPage(interviewId, kept, true, kept.get(0).number(), total);
    }
}
