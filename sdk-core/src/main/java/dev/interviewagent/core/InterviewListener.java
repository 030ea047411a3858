package dev.interviewagent.core;


/**
 * Observes interviews: each turn, stage change and ending. Called synchronously on the thread that processed the
 * turn, after the turn is stored. Implementations must be fast and must not call back into the engine for the same
 * interview; exceptions they throw are logged and swallowed. All methods default to doing nothing.
 */
public interface InterviewListener {

    /** A listener that does nothing. */
    InterviewListener NONE = new InterviewListener() {
    };

    /** A new interview was started (its opening question is already stored). */
    default void onStarted(InterviewSnapshot interview) {
    }

    /** A turn (answer, command, question or closing) was stored. */
    default void onTurn(InterviewSnapshot interview, Turn turn) {
    }

    /** A stage ended and the next began. */
    default void onStageChanged(InterviewSnapshot interview, StageChange change) {
    }

    /** The interview ended. */
    default void onCompleted(InterviewSnapshot interview, CloseReason reason) {
    }

    /** The configured brain failed and the offline brain phrased the turn instead. */
    default void onBrainFallback(InterviewSnapshot interview, Turn turn, Throwable cause) {
    }
}
