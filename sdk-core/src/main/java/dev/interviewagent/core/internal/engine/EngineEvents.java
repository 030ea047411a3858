package dev.interviewagent.core.internal.engine;

import dev.interviewagent.core.CloseReason;
import dev.interviewagent.core.Interview;
import dev.interviewagent.core.InterviewSnapshot;
import dev.interviewagent.core.Reply;
import dev.interviewagent.core.StageChange;
import dev.interviewagent.core.Turn;
import dev.interviewagent.core.exception.ErrorCode;
import dev.interviewagent.core.exception.InterviewException;
import dev.interviewagent.core.guide.Stage;
import dev.interviewagent.core.metrics.EngineObserver.TurnTiming;
import dev.interviewagent.core.metrics.EngineObserver;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Turns what the engine does into {@link EngineObserver} events: times each engine call and reports stage changes
 * and endings. Events carry no interview id and no text. With {@link EngineObserver#NONE} nothing is measured.
 */
public final class EngineEvents {

    private final EngineObserver observer;

    private EngineEvents(EngineObserver observer) {
        this.observer = observer;
    }

    /** Events for {@code observer}; one that throws is logged and ignored. */
    public static EngineEvents of(EngineObserver observer) {
        return new EngineEvents(safe(observer));
    }

    /** {@code observer}, made to log and swallow its own exceptions. */
    public static EngineObserver safe(EngineObserver observer) {
        return observer == EngineObserver.NONE ? observer : EngineObserver.composite(List.of(observer));
    }

    public EngineObserver observer() {
        return observer;
    }

    /**
     * Runs one engine call, timed from here for the brain's share of it ({@link TurnStart}), and reports how long
     * it took and how it ended.
     */
    public Reply turn(TurnTiming.Operation operation, Turn.@Nullable Modality modality, Supplier<Reply> call) {
        return turn(operation, modality, Duration.ZERO, call);
    }

    /** Like {@link #turn(TurnTiming.Operation, Turn.Modality, Supplier)} for a call that waited before it came. */
    public Reply turn(TurnTiming.Operation operation, Turn.@Nullable Modality modality, Duration waited,
                      Supplier<Reply> call) {
        return TurnStart.timed(waited, () -> timed(operation, modality, call));
    }

    private Reply timed(TurnTiming.Operation operation, Turn.@Nullable Modality modality, Supplier<Reply> call) {
        if (observer == EngineObserver.NONE) {
            return call.get();
        }
        long started = System.nanoTime();
        Reply reply;
        try {
            reply = call.get();
        } catch (InterviewException e) {
            observer.onTurn(failed(operation, e.code(), modality, started));
            throw e;
        } catch (RuntimeException e) {
            observer.onTurn(failed(operation, ErrorCode.INTERNAL, modality, started));
            throw e;
        }
        TurnTiming.Outcome outcome = reply.duplicate() ? TurnTiming.Outcome.DUPLICATE
                : reply.message().fallback() ? TurnTiming.Outcome.FALLBACK : TurnTiming.Outcome.OK;
        InterviewSnapshot state = reply.interview();
        observer.onTurn(new TurnTiming(operation, outcome, null, state.language(), state.style(), stageOf(reply),
                modality, since(started)));
        return reply;
    }

    public void stageChanged(Interview state, StageChange change) {
        observer.onStageTransition(new EngineObserver.StageTransition(change.from(), change.to(), change.reason(),
                change.completeness(), state.language()));
    }

    public void completed(Interview state, CloseReason reason) {
        observer.onCompletion(new EngineObserver.Completion(reason, state.language(), state.style(),
                state.turnCount()));
    }

    /** The stage the respondent's message arrived in: before the first change of the turn, if there was one. */
    private static Stage stageOf(Reply reply) {
        List<StageChange> changes = reply.stageChanges();
        return changes.isEmpty() ? reply.message().stage() : changes.get(0).from();
    }

    private static TurnTiming failed(TurnTiming.Operation operation, ErrorCode code, Turn.@Nullable Modality modality,
                                     long started) {
        return new TurnTiming(operation, TurnTiming.Outcome.ERROR, code, null, null, null, modality, since(started));
    }

    static Duration since(long startedNanos) {
        return Duration.ofNanos(Math.max(0, System.nanoTime() - startedNanos));
    }
}
