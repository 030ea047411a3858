package dev.interviewagent.telegram.internal;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the tasks of one key (a chat) one after another in submission order, and tasks of different keys in
 * parallel on a shared (bounded) executor. Keeps no entry for an idle key.
 */
public final class KeyedSerialExecutor {

    private static final Logger log = LoggerFactory.getLogger(KeyedSerialExecutor.class);

    private final Executor executor;
    private final ConcurrentHashMap<String, CompletableFuture<Void>> tails = new ConcurrentHashMap<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition idle = lock.newCondition();
    private int inFlight;

    public KeyedSerialExecutor(Executor executor) {
        this.executor = executor;
    }

    /** Queues {@code task} behind the earlier tasks of {@code key}. Never throws for a failing task. */
    public void submit(String key, Runnable task) {
        lock.lock();
        try {
            inFlight++;
        } finally {
            lock.unlock();
        }
        CompletableFuture<Void> next;
        try {
            next = tails.compute(key, (k, previous) ->
                    (previous == null ? CompletableFuture.<Void>completedFuture(null) : previous)
                            .handleAsync((ignored, failure) -> {
                                run(task);
                                return null;
                            }, executor));
        } catch (RejectedExecutionException e) {
            log.warn("chat task rejected: the executor is shut down or full");
            done();
            return;
        }
        next.whenComplete((ignored, failure) -> {
            tails.remove(key, next);
            done();
        });
    }

    private void done() {
        lock.lock();
        try {
            inFlight--;
            if (inFlight == 0) {
                idle.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    private static void run(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            log.error("chat task failed", e);
        }
    }

    /** Waits until every submitted task has run. Returns false on timeout. */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long nanos = timeout.toNanos();
        lock.lock();
        try {
            while (inFlight > 0) {
                if (nanos <= 0) {
                    return false;
                }
                nanos = idle.awaitNanos(nanos);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Number of keys with queued or running work. */
    public int activeKeys() {
        return tails.size();
    }
}
