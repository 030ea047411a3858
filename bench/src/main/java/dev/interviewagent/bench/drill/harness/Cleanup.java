package dev.interviewagent.bench.drill.harness;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What a drill started, closed in reverse order when the drill ends — also when it fails, and (through a shutdown
 * hook) when the runner is interrupted, so no server, database or browser outlives it.
 */
public final class Cleanup implements AutoCloseable {

    private final Deque<AutoCloseable> resources = new ArrayDeque<>();
    private final Thread hook = new Thread(this::closeQuietly, "drill-cleanup");

    public Cleanup() {
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Registers {@code resource} to be closed with the others; returns it. */
    public synchronized <T extends AutoCloseable> T add(T resource) {
        resources.push(resource);
        return resource;
    }

    @Override
    public void close() {
        closeQuietly();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook runs this anyway
        }
    }

    private void closeQuietly() {
        while (true) {
            AutoCloseable next;
            synchronized (this) {
                next = resources.poll();
            }
            if (next == null) {
                return;
            }
            try {
                next.close();
            } catch (Exception e) {
                System.err.println("drill cleanup: " + next + ": " + e);
            }
        }
    }
}
