package dev.interviewagent.core.internal.engine;

import dev.interviewagent.core.HistoryPage;
import dev.interviewagent.core.Interview;
import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.Turn;
import dev.interviewagent.core.exception.InvalidInputException;
import dev.interviewagent.core.internal.report.ReportBuilder;
import dev.interviewagent.core.report.KnowledgeReport;
import dev.interviewagent.core.spi.InterviewStore;
import java.time.Clock;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The engine's reads: the turn log, a page of history and the knowledge report. They take no lock. */
public final class InterviewReads {

    private final InterviewStore store;
    private final TurnRunner turns;
    private final Clock clock;

    public InterviewReads(InterviewStore store, TurnRunner turns, Clock clock) {
        this.store = store;
        this.turns = turns;
        this.clock = clock;
    }

    /** The whole turn log, in order. */
    public List<Turn> transcript(InterviewId id) {
        turns.load(id);
        return store.turns(id);
    }

    /** The turns numbered below {@code before} (all when null), at most {@code limit}, oldest first. */
    public HistoryPage history(InterviewId id, @Nullable Integer before, int limit, int maxLimit) {
        if (limit < 1 || limit > maxLimit) {
            throw new InvalidInputException("limit must be 1-" + maxLimit
                    + ", was " + limit);
        }
        if (before != null && before < 1) {
            throw new InvalidInputException("before must be >= 1, was " + before);
        }
        Interview state = turns.load(id);
        int last = before == null ? state.turnCount() : Math.min(before - 1, state.turnCount());
        int first = Math.max(1, last - limit + 1);
        List<Turn> page = last < 1 ? List.of() : store.turnRange(id, first, last);
        boolean more = !page.isEmpty() && page.get(0).number() > 1;
        return new HistoryPage(id, page, more, more ? page.get(0).number() : null, state.turnCount());
    }

    /** The knowledge report: partial while the interview runs, final once it has ended. */
    public KnowledgeReport report(InterviewId id) {
        Interview state = turns.load(id);
        return ReportBuilder.build(state, store.turns(id), clock.instant());
    }
}
