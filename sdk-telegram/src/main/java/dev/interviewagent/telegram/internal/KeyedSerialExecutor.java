package dev.interviewagent.telegram.internal;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the tasks of one key (a chat) one after another in submission order, and tasks of different keys in
 * parallel on a shared (bounded) executor. A task may be asynchronous: the key's next task starts when the stage it
 * returned completes, and no thread is held while it waits (a scheduled retry, for example). Keeps no entry for an
 * idle key.
 */
public final class KeyedSerialExecutor {

    private static final Logger log = LoggerFactory.getLogger(KeyedSerialExecutor.class);
    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

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
        submitAsync(key, () -> {
            task.run();
            return DONE;
        });
    }

    /**
     * Queues an asynchronous task behind the earlier tasks of {@code key}: {@code task} is called on the executor,
     * and the key's next task waits for the stage it returns. Never throws for a failing task.
     */
    public void submitAsync(String key, Supplier<? extends CompletionStage<?>> task) {
        lock.lock();
        try {
            inFlight++;
        } finally {
            lock.unlock();
        }
        CompletableFuture<Void> next;
        try {
            // a predecessor that never ran (rejected at shutdown) does not stop the ones after it
            next = tails.compute(key, (k, previous) -> (previous == null ? DONE : previous.exceptionally(e -> null))
                    .thenComposeAsync(ignored -> start(task), executor));
        } catch (RejectedExecutionException e) {
            log.warn("chat task rejected: the executor is shut down or full");
            done();
            return;
        }
        next.whenComplete((ignored, failure) -> {
            if (failure != null) {
                log.warn("chat task not run: {}", failure.getClass().getSimpleName());
            }
            tails.remove(key, next);
            done();
        });
    }

    /** Starts a task; its failure never breaks the chain of its key. */
    private static CompletableFuture<Void> start(Supplier<? extends CompletionStage<?>> task) {
        try {
            return task.get().handle((ignored, failure) -> {
                if (failure != null) {
                    log.error("chat task failed", failure);
                }
                return (Void) null;
            }).toCompletableFuture();
        } catch (RuntimeException e) {
            log.error("chat task failed", e);
            return DONE;
        }
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

    /** Whether no task is queued or running. */
    public boolean isIdle() {
        lock.lock();
        try {
            return inFlight == 0;
        } finally {
            lock.unlock();
        }
    }

    /** Number of keys with queued or running work. */
    public int activeKeys() {
        return tails.size();
    }
}
