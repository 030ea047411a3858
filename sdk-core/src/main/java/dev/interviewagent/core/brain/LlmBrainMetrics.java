package dev.interviewagent.core.brain;

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
        long fallbacksSignalled) {
}
