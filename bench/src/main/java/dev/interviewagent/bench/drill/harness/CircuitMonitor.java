package dev.interviewagent.bench.drill.harness;

import dev.interviewagent.llm.CircuitState;
import dev.interviewagent.llm.LlmBrain;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Samples an LLM brain's circuit breaker every 10 ms and keeps the sequence of states it went through. */
public final class CircuitMonitor implements AutoCloseable {

    private final LlmBrain brain;
    private final List<CircuitState> states = new ArrayList<>();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "circuit-monitor");
        t.setDaemon(true);
        return t;
    });

    public CircuitMonitor(LlmBrain brain) {
        this.brain = brain;
        sampler.scheduleAtFixedRate(this::sample, 0, 10, TimeUnit.MILLISECONDS);
    }

    private synchronized void sample() {
        CircuitState now = brain.circuitState();
        if (states.isEmpty() || states.get(states.size() - 1) != now) {
            states.add(now);
        }
    }

    public synchronized CircuitState current() {
        return brain.circuitState();
    }

    /** The states seen, without repeats, e.g. [CLOSED, OPEN, HALF_OPEN, CLOSED]. */
    public synchronized List<CircuitState> states() {
        return List.copyOf(states);
    }

    /** Whether the circuit opened and later closed again. */
    public synchronized boolean openedAndClosed() {
        int open = states.indexOf(CircuitState.OPEN);
        return open >= 0 && states.subList(open, states.size()).contains(CircuitState.CLOSED);
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }
}
