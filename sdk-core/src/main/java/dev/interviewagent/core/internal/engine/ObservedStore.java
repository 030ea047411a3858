package dev.interviewagent.core.internal.engine;

import dev.interviewagent.core.Interview;
import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.MessageId;
import dev.interviewagent.core.Turn;
import dev.interviewagent.core.exception.ConcurrentTurnException;
import dev.interviewagent.core.metrics.EngineObserver;
import dev.interviewagent.core.metrics.EngineObserver.StoreWrite;
import dev.interviewagent.core.spi.InterviewPage;
import dev.interviewagent.core.spi.InterviewQuery;
import dev.interviewagent.core.spi.InterviewStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The engine's view of the store when an observer is set: times each write ({@code create}, {@code commit}) and
 * reports it; every other call goes straight through. Whatever the store (JDBC, Redis-cached, in-memory, the host's
 * own), its write latency is measured the same way.
 */
public final class ObservedStore implements InterviewStore {

    private final InterviewStore delegate;
    private final EngineObserver observer;

    private ObservedStore(InterviewStore delegate, EngineObserver observer) {
        this.delegate = delegate;
        this.observer = observer;
    }

    /** {@code store} itself when nobody observes, else a timing view of it. {@code observer} must not throw. */
    public static InterviewStore wrap(InterviewStore store, EngineObserver observer) {
        return observer == EngineObserver.NONE ? store : new ObservedStore(store, observer);
    }

    @Override
    public void create(Interview interview, List<Turn> turns) {
        timed(StoreWrite.Operation.CREATE, () -> delegate.create(interview, turns));
    }

    @Override
    public void commit(long expectedVersion, Interview next, List<Turn> turns) {
        timed(StoreWrite.Operation.COMMIT, () -> delegate.commit(expectedVersion, next, turns));
    }

    private void timed(StoreWrite.Operation operation, Runnable write) {
        long started = System.nanoTime();
        StoreWrite.Outcome outcome = StoreWrite.Outcome.ERROR;
        try {
            write.run();
            outcome = StoreWrite.Outcome.OK;
        } catch (ConcurrentTurnException e) {
            outcome = StoreWrite.Outcome.CONFLICT;
            throw e;
        } finally {
            observer.onStoreWrite(new StoreWrite(operation, outcome, EngineEvents.since(started)));
        }
    }

    @Override
    public Optional<Interview> load(InterviewId id) {
        return delegate.load(id);
    }

    @Override
    public List<Turn> turns(InterviewId id) {
        return delegate.turns(id);
    }

    @Override
    public List<Turn> recentTurns(InterviewId id, int limit) {
        return delegate.recentTurns(id, limit);
    }

    @Override
    public List<Turn> turnRange(InterviewId id, int first, int last) {
        return delegate.turnRange(id, first, last);
    }

    @Override
    public Optional<Turn> findByMessageId(InterviewId id, MessageId messageId) {
        return delegate.findByMessageId(id, messageId);
    }

    @Override
    public Optional<InterviewId> findActiveByChannelKey(String channelKey) {
        return delegate.findActiveByChannelKey(channelKey);
    }

    @Override
    public List<InterviewId> findByChannelKey(String channelKey) {
        return delegate.findByChannelKey(channelKey);
    }

    @Override
    public List<InterviewId> findActiveIdleSince(Instant cutoff, int limit) {
        return delegate.findActiveIdleSince(cutoff, limit);
    }

    @Override
    public InterviewPage list(InterviewQuery query) {
        return delegate.list(query);
    }

    @Override
    public boolean delete(InterviewId id) {
        return delegate.delete(id);
    }

    @Override
    public String toString() {
        return delegate.toString();
    }
}
