package dev.interviewagent.core.metrics;

import dev.interviewagent.core.CloseReason;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.StageProgress;
import dev.interviewagent.core.Turn;
import dev.interviewagent.core.exception.ErrorCode;
import dev.interviewagent.core.guide.Stage;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Measures an {@link dev.interviewagent.core.InterviewEngine} at work: how long each turn, brain call and store
 * write took and how it ended, each stage change and each ending. Set it with
 * {@link dev.interviewagent.core.InterviewEngine.Builder#observer(EngineObserver)}; the default is {@link #NONE}.
 *
 * <p>Made for metrics: the events carry only facts with few possible values (operation, outcome, error code,
 * language, style, stage, reasons, brain id) and durations — never an interview id, a message id or respondent
 * text — so every field may become a metric tag without exploding the number of series. A host that wants the
 * interview id of a slow turn finds it in the SLF4J MDC ({@code interviewId}) of the engine's own log lines.
 *
 * <p>Called synchronously on the thread that did the work (a brain call's event on the caller's thread, after the
 * call); implementations must be fast, thread-safe and must not call back into the engine. Exceptions they throw
 * are logged and swallowed. All methods default to doing nothing.
 */
public interface EngineObserver {

    /** An observer that does nothing. */
    EngineObserver NONE = new EngineObserver() {
    };

    /** A {@code start}, {@code answer} or {@code complete} call returned or failed. */
    default void onTurn(TurnTiming turn) {
    }

    /** A brain phrased (or failed to phrase) one message. */
    default void onBrainCall(BrainCall call) {
    }

    /** A stage ended and the next began. */
    default void onStageTransition(StageTransition transition) {
    }

    /** An interview ended (normally, early or for the respondent's sake). */
    default void onCompletion(Completion completion) {
    }

    /** The engine wrote an interview's state and turns to the store. */
    default void onStoreWrite(StoreWrite write) {
    }

    /**
     * One observer that calls each of {@code observers} in order; an exception from one does not keep the others
     * from being called.
     */
    static EngineObserver composite(List<EngineObserver> observers) {
        List<EngineObserver> all = List.copyOf(Objects.requireNonNull(observers, "observers"));
        return new CompositeObserver(all);
    }

    /**
     * How one engine call went.
     *
     * @param operation which call
     * @param outcome   how it ended
     * @param error     the error code when {@code outcome} is {@link Outcome#ERROR}; null otherwise
     * @param language  the interview's language; null when the call failed before the interview was read
     * @param style     the interview's style code; null when the call failed before the interview was read
     * @param stage     the stage the interview was in when the respondent's message arrived (for a start: the
     *                  first stage); null when the call failed before the interview was read
     * @param modality  how the answer was given; null for starts and commands
     * @param duration  from the call to its return or exception, lock waits included
     */
    record TurnTiming(Operation operation, Outcome outcome, @Nullable ErrorCode error, @Nullable Language language,
                      @Nullable String style, @Nullable Stage stage, Turn.@Nullable Modality modality,
                      Duration duration) {

        public TurnTiming {
            Objects.requireNonNull(operation, "operation");
            Objects.requireNonNull(outcome, "outcome");
            requireNonNegative(duration);
            if ((outcome == Outcome.ERROR) != (error != null)) {
                throw new IllegalArgumentException("error must be set exactly when the outcome is error, was "
                        + outcome + "/" + error);
            }
        }

        /** The engine call. */
        public enum Operation {
            /** {@code InterviewEngine.start}. */
            START("start"),
            /** {@code InterviewEngine.answer}. */
            ANSWER("answer"),
            /** {@code InterviewEngine.complete}. */
            COMPLETE("complete");

            private final String code;

            Operation(String code) {
                this.code = code;
            }

            /** The stable lower-case code, e.g. {@code answer}. */
            public String code() {
                return code;
            }
        }

        /** How an engine call ended. */
        public enum Outcome {
            /** Handled; the configured brain phrased the reply. */
            OK("ok"),
            /** Handled; the configured brain failed and the offline brain phrased the reply. */
            FALLBACK("fallback"),
            /** A message id (or start idempotency key) seen before: the earlier reply was returned. */
            DUPLICATE("duplicate"),
            /** The call threw; {@link TurnTiming#error()} says why. */
            ERROR("error");

            private final String code;

            Outcome(String code) {
                this.code = code;
            }

            /** The stable lower-case code, e.g. {@code fallback}. */
            public String code() {
                return code;
            }
        }
    }

    /**
     * One brain call.
     *
     * @param brain    the brain's {@link dev.interviewagent.core.spi.InterviewerBrain#id() id}, e.g. {@code llm}
     * @param role     whether it was the configured brain or the offline brain standing in for it
     * @param outcome  how it ended
     * @param duration how long it took (for a brain with a timeout, up to the timeout)
     */
    record BrainCall(String brain, Role role, Outcome outcome, Duration duration) {

        public BrainCall {
            Objects.requireNonNull(brain, "brain");
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(outcome, "outcome");
            requireNonNegative(duration);
        }

        /**
         * Which brain was called. A {@link #PRIMARY} call that does not end {@link Outcome#OK} is followed by a
         * {@link #FALLBACK} call for the same message.
         */
        public enum Role {
            /** The configured brain, with the offline brain standing by. */
            PRIMARY("primary"),
            /** The offline brain, phrasing a message the configured brain could not. */
            FALLBACK("fallback"),
            /** The only brain (no other brain was configured, so nothing stands in if it fails). */
            ONLY("only");

            private final String code;

            Role(String code) {
                this.code = code;
            }

            /** The stable lower-case code. */
            public String code() {
                return code;
            }
        }

        /** How a brain call ended. */
        public enum Outcome {
            /** A usable message. */
            OK("ok"),
            /** The brain threw. */
            ERROR("error"),
            /** The brain did not answer within the engine's brain timeout. */
            TIMEOUT("timeout"),
            /** The brain answered with a message the engine could not use (no question, two, a repeat, blank). */
            UNUSABLE("unusable"),
            /**
             * The brain was not asked: the turn had spent nearly all of the brain timeout before it (waiting for its
             * interview's lock, the store or a busy server), so the offline brain phrased it at once. A rising count
             * means the server is past its capacity for the configured brain.
             */
            SKIPPED("skipped");

            private final String code;

            Outcome(String code) {
                this.code = code;
            }

            /** The stable lower-case code. */
            public String code() {
                return code;
            }
        }
    }

    /**
     * A stage that ended and the one that began.
     *
     * @param from         the stage that ended
     * @param to           the stage that began
     * @param reason       why it ended
     * @param completeness the completeness the ended stage reached, 0–100
     * @param language     the interview's language
     */
    record StageTransition(Stage from, Stage to, StageProgress.EndReason reason, int completeness,
                           Language language) {

        public StageTransition {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(language, "language");
            if (completeness < 0 || completeness > 100) {
                throw new IllegalArgumentException("completeness must be 0-100, was " + completeness);
            }
        }
    }

    /**
     * An interview that ended.
     *
     * @param reason   why
     * @param language its language
     * @param style    its style code
     * @param turns    how many turns its log holds
     */
    record Completion(CloseReason reason, Language language, String style, int turns) {

        public Completion {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(language, "language");
            Objects.requireNonNull(style, "style");
            if (turns < 0) {
                throw new IllegalArgumentException("turns must be >= 0, was " + turns);
            }
        }
    }

    /**
     * One write to the store.
     *
     * @param operation {@link Operation#CREATE} for a new interview, {@link Operation#COMMIT} for a turn
     * @param outcome   how it ended
     * @param duration  how long the store took
     */
    record StoreWrite(Operation operation, Outcome outcome, Duration duration) {

        public StoreWrite {
            Objects.requireNonNull(operation, "operation");
            Objects.requireNonNull(outcome, "outcome");
            requireNonNegative(duration);
        }

        /** The store call. */
        public enum Operation {
            /** {@code InterviewStore.create}. */
            CREATE("create"),
            /** {@code InterviewStore.commit}. */
            COMMIT("commit");

            private final String code;

            Operation(String code) {
                this.code = code;
            }

            /** The stable lower-case code. */
            public String code() {
                return code;
            }
        }

        /** How a write ended. */
        public enum Outcome {
            /** Stored. */
            OK("ok"),
            /** Another writer won (version conflict); the engine retries the turn. */
            CONFLICT("conflict"),
            /** The store failed. */
            ERROR("error");

            private final String code;

            Outcome(String code) {
                this.code = code;
            }

            /** The stable lower-case code. */
            public String code() {
                return code;
            }
        }
    }

    private static void requireNonNegative(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("duration must be >= 0, was " + duration);
        }
    }
}
