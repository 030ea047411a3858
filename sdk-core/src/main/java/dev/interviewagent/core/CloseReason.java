package dev.interviewagent.core;

/** Why an interview ended. Sent on the wire as {@link #code()} ({@code completed.reason}). */
public enum CloseReason {
    /** Wrap-up finished. */
    NORMAL("normal", InterviewStatus.COMPLETED),
    /** The respondent asked to finish (command, button or words). */
    EARLY("early", InterviewStatus.ENDED_EARLY),
    /** Ended for the respondent's sake: discomfort after one attempt to adapt, or repeated technical failure. */
    EMERGENCY("emergency", InterviewStatus.ENDED_EMERGENCY);

    private final String code;
    private final InterviewStatus status;

    CloseReason(String code, InterviewStatus status) {
        this.code = code;
        this.status = status;
    }

    @com.fasterxml.jackson.annotation.JsonValue

    public String code() {
        return code;
    }

    /** The status an interview closed for this reason ends in. */
    public InterviewStatus status() {
        return status;
    }

    @com.fasterxml.jackson.annotation.JsonCreator

    public static CloseReason fromCode(String code) {
        for (CloseReason reason : values()) {
            if (reason.code.equals(code)) {
                return reason;
            }
        }
        throw new IllegalArgumentException("unknown close reason: " + code);
    }
}
