package dev.interviewagent.spring.boot;

import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.persistence.InterviewStorage;
import java.util.Objects;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the store stack's retention sweeps while the application runs: the first when the context has started, then
 * every {@code interview.retention.sweep-every}, until the context stops. Does nothing unless
 * {@code interview.retention.enabled} is true. Sweeps abandon interviews idle longer than
 * {@code interview.retention.abandon-after} and purge archived ones after
 * {@code interview.retention.purge-archived-after-days}; see {@link InterviewStorage#startRetention}.
 */
public final class InterviewRetention implements SmartLifecycle {

    private final InterviewStorage storage;
    private final InterviewEngine engine;
    private boolean running;

    /**
     * @param storage the store stack whose policy applies
     * @param engine  the engine that marks idle interviews abandoned
     */
    public InterviewRetention(InterviewStorage storage, InterviewEngine engine) {
        this.storage = Objects.requireNonNull(storage, "storage");
        this.engine = Objects.requireNonNull(engine, "engine");
    }

    @Override
    public synchronized void start() {
        if (!running) {
            running = storage.startRetention(engine);
        }
    }

    @Override
    public synchronized void stop() {
        if (running) {
            storage.stopRetention();
            running = false;
        }
    }

    /** Whether sweeps are scheduled (false when retention is off). */
    @Override
    public synchronized boolean isRunning() {
        return running;
    }
}
