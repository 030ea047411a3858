package dev.interviewagent.core;

import dev.interviewagent.core.guide.Stage;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The stored counters of one stage. Every counter the decision layer uses lives here, so a restart never resets
 * them. Immutable; the engine replaces it on every turn.
 *
 * @param stage             the stage
 * @param status            pending, active, completed or skipped
 * @param completeness      0–100, from the stage's criteria
 * @param depth             depth (1–4) of the current topic's last question; 0 before the first question
 * @param maxDepth          deepest question answered in this stage
 * @param questions         interviewer questions asked in this stage (the turn cap counts these)
 * @param answers           answers received in this stage
 * @param examples          concrete examples collected
 * @param processes         processes (with steps) collected
 * @param numbers           numbers and metrics collected
 * @param failureModes      failure modes collected
 * @param insights          insights collected
 * @param refusalsInRow     refusals in a row (3 end the stage)
 * @param noNewKnowledgeInRow answers in a row that added no knowledge item (saturation)
 * @param vagueChallenged   vague answers challenged with a quote in this stage
 * @param topics            topics opened (seed questions used) in this stage
 * @param referencedBack    whether a question in this stage referred back to an earlier answer
 * @param adaptedToDiscomfort whether the interviewer already adapted once to discomfort in this stage
 * @param endReason         why the stage ended; null while pending or active
 * @param startedAt         when the stage began; null while pending
 * @param endedAt           when it ended; null until then
 */
public record StageProgress(
        Stage stage,
        Status status,
        int completeness,
        int depth,
        int maxDepth,
        int questions,
        int answers,
        int examples,
        int processes,
        int numbers,
        int failureModes,
        int insights,
        int refusalsInRow,
        int noNewKnowledgeInRow,
        int vagueChallenged,
        int topics,
        boolean referencedBack,
        boolean adaptedToDiscomfort,
        @Nullable EndReason endReason,
        @Nullable Instant startedAt,
        @Nullable Instant endedAt) {

    public StageProgress {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(status, "status");
        if (completeness < 0 || completeness > 100) {
            throw new IllegalArgumentException("completeness must be 0-100, was " + completeness);
        }
        if (depth < 0 || depth > 4 || maxDepth < 0 || maxDepth > 4) {
            throw new IllegalArgumentException("depth must be 0-4, was " + depth + "/" + maxDepth);
        }
        if (questions < 0 || answers < 0 || examples < 0 || processes < 0 || numbers < 0 || failureModes < 0
                || insights < 0 || refusalsInRow < 0 || noNewKnowledgeInRow < 0 || vagueChallenged < 0 || topics < 0) {
            throw new IllegalArgumentException("stage counters must be >= 0");
        }
    }

    /** A stage not begun yet. */
    public static StageProgress pending(Stage stage) {
        return new StageProgress(stage, Status.PENDING, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, false, false,
                null, null, null);
    }

    /** The status of a stage. */
    public enum Status {
        PENDING("pending"),
        ACTIVE("active"),
        COMPLETED("completed"),
        SKIPPED("skipped");

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
            throw new IllegalArgumentException("unknown stage status: " + code);
        }
    }

    /** Why a stage ended; shown in the report. */
    public enum EndReason {
        /** Completeness, examples and depth criteria met. */
        CRITERIA_MET("criteria_met"),
        /** The stage's question cap was reached. */
        TURN_CAP("turn_cap"),
        /** Several answers in a row added nothing new. */
        SATURATION("saturation"),
        /** Several refusals in a row. */
        REFUSALS("refusals"),
        /** The interview ended before this stage ran (or finished). */
        SKIPPED("skipped");

        private final String code;

        EndReason(String code) {
            this.code = code;
        }

        @com.fasterxml.jackson.annotation.JsonValue

        public String code() {
            return code;
        }

        @com.fasterxml.jackson.annotation.JsonCreator

        public static EndReason fromCode(String code) {
            for (EndReason reason : values()) {
                if (reason.code.equals(code)) {
                    return reason;
                }
            }
            throw new IllegalArgumentException("unknown end reason: " + code);
        }
    }
}
