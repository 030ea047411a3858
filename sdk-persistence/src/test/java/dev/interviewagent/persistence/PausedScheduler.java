package dev.interviewagent.persistence;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * A scheduler whose only thread is stuck until {@link #close()}, as on a node paused by a long GC or a stalled VM:
 * lease renewals scheduled on it never run.
 */
public final class PausedScheduler implements AutoCloseable {

    public final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    private final CountDownLatch resume = new CountDownLatch(1);

    public PausedScheduler() {
        executor.execute(() -> {
            try {
                resume.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    @Override
    public void close() {
        resume.countDown();
        executor.shutdownNow();
    }
}
