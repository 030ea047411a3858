package dev.interviewagent.core.internal.lock;

import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.exception.ConcurrentTurnException;
import dev.interviewagent.core.spi.InterviewLock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * In-process lock with one fair lock per interview: turns of one interview run one at a time in arrival order, and
 * turns of different interviews never wait for each other (a shared stripe would make an answer wait behind an
 * unrelated interview's model call and fail with {@code busy}). An interview's entry exists only while some thread
 * holds or waits for it — it is counted in and out under the map's per-key atomicity — so memory follows the turns
 * in flight, not the interviews seen.
 *
 * <p>Thread-safe. A lease is released on the thread that acquired it (as the engine does).
 */
public final class LocalInterviewLock implements InterviewLock {

    private final ConcurrentHashMap<InterviewId, Entry> entries = new ConcurrentHashMap<>();

    /** One interview's lock and how many threads hold or wait for it. */
    private static final class Entry {
        final ReentrantLock lock = new ReentrantLock(true);
        int users;      // changed only inside compute/computeIfPresent for this key
    }

    @Override
    public Lease acquire(InterviewId id, Duration timeout) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(timeout, "timeout");
        Entry entry = entries.compute(id, (key, existing) -> {
            Entry e = existing == null ? new Entry() : existing;
            e.users++;
            return e;
        });
        boolean locked = false;
        try {
            locked = entry.lock.tryLock(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConcurrentTurnException("interrupted while waiting for interview " + id, e);
        } finally {
            if (!locked) {
                leave(id);
            }
        }
        if (!locked) {
            throw new ConcurrentTurnException("interview " + id + " is busy with another turn");
        }
        return new LocalLease(id, entry);
    }

    /** How many interviews have a turn holding or waiting for their lock (for tests and diagnostics). */
    public int interviewsInUse() {
        return entries.size();
    }

    private void leave(InterviewId id) {
        entries.computeIfPresent(id, (key, e) -> --e.users == 0 ? null : e);
    }

    private final class LocalLease implements Lease {
        private final InterviewId id;
        private final Entry entry;
        private boolean released;

        LocalLease(InterviewId id, Entry entry) {
            this.id = id;
            this.entry = entry;
        }

        @Override
        public boolean held() {
            return !released;
        }

        @Override
        public void close() {
            if (!released) {
                released = true;
                entry.lock.unlock();
                leave(id);
            }
        }
    }
}
