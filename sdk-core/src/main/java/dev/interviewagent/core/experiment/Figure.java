package dev.interviewagent.core.experiment;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A figure of the {@link OutcomeReport}: what is measured per finished interview (or per vague answer), whether it
 * is a proportion or a mean, and whether a higher value is better. Written by {@link #code()}.
 */
public enum Figure {
    /** Interviews that finished the wrap-up ({@code completed}) among all finished interviews. */
    COMPLETION_RATE("completion_rate", Kind.PROPORTION, true),
    /** Stages the interview reached (asked at least one question in), 1–9. */
    STAGES_REACHED("stages_reached", Kind.MEAN, true),
    /** The respondent's answers (commands not counted). Neither more nor fewer is better in itself. */
    ANSWERS("answers", Kind.MEAN, false),
    /**
     * Minutes from the start to the end (to the last change for an abandoned interview). Neither longer nor shorter
     * is better in itself.
     */
    DURATION_MINUTES("duration_minutes", Kind.MEAN, false),
    /** Concrete examples in the knowledge report. */
    EXAMPLES("examples", Kind.MEAN, true),
    /** Processes with their steps in the knowledge report. */
    PROCESSES("processes", Kind.MEAN, true),
    /** Failure modes in the knowledge report. */
    FAILURE_MODES("failure_modes", Kind.MEAN, true),
    /**
     * Answers analysed as vague that the interviewer followed with a deepening question (a challenge of the vague
     * words, a request for an example, steps, numbers or the insight, a probe of the story, steps or mistake just
     * told, a contrast, the beginner's mind or the expert's secret), among the vague answers that got a next
     * question, outside the wrap-up. Pooled over the answers of all interviews of a group.
     */
    VAGUE_CHALLENGED("vague_challenged", Kind.PROPORTION, true),
    /** The expert's rating of the member-check summary, 1 (poor) to 4 (exact), among interviews that gave one. */
    MEMBER_CHECK_RATING("member_check_rating", Kind.MEAN, true);

    /** How a figure is estimated and compared. */
    public enum Kind {
        /** A share of successes: Wilson interval; two-proportion z-test or Fisher's exact test. */
        PROPORTION("proportion"),
        /** A mean of values: Student's t interval; Welch's t-test. */
        MEAN("mean");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        /** The stable code used in JSON. */
        @JsonValue
        public String code() {
            return code;
        }
    }

    private final String code;
    private final Kind kind;
    private final boolean higherIsBetter;

    Figure(String code, Kind kind, boolean higherIsBetter) {
        this.code = code;
        this.kind = kind;
        this.higherIsBetter = higherIsBetter;
    }

    /** The stable code used in JSON and as the label key. */
    @JsonValue
    public String code() {
        return code;
    }

    /** Proportion or mean. */
    public Kind kind() {
        return kind;
    }

    /** Whether a higher value is better; false when a difference is only reported, not judged. */
    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    /**
     * The figure with this code.
     *
     * @throws IllegalArgumentException for an unknown code
     */
    @JsonCreator
    public static Figure fromCode(String code) {
        for (Figure figure : values()) {
            if (figure.code.equals(code)) {
                return figure;
            }
        }
        throw new IllegalArgumentException("unknown outcome figure: " + code);
    }
}
