package dev.interviewagent.core.internal.engine;

import dev.interviewagent.core.CloseReason;
import dev.interviewagent.core.Interview;
import dev.interviewagent.core.InterviewListener;
import dev.interviewagent.core.StageChange;
import dev.interviewagent.core.Turn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the host's {@link InterviewListener} and the metrics observer what happened in a turn. A listener that
 * throws is logged and ignored: the turn is already stored, so a host's bug must not turn it into a failure the
 * respondent would retry.
 */
public final class InterviewNotifier {

    // the engine's logger: operators follow an interview's life cycle under one name
    private static final Logger log = LoggerFactory.getLogger("dev.interviewagent.core.InterviewEngine");

    private final InterviewListener listener;
    private final EngineEvents events;

    public InterviewNotifier(InterviewListener listener, EngineEvents events) {
        this.listener = listener;
        this.events = events;
    }

    public void started(Interview state, Turn opening) {
        safely(() -> listener.onStarted(state));
        turn(state, opening);
    }

    public void turn(Interview state, Turn turn) {
        safely(() -> listener.onTurn(state, turn));
    }

    public void stageChanged(Interview state, StageChange change) {
        log.info("{} stage {} -> {} ({}, completeness {})", state.id(), change.from().code(), change.to().code(),
                change.reason().code(), change.completeness());
        safely(() -> listener.onStageChanged(state, change));
        events.stageChanged(state, change);
    }

    public void brainFallback(Interview state, Turn turn, Throwable failure) {
        safely(() -> listener.onBrainFallback(state, turn, failure));
    }

    public void completed(Interview state, CloseReason reason) {
        log.info("{} ended ({}) after {} turns", state.id(), reason.code(), state.turnCount());
        safely(() -> listener.onCompleted(state, reason));
        events.completed(state, reason);
    }

    private static void safely(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            log.warn("interview listener failed: {}", e.toString());
        }
    }
}
