package dev.interviewagent.core.internal.brain.llm;

import dev.interviewagent.core.brain.LlmBrainMetrics;
import java.util.concurrent.atomic.AtomicLong;

/** The brain's counters; lock-free, shared by all interviews the brain serves. */
final class LlmCounters {
    final AtomicLong turns = new AtomicLong();
    final AtomicLong calls = new AtomicLong();
    final AtomicLong retries = new AtomicLong();
    final AtomicLong reAsks = new AtomicLong();
    final AtomicLong validationFailures = new AtomicLong();
    final AtomicLong repairs = new AtomicLong();
    final AtomicLong droppedValues = new AtomicLong();
    final AtomicLong droppedKnowledge = new AtomicLong();
    final AtomicLong circuitOpen = new AtomicLong();
    final AtomicLong fallbacksSignalled = new AtomicLong();

    LlmBrainMetrics snapshot() {
        return new LlmBrainMetrics(turns.get(), calls.get(), retries.get(), reAsks.get(), validationFailures.get(),
                repairs.get(), droppedValues.get(), droppedKnowledge.get(), circuitOpen.get(),
                fallbacksSignalled.get());
    }
}
