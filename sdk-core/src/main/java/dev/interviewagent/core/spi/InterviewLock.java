package dev.interviewagent.core.spi;

import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.exception.ConcurrentTurnException;
import java.time.Duration;

/**
 * Serialises the turns of one interview: at most one holder per interview at a time. The default is an in-process
 * lock; sdk-persistence adds a Redis lock so that two nodes never process the same interview at once. The stored
 * version still guards every write (fencing), so a lock that expires early can cost a retry, never a lost turn.
 */
public interface InterviewLock {

    /**
     * Waits up to {@code timeout} for the interview's lock.
     *
     * @return a lease to close when the turn is done
     * @throws ConcurrentTurnException if the lock was not obtained in time
     */
    Lease acquire(InterviewId id, Duration timeout);

    /** The default: an in-process lock for a single node. Thread-safe; bounded memory. */
    static InterviewLock local() {
        return new dev.interviewagent.core.internal.lock.LocalInterviewLock();
    }

    /** A held lock. Closing it twice is harmless. */
    interface Lease extends AutoCloseable {
        @Override
        void close();
    }
}
