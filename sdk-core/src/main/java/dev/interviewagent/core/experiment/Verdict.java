package dev.interviewagent.core.experiment;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What a comparison of two styles on one figure concludes, at the 5 % level. Written by {@link #code()}. */
public enum Verdict {
    /** The styles differ significantly (p &lt; 0.05). */
    DIFFERENT("different"),
    /** No significant difference: the data are compatible with equal values (p ≥ 0.05). */
    NOT_SIGNIFICANT("not_significant"),
    /** Too few interviews (or answers, or ratings) in a group to test at all. */
    TOO_FEW("too_few");

    private final String code;

    Verdict(String code) {
        this.code = code;
    }

    /** The stable code used in JSON. */
    @JsonValue
    public String code() {
        return code;
    }

    /**
     * The verdict with this code.
     *
     * @throws IllegalArgumentException for an unknown code
     */
    @JsonCreator
    public static Verdict fromCode(String code) {
        for (Verdict verdict : values()) {
            if (verdict.code.equals(code)) {
                return verdict;
            }
        }
        throw new IllegalArgumentException("unknown verdict: " + code);
    }
}
