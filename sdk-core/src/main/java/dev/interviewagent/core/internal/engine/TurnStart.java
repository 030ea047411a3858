package dev.interviewagent.core.internal.engine;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * When the turn on this thread began: the engine call, or earlier when the channel says how long the message
 * waited before it. The brain timeout bounds the respondent's wait, not only the brain's share of it: time a turn
 * already spent in the channel's queue, waiting for its interview's lock, storing the answer or retrying a conflict
 * is taken off what the brain may use (see {@link BrainCaller}). A thread-bound value rather than a parameter because
 * the start is known at the engine's public call and needed only where the brain is asked, several internal calls
 * below. Nested calls keep the outermost start.
 */
public final class TurnStart {

    private static final ThreadLocal<Long> STARTED = new ThreadLocal<>();

    private TurnStart() {
    }

    /**
     * Runs {@code turn} with its start recorded, {@code waited} before now (unless a turn on this thread is already
     * timed).
     */
    public static <T> T timed(Duration waited, Supplier<T> turn) {
        if (STARTED.get() != null) {
            return turn.get();
        }
        STARTED.set(System.nanoTime() - Math.max(0, waited.toNanos()));
        try {
            return turn.get();
        } finally {
            STARTED.remove();
        }
    }

    /** Nanoseconds since the current turn began; 0 outside a timed turn. */
    public static long elapsedNanos() {
        Long started = STARTED.get();
        return started == null ? 0 : System.nanoTime() - started;
    }
}
