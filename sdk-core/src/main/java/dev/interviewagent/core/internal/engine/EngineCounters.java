package dev.interviewagent.core.internal.engine;

import dev.interviewagent.core.EngineMetrics;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The engine's own running totals behind {@code InterviewEngine.metrics()}. They are kept even without an
 * {@link dev.interviewagent.core.metrics.EngineObserver}, so a host without a metrics library still sees how its
 * engine is doing. Thread-safe.
 */
public final class EngineCounters {

    private final AtomicLong started = new AtomicLong();
    private final AtomicLong answers = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong fallbacks = new AtomicLong();
    private final AtomicLong repairs = new AtomicLong();
    private final AtomicLong conflicts = new AtomicLong();
    private final AtomicLong recoveries = new AtomicLong();
    private final AtomicLong completed = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();

    public void started() {
        started.incrementAndGet();
    }

    /** An answer or command was handled (a repeated message id is counted as a duplicate instead). */
    public void answered() {
        answers.incrementAndGet();
    }

    public void duplicate() {
        duplicates.incrementAndGet();
    }

    public void brainFallback() {
        fallbacks.incrementAndGet();
    }

    public void guardRepair() {
        repairs.incrementAndGet();
    }

    public void conflict() {
        conflicts.incrementAndGet();
    }

    public void recovery() {
        recoveries.incrementAndGet();
    }

    public void completed() {
        completed.incrementAndGet();
    }

    public void rejected() {
        rejected.incrementAndGet();
    }

    public EngineMetrics snapshot() {
        return new EngineMetrics(started.get(), answers.get(), duplicates.get(), fallbacks.get(), repairs.get(),
                conflicts.get(), recoveries.get(), completed.get(), rejected.get());
    }
}
