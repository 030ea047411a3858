package dev.interviewagent.core.internal.engine;

import dev.interviewagent.core.Interview;
import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.InterviewStatus;
import dev.interviewagent.core.exception.ConcurrentTurnException;
import dev.interviewagent.core.internal.lock.TurnLeases;
import dev.interviewagent.core.spi.InterviewLock;
import dev.interviewagent.core.spi.InterviewStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The engine's work outside a turn: archiving idle interviews and deleting one, each under its lock. */
public final class Housekeeping {

    private static final Logger log = LoggerFactory.getLogger("dev.interviewagent.core.InterviewEngine");

    private final InterviewStore store;
    private final TurnLeases leases;
    private final Clock clock;

    public Housekeeping(InterviewStore store, TurnLeases leases, Clock clock) {
        this.store = store;
        this.leases = leases;
        this.clock = clock;
    }

    /** Marks active interviews unchanged for longer than {@code idleFor} as abandoned; how many were marked. */
    public int abandonIdle(Duration idleFor) {
        Instant cutoff = clock.instant().minus(idleFor);
        int count = 0;
        for (InterviewId id : store.findActiveIdleSince(cutoff, 1000)) {
            try (LogContext logged = LogContext.of(TurnRunner.MDC_INTERVIEW_ID, id);
                 InterviewLock.Lease ignored = leases.acquire(id)) {
                Optional<Interview> state = store.load(id);
                if (state.isPresent() && state.get().isActive() && state.get().updatedAt().isBefore(cutoff)) {
                    Interview s = state.get();
                    leases.ensureHeld(id);
                    store.commit(s.version(), s.toBuilder().version(s.version() + 1)
                            .status(InterviewStatus.ABANDONED).endedAt(clock.instant()).updatedAt(clock.instant())
                            .build(), List.of());
                    count++;
                    log.info("{} abandoned after {} idle", id, idleFor);
                }
            } catch (ConcurrentTurnException e) {
                log.debug("{} busy, not abandoned now", id);
            }
        }
        return count;
    }

    /** Deletes an interview and everything stored about it; whether it existed. */
    public boolean delete(InterviewId id) {
        try (LogContext logged = LogContext.of(TurnRunner.MDC_INTERVIEW_ID, id);
             InterviewLock.Lease ignored = leases.acquire(id)) {
            boolean deleted = store.delete(id);
            if (deleted) {
                log.info("{} deleted", id);
            }
            return deleted;
        }
    }
}
