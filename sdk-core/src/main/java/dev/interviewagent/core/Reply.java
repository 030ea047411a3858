package dev.interviewagent.core;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the engine answers to a start, an answer or a command: the interviewer's message (a question, or the closing
 * message when the interview ended), the stage changes on the way and the interview's new state. Immutable.
 *
 * @param interview    the interview after the turn, read-only
 * @param message      the interviewer's turn to show: its number, text, stage and depth
 * @param stageChanges stages that ended and began during this turn, in order (usually none or one)
 * @param duplicate    whether this reply repeats an earlier one because the message id was seen before
 */
public record Reply(InterviewSnapshot interview, Turn message, List<StageChange> stageChanges, boolean duplicate) {

    public Reply {
        Objects.requireNonNull(interview, "interview");
        Objects.requireNonNull(message, "message");
        stageChanges = List.copyOf(stageChanges);
    }

    /** The interview's id. */
    public InterviewId interviewId() {
        return interview.id();
    }

    /** Whether the interview has ended with this reply; {@link #message()} is then the closing message. */
    public boolean completed() {
        return !interview.isActive();
    }

    /** Why the interview ended, if it did. */
    public Optional<CloseReason> closeReason() {
        return Optional.ofNullable(interview.closeReason());
    }

    /** The completeness (0–100) of the message's stage. */
    public int completeness() {
        return interview.progress(message.stage()).completeness();
    }
}
