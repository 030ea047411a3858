package dev.interviewagent.core.internal.guard;

import java.util.Objects;

/**
 * What {@link OneQuestionGuard#check} found in one interviewer message. Immutable.
 *
 * @param message       the message as checked
 * @param questionCount how many questions the message asks (0 when it asks none)
 * @param repaired      the message reduced to its first question plus the sentences before it; equal to
 *                      {@code message} when it asks at most one question
 */
public record GuardResult(String message, int questionCount, String repaired) {

    public GuardResult {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(repaired, "repaired");
        if (questionCount < 0) {
            throw new IllegalArgumentException("questionCount must be >= 0, was " + questionCount);
        }
    }

    /** Whether the message asks anything at all; a move that must ask falls back when it does not. */
    public boolean hasQuestion() {
        return questionCount > 0;
    }

    /** Whether the message asks exactly one question, as the methodology requires of every move but a close. */
    public boolean isSingleQuestion() {
        return questionCount == 1;
    }

    /** Whether the message asks two or more questions and {@link #repaired()} differs from it. */
    public boolean needsRepair() {
        return questionCount > 1;
    }
}
