package dev.interviewagent.spring.boot;

import dev.interviewagent.core.spi.InterviewerBrain;
import dev.interviewagent.llm.LlmBrain;
import dev.interviewagent.llm.LlmBrainMetrics;
import java.util.Map;

/**
 * The health details of a brain with sdk-llm on the classpath: the LLM brain's model, circuit state and counters.
 * Only referenced from configurations conditional on sdk-llm, so hosts without it never load {@link LlmBrain}.
 */
final class LlmBrainHealthDetails {

    private LlmBrainHealthDetails() {
    }

    static Map<String, Object> of(InterviewerBrain brain) {
        Map<String, Object> details = InterviewHealthIndicator.brainId(brain);
        if (brain instanceof LlmBrain llm) {
            LlmBrainMetrics metrics = llm.metrics();
            details.put("model", llm.description());
            details.put("circuit", llm.circuitOpen() ? "open" : "closed");
            details.put("turns", metrics.turns());
            details.put("calls", metrics.calls());
            details.put("retries", metrics.retries());
            details.put("fallbacks", metrics.fallbacksSignalled());
            details.put("refusedWhileOpen", metrics.circuitOpen());
        }
        return details;
    }
}
