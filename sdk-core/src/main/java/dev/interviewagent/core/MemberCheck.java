package dev.interviewagent.core;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The member check of wrap-up: the key insights shown back to the expert, their rating of the summary (1–4) and
 * their corrections, which win over the extracted insights in the report. Immutable.
 *
 * @param status      not started, presented (waiting for the expert's reply) or done
 * @param presented   the insights as they were shown, in order
 * @param rating      the expert's rating of the summary, 1 (poor) to 4 (exact); null until given
 * @param corrections the expert's corrections in their own words
 */
public record MemberCheck(Status status, List<String> presented, @Nullable Integer rating, List<String> corrections) {

    /** Nothing presented yet. */
    public static final MemberCheck NOT_STARTED = new MemberCheck(Status.NOT_STARTED, List.of(), null, List.of());

    public MemberCheck {
        Objects.requireNonNull(status, "status");
        presented = List.copyOf(presented);
        corrections = List.copyOf(corrections);
        if (rating != null && (rating < 1 || rating > 4)) {
            throw new IllegalArgumentException("rating must be 1-4, was " + rating);
        }
    }

    /** Where the member check is. */
    public enum Status {
        NOT_STARTED("not_started"),
        PRESENTED("presented"),
        DONE("done");

        private final String code;

        Status(String code) {
            this.code = code;
        }

        @com.fasterxml.jackson.annotation.JsonValue

        public String code() {
            return code;
        }

        @com.fasterxml.jackson.annotation.JsonCreator

        public static Status fromCode(String code) {
            for (Status status : values()) {
                if (status.code.equals(code)) {
                    return status;
                }
            }
            throw new IllegalArgumentException("unknown member check status: " + code);
        }
    }
}
