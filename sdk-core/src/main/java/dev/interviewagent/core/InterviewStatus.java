package dev.interviewagent.core;

/** Where an interview is in its life. Stored and sent by {@link #code()}. */
public enum InterviewStatus {
    /** Takes answers. */
    ACTIVE("active"),
    /** All stages done, wrap-up finished. */
    COMPLETED("completed"),
    /** The respondent ended it before wrap-up; the report lists the skipped stages. */
    ENDED_EARLY("ended_early"),
    /** Ended for the respondent's sake (discomfort after adaptation, repeated technical failure). */
    ENDED_EMERGENCY("ended_emergency"),
    /** No answer for longer than the configured idle time; archived, never deleted. */
    ABANDONED("abandoned");

    private final String code;

    InterviewStatus(String code) {
        this.code = code;
    }

    @com.fasterxml.jackson.annotation.JsonValue

    public String code() {
        return code;
    }

    /** Whether the interview still takes answers. */
    public boolean isActive() {
        return this == ACTIVE;
    }

    @com.fasterxml.jackson.annotation.JsonCreator

    public static InterviewStatus fromCode(String code) {
        for (InterviewStatus status : values()) {
            if (status.code.equals(code)) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown interview status: " + code);
    }
}
