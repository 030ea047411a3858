package dev.interviewagent.core;

/**
 * A snapshot of an engine's counters since it was built. Immutable.
 *
 * @param started        interviews started
 * @param answers        answers and commands handled (excluding duplicates)
 * @param duplicates     repeated message ids answered from the log
 * @param brainFallbacks turns the offline brain phrased because the configured brain failed
 * @param guardRepairs   brain messages repaired by the one-question guard
 * @param conflicts      version conflicts retried (another writer won)
 * @param recoveries     replies regenerated after a crash between an answer and its reply
 * @param completed      interviews that ended (any reason)
 * @param rejected       inputs rejected (empty, too large, closed interview …)
 */
public record EngineMetrics(
        long started,
        long answers,
        long duplicates,
        long brainFallbacks,
        long guardRepairs,
        long conflicts,
        long recoveries,
        long completed,
        long rejected) {
}
