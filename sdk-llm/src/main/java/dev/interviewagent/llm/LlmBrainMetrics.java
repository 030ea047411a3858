package dev.interviewagent.llm;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * A snapshot of an {@link LlmBrain}'s counters since it was built. Immutable. The engine counts the turns the
 * offline brain phrased instead in {@link dev.interviewagent.core.EngineMetrics#brainFallbacks()}.
 *
 * @param turns              moves the brain was asked to phrase
 * @param calls              requests sent to the provider (first attempts, retries and re-asks)
 * @param retries            requests repeated after a 429, 5xx, timeout or network error
 * @param reAsks             corrective re-asks after a reply failed validation
 * @param validationFailures replies rejected by validation (a turn can have two)
 * @param repairs            safe repairs made to accepted replies (second question cut, JSON cut out of prose …)
 * @param droppedValues      out-of-range numbers or unknown values in accepted replies, set to null
 * @param droppedKnowledge   knowledge items the model returned that were not kept (ungrounded, duplicate, unknown
 *                           kind, or from an answer that tried to instruct the interviewer)
 * @param circuitOpen        turns refused at once because the circuit breaker was open
 * @param fallbacksSignalled turns the brain gave up on (it threw, so the engine's offline brain answered)
 * @param callOutcomes       how each request ended, every {@link CallOutcome} present (zero when never seen); the
 *                           values add up to {@code calls} once no request is in flight
 * @param promptTokens       tokens the provider counted in the requests it answered (0 when it reports none)
 * @param completionTokens   tokens the provider counted in its replies (0 when it reports none)
 */
public record LlmBrainMetrics(
        long turns,
        long calls,
        long retries,
        long reAsks,
        long validationFailures,
        long repairs,
        long droppedValues,
        long droppedKnowledge,
        long circuitOpen,
        long fallbacksSignalled,
        Map<CallOutcome, Long> callOutcomes,
        long promptTokens,
        long completionTokens) {

    public LlmBrainMetrics {
        Objects.requireNonNull(callOutcomes, "callOutcomes");
        EnumMap<CallOutcome, Long> all = new EnumMap<>(CallOutcome.class);
        for (CallOutcome outcome : CallOutcome.values()) {
            all.put(outcome, Objects.requireNonNullElse(callOutcomes.get(outcome), 0L));
        }
        callOutcomes = Map.copyOf(all);
    }

    /** Requests to the provider that ended with {@code outcome}. */
    public long calls(CallOutcome outcome) {
        return callOutcomes.get(Objects.requireNonNull(outcome, "outcome"));
    }

    /** How one request to the provider ended. */
    public enum CallOutcome {
        /** The provider answered (whether or not the reply then passed validation). */
        OK("ok"),
        /** 429. */
        RATE_LIMITED("rate_limited"),
        /** 5xx. */
        SERVER_ERROR("server_error"),
        /** No answer within the call timeout (or 408). */
        TIMEOUT("timeout"),
        /** Connection refused, reset or the host unknown. */
        NETWORK_ERROR("network_error"),
        /** 401 or 403: the key was refused. */
        AUTHENTICATION_ERROR("authentication_error"),
        /** Another 4xx, a malformed response, or any other failure. */
        CLIENT_ERROR("client_error");

        private final String code;

        CallOutcome(String code) {
            this.code = code;
        }

        /** The stable lower-case code, e.g. {@code rate_limited}. */
        public String code() {
            return code;
        }
    }
}
