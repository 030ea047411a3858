package dev.interviewagent.core.internal.engine;

import dev.interviewagent.core.Interview;
import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.Reply;
import dev.interviewagent.core.exception.ConcurrentTurnException;
import dev.interviewagent.core.exception.ErrorCode;
import dev.interviewagent.core.exception.InterviewException;
import dev.interviewagent.core.exception.InterviewNotFoundException;
import dev.interviewagent.core.internal.errors.ScrubbedException;
import dev.interviewagent.core.internal.lock.TurnLeases;
import dev.interviewagent.core.spi.InterviewLock;
import dev.interviewagent.core.spi.InterviewStore;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one turn of an interview under its lock, with the interview id in the log context, retrying when another
 * writer won the version race; anything but the SDK's typed failures comes out as {@link ErrorCode#INTERNAL}.
 */
public final class TurnRunner {

    /** The MDC key of the interview id; the same as {@code InterviewEngine.MDC_INTERVIEW_ID}. */
    public static final String MDC_INTERVIEW_ID = "interviewId";

    private static final Logger log = LoggerFactory.getLogger("dev.interviewagent.core.InterviewEngine");
    private static final int COMMIT_ATTEMPTS = 3;

    private final InterviewStore store;
    private final TurnLeases leases;
    private final EngineCounters counters;

    public TurnRunner(InterviewStore store, TurnLeases leases, EngineCounters counters) {
        this.store = store;
        this.leases = leases;
        this.counters = counters;
    }

    /** The stored interview; an {@link InterviewNotFoundException} if there is none. */
    public Interview load(InterviewId id) {
        return store.load(id).orElseThrow(() -> new InterviewNotFoundException("no interview " + id));
    }

    /** Runs a turn under the interview's lock, retrying when another writer won the version race. */
    public Reply withRetries(InterviewId id, Supplier<Reply> turn) {
        ConcurrentTurnException last = null;
        for (int attempt = 1; attempt <= COMMIT_ATTEMPTS; attempt++) {
            try (LogContext logged = LogContext.of(MDC_INTERVIEW_ID, id);
                 InterviewLock.Lease ignored = leases.acquire(id)) {
                return turn.get();
            } catch (ConcurrentTurnException e) {
                last = e;
                counters.conflict();
                log.debug("{} version conflict, attempt {}", id, attempt);
            } catch (InterviewException e) {
                throw e;
            } catch (RuntimeException e) {
                throw unexpected(id, "turn", e);
            }
        }
        throw last;
    }

    /**
     * A failure that is none of the SDK's typed ones is a bug (here, in a store, analyzer or listener): logged at
     * ERROR with its stack trace (its message withheld: it could quote an answer) and reported as
     * {@link ErrorCode#INTERNAL}, never as a retriable outage.
     */
    public static InterviewException unexpected(InterviewId id, String what, RuntimeException e) {
        RuntimeException scrubbed = ScrubbedException.of(e);
        log.error("{} {} failed unexpectedly", id, what, scrubbed);
        return new InterviewException(ErrorCode.INTERNAL, what + " of interview " + id + " failed unexpectedly: "
                + e.getClass().getSimpleName(), scrubbed);
    }
}
