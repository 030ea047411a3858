package dev.interviewagent.llm.internal;

import dev.interviewagent.llm.LlmBrainMetrics;
import dev.interviewagent.llm.LlmBrainMetrics.CallOutcome;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.jspecify.annotations.Nullable;

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
    final AtomicLong promptTokens = new AtomicLong();
    final AtomicLong completionTokens = new AtomicLong();
    private final AtomicLongArray outcomes = new AtomicLongArray(CallOutcome.values().length);

    void callEnded(CallOutcome outcome) {
        outcomes.incrementAndGet(outcome.ordinal());
    }

    /** Adds the provider's token counts of one reply; a count it did not report is null and adds nothing. */
    void tokens(@Nullable Integer prompt, @Nullable Integer completion) {
        if (prompt != null && prompt > 0) {
            promptTokens.addAndGet(prompt);
        }
        if (completion != null && completion > 0) {
            completionTokens.addAndGet(completion);
        }
    }

    static CallOutcome outcomeOf(ModelCallException.Kind kind) {
        return switch (kind) {
            case RATE_LIMITED -> CallOutcome.RATE_LIMITED;
            case SERVER -> CallOutcome.SERVER_ERROR;
            case TIMEOUT -> CallOutcome.TIMEOUT;
            case NETWORK -> CallOutcome.NETWORK_ERROR;
            case AUTHENTICATION -> CallOutcome.AUTHENTICATION_ERROR;
            case CLIENT -> CallOutcome.CLIENT_ERROR;
        };
    }

    LlmBrainMetrics snapshot() {
        Map<CallOutcome, Long> byOutcome = new EnumMap<>(CallOutcome.class);
        for (CallOutcome outcome : CallOutcome.values()) {
            byOutcome.put(outcome, outcomes.get(outcome.ordinal()));
        }
        return new LlmBrainMetrics(turns.get(), calls.get(), retries.get(), reAsks.get(), validationFailures.get(),
                repairs.get(), droppedValues.get(), droppedKnowledge.get(), circuitOpen.get(),
                fallbacksSignalled.get(), byOutcome, promptTokens.get(), completionTokens.get());
    }
}
