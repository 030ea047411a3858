package dev.interviewagent.samples.rest.admin;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Map;

/**
 * The operator's summary: the engine's counters since start and how many interviews the store holds by status.
 *
 * @param engine     the engine's counters since this process started
 * @param interviews interviews in the store by status, counted up to {@code countLimit} each
 * @param countLimit the most counted per status; a count equal to it means "at least"
 * @param brain      which brain phrases the questions
 */
@Schema(name = "MetricsSummary", description = "The engine's counters since start and the interviews in the store by"
        + " status (Prometheus has the full set at /actuator/prometheus).")
public record MetricsView(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) EngineCounters engine,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Map<String, Integer> interviews,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) int countLimit,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String brain) {

    /**
     * {@link dev.interviewagent.core.EngineMetrics}.
     *
     * @param started        interviews started
     * @param answers        answers and commands handled (excluding duplicates)
     * @param duplicates     repeated message ids answered from the log
     * @param brainFallbacks turns the offline brain phrased because the configured brain failed
     * @param guardRepairs   brain messages repaired by the one-question guard
     * @param conflicts      version conflicts retried
     * @param recoveries     replies regenerated after a crash
     * @param completed      interviews that ended
     * @param rejected       inputs rejected
     */
    @Schema(name = "EngineCounters", description = "The engine's counters since this process started.")
    public record EngineCounters(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) long started,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) long answers,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) long duplicates,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) long brainFallbacks,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) long guardRepairs,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) long conflicts,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) long recoveries,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) long completed,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) long rejected) {
    }
}
