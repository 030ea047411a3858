package dev.interviewagent.core.internal.lock;

import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.exception.ConcurrentTurnException;
import dev.interviewagent.core.spi.InterviewLock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's view of its interview locks: acquires leases with the engine's lock timeout and remembers the one
 * each interview's running turn holds, so that a write deep inside the turn can check the lease without it being
 * passed down every call. One engine has at most one turn per interview inside the lock at a time, so the interview
 * id is enough to find the lease.
 *
 * <p>Thread-safe.
 */
public final class TurnLeases {

    private static final Logger log = LoggerFactory.getLogger(TurnLeases.class);

    private final InterviewLock lock;
    private final Duration timeout;
    private final ConcurrentHashMap<InterviewId, InterviewLock.Lease> held = new ConcurrentHashMap<>();

    public TurnLeases(InterviewLock lock, Duration timeout) {
        this.lock = lock;
        this.timeout = timeout;
    }

    /**
     * Acquires the interview's lock for one turn.
     *
     * @throws ConcurrentTurnException if it was not obtained within the timeout
     */
    public InterviewLock.Lease acquire(InterviewId id) {
        InterviewLock.Lease lease = lock.acquire(id, timeout);
        held.put(id, lease);
        return new InterviewLock.Lease() {
            @Override
            public boolean held() {
                return lease.held();
            }

            @Override
            public void close() {
                held.remove(id, lease);
                lease.close();
            }
        };
    }

    /**
     * Checks, before a write, that the turn running for {@code id} still holds its lease.
     *
     * @throws ConcurrentTurnException if the lease was lost to another holder (the caller retries the turn)
     */
    public void ensureHeld(InterviewId id) {
        InterviewLock.Lease lease = held.get(id);
        if (lease != null && !lease.held()) {
            log.debug("{} lost its lock during the turn; the turn is not written", id);
            throw new ConcurrentTurnException("interview " + id + " lost its lock during the turn");
        }
    }
}
