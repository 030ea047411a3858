package dev.interviewagent.core.spi;

import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.exception.ConcurrentTurnException;
import java.time.Duration;

/**
 * Serialises the turns of one interview: at most one holder per interview at a time. The default is an in-process
 * lock; sdk-persistence adds a Redis lock so that two nodes never process the same interview at once. The stored
 * version still guards every write (fencing), so a lock that expires early can cost a retry, never a lost turn.
 *
 * <p>The engine acquires a lease for each turn, asks {@link Lease#held()} before each write of that turn, and
 * closes the lease on the thread that acquired it. Implementations must be thread-safe; a lease need not be.
 */
public interface InterviewLock {

    /**
     * Waits up to {@code timeout} for the interview's lock.
     *
     * @return a lease to close when the turn is done
     * @throws ConcurrentTurnException if the lock was not obtained in time
     */
    Lease acquire(InterviewId id, Duration timeout);

    /**
     * The default: an in-process lock for a single node, one fair lock per interview (turns of one interview run in
     * arrival order; different interviews never wait for each other). Thread-safe; memory follows the turns in
     * flight.
     */
    static InterviewLock local() {
        return new dev.interviewagent.core.internal.lock.LocalInterviewLock();
    }

    /** A held lock. Closing it twice is harmless. */
    interface Lease extends AutoCloseable {

        /**
         * Whether this lease still excludes every other holder. An in-process lease is held until it is closed. A
         * distributed lease can be lost while its turn runs — its holder was paused past the lease, or the lock's
         * store lost the key — and another holder may then have taken the lock: this returns {@code false} once
         * that is known, and the engine abandons the turn ({@link ConcurrentTurnException}, retried) instead of
         * writing over the new holder. The stored version remains the final guard for what this check cannot see.
         *
         * <p>May block briefly on the lock's store (bounded by its own timeouts); never throws. The default is
         * {@code true}.
         */
        default boolean held() {
            return true;
        }

        @Override
        void close();
    }
}
