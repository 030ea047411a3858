package dev.interviewagent.websocket.internal;

import java.util.ArrayDeque;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs turns — everything that calls the engine or speech-to-text — on a bounded pool of its own, off the
 * container's threads, so a slow brain or a long transcription never holds a thread the container needs for
 * handshakes, pings or pages. Each connection has a {@link Lane}: its frames run one at a time in arrival order, and
 * a lane takes one pool slot at a time, so one busy connection cannot crowd out the others. At most
 * {@code threads + queued} turns are accepted at once, and at most {@link #MAX_WAITING_PER_CONNECTION} per
 * connection; beyond that a frame is refused (the caller answers {@code busy}). Thread-safe.
 */
final class TurnExecutor {

    private static final Logger log = LoggerFactory.getLogger(TurnExecutor.class);

    /** Frames one connection may have waiting or running. */
    static final int MAX_WAITING_PER_CONNECTION = 16;

    private final ThreadPoolExecutor pool;
    private final int capacity;
    private final Semaphore accepted;

    TurnExecutor(int threads, int queued) {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory factory = runnable -> {
            Thread thread = new Thread(runnable, "ia-ws-turn-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        // the queue holds at most one entry per lane and the semaphore bounds the lanes' tasks, so it is bounded
        this.pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                factory);
        this.pool.allowCoreThreadTimeOut(true);
        this.capacity = threads + queued;
        this.accepted = new Semaphore(capacity);
    }

    Lane lane() {
        return new Lane();
    }

    /** Turns accepted and not yet done. */
    int inFlight() {
        return capacity - accepted.availablePermits();
    }

    /** Starts no more turns; those running finish on their threads. */
    void close() {
        pool.shutdown();
    }

    /** One connection's frames, in order, one at a time. */
    final class Lane {
        private record Task(Runnable work, Runnable discard) {
        }

        private final ArrayDeque<Task> tasks = new ArrayDeque<>();
        private int unfinished;   // waiting and running
        private boolean scheduled;

        /**
         * Accepts {@code work} to run after this lane's earlier work; {@code discard} runs instead if the executor
         * closes first.
         *
         * @return false, having run nothing, when the connection or the executor has too many turns already
         */
        boolean submit(Runnable work, Runnable discard) {
            boolean schedule;
            synchronized (this) {
                if (unfinished >= MAX_WAITING_PER_CONNECTION || pool.isShutdown() || !accepted.tryAcquire()) {
                    return false;
                }
                unfinished++;
                tasks.add(new Task(work, discard));
                schedule = !scheduled;
                scheduled = true;
            }
            if (schedule) {
                schedule();
            }
            return true;
        }

        private void schedule() {
            try {
                pool.execute(this::runOne);
            } catch (RejectedExecutionException e) {
                discardAll();
            }
        }

        private void runOne() {
            Task task;
            synchronized (this) {
                task = tasks.poll();
            }
            try {
                if (task != null) {
                    task.work().run();
                }
            } catch (RuntimeException e) {
                log.error("a WebSocket turn failed", e);
            } finally {
                if (task != null) {
                    accepted.release();
                }
                boolean more;
                synchronized (this) {
                    if (task != null) {
                        unfinished--;
                    }
                    more = !tasks.isEmpty();
                    scheduled = more;
                }
                if (more) {
                    schedule();   // to the back of the pool's queue: other connections go first
                }
            }
        }

        private void discardAll() {
            while (true) {
                Task task;
                synchronized (this) {
                    task = tasks.poll();
                    if (task == null) {
                        scheduled = false;
                        return;
                    }
                    unfinished--;
                }
                try {
                    task.discard().run();
                } finally {
                    accepted.release();
                }
            }
        }
    }
}
