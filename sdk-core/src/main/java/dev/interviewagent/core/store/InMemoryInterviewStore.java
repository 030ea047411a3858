package dev.interviewagent.core.store;

import dev.interviewagent.core.Interview;
import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.MessageId;
import dev.interviewagent.core.Turn;
import dev.interviewagent.core.exception.ConcurrentTurnException;
import dev.interviewagent.core.spi.InterviewPage;
import dev.interviewagent.core.spi.InterviewQuery;
import dev.interviewagent.core.spi.InterviewStore;
import dev.interviewagent.core.spi.InterviewSummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A thread-safe {@link InterviewStore} in memory: the default for tests, demos and hosts that keep nothing. Nothing
 * survives the JVM. Each interview is guarded by its own monitor, so writers of different interviews never wait for
 * each other.
 */
public final class InMemoryInterviewStore implements InterviewStore {

    private final Map<InterviewId, Entry> entries = new ConcurrentHashMap<>();

    private static final class Entry {
        Interview state;
        final List<Turn> turns = new ArrayList<>();
        final Map<MessageId, Turn> byMessageId = new HashMap<>();

        Entry(Interview state) {
            this.state = state;
        }
    }

    @Override
    public void create(Interview interview, List<Turn> turns) {
        Objects.requireNonNull(interview, "interview");
        checkTurns(interview, turns, 0);
        Entry entry = new Entry(interview);
        for (Turn turn : turns) {
            index(entry, turn);
            entry.turns.add(turn);
        }
        if (entries.putIfAbsent(interview.id(), entry) != null) {
            throw new ConcurrentTurnException("interview " + interview.id() + " already exists");
        }
    }

    @Override
    public Optional<Interview> load(InterviewId id) {
        Entry entry = entries.get(id);
        if (entry == null) {
            return Optional.empty();
        }
        synchronized (entry) {
            return Optional.of(entry.state);
        }
    }

    @Override
    public void commit(long expectedVersion, Interview next, List<Turn> turns) {
        Objects.requireNonNull(next, "next");
        if (next.version() != expectedVersion + 1) {
            throw new IllegalArgumentException("next version must be " + (expectedVersion + 1) + ", was "
                    + next.version());
        }
        Entry entry = entries.get(next.id());
        if (entry == null) {
            throw new ConcurrentTurnException("interview " + next.id() + " does not exist (deleted?)");
        }
        synchronized (entry) {
            if (entry.state.version() != expectedVersion) {
                throw new ConcurrentTurnException("interview " + next.id() + " is at version "
                        + entry.state.version() + ", expected " + expectedVersion);
            }
            checkTurns(next, turns, entry.turns.size());
            for (Turn turn : turns) {
                if (turn.messageId() != null && entry.byMessageId.containsKey(turn.messageId())) {
                    throw new ConcurrentTurnException("message already handled for interview " + next.id());
                }
            }
            for (Turn turn : turns) {
                index(entry, turn);
                entry.turns.add(turn);
            }
            entry.state = next;
        }
    }

    private static void checkTurns(Interview state, List<Turn> turns, int existing) {
        for (int i = 0; i < turns.size(); i++) {
            if (turns.get(i).number() != existing + i + 1) {
                throw new IllegalArgumentException("turn numbers must continue the log at " + (existing + 1));
            }
        }
        if (state.turnCount() != existing + turns.size()) {
            throw new IllegalArgumentException("turnCount must be " + (existing + turns.size()) + ", was "
                    + state.turnCount());
        }
    }

    private static void index(Entry entry, Turn turn) {
        if (turn.messageId() != null) {
            entry.byMessageId.put(turn.messageId(), turn);
        }
    }

    @Override
    public List<Turn> turns(InterviewId id) {
        Entry entry = entries.get(id);
        if (entry == null) {
            return List.of();
        }
        synchronized (entry) {
            return List.copyOf(entry.turns);
        }
    }

    @Override
    public Optional<Turn> findByMessageId(InterviewId id, MessageId messageId) {
        Entry entry = entries.get(id);
        if (entry == null) {
            return Optional.empty();
        }
        synchronized (entry) {
            return Optional.ofNullable(entry.byMessageId.get(messageId));
        }
    }

    @Override
    public Optional<InterviewId> findActiveByChannelKey(String channelKey) {
        return entries.values().stream()
                .map(entry -> {
                    synchronized (entry) {
                        return entry.state;
                    }
                })
                .filter(state -> state.isActive() && channelKey.equals(state.channelKey()))
                .max(Comparator.comparing(Interview::createdAt))
                .map(Interview::id);
    }

    @Override
    public List<InterviewId> findByChannelKey(String channelKey) {
        return entries.values().stream()
                .map(entry -> {
                    synchronized (entry) {
                        return entry.state;
                    }
                })
                .filter(state -> channelKey.equals(state.channelKey()))
                .sorted(Comparator.comparing(Interview::createdAt))
                .map(Interview::id)
                .toList();
    }

    @Override
    public List<InterviewId> findActiveIdleSince(Instant cutoff, int limit) {
        return entries.values().stream()
                .map(entry -> {
                    synchronized (entry) {
                        return entry.state;
                    }
                })
                .filter(state -> state.isActive() && state.updatedAt().isBefore(cutoff))
                .limit(limit)
                .map(Interview::id)
                .toList();
    }

    /** Scans every interview: fine for the sizes an in-memory store holds. */
    @Override
    public InterviewPage list(InterviewQuery query) {
        Objects.requireNonNull(query, "query");
        List<InterviewSummary> matches = entries.values().stream()
                .map(entry -> {
                    synchronized (entry) {
                        return InterviewSummary.of(entry.state);
                    }
                })
                .filter(query::matches)
                .sorted(InterviewSummary.NEWEST_FIRST)
                .limit(query.pageSize() + 1L)
                .toList();
        return InterviewPage.of(query, matches);
    }

    @Override
    public boolean delete(InterviewId id) {
        return entries.remove(id) != null;
    }
}
