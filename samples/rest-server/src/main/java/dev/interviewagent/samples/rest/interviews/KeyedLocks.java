package dev.interviewagent.samples.rest.interviews;

import dev.interviewagent.core.exception.ConcurrentTurnException;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * One lock per interview in this process, held while an answer's key is checked and the answer is taken, so two
 * requests with the same {@code Idempotency-Key} and different answers cannot both pass the check. Locks exist only
 * while someone holds or waits for them. (Across several server processes the engine's own lock still serialises
 * turns, and a repeated key with the same answer is still answered once; only that check of a key reused with
 * another answer is per process.)
 */
final class KeyedLocks {

    private static final class Entry {
        final ReentrantLock lock = new ReentrantLock();
        int users;
    }

    private final ConcurrentHashMap<String, Entry> locks = new ConcurrentHashMap<>();
    private final Duration timeout;

    KeyedLocks(Duration timeout) {
        this.timeout = timeout;
    }

    /**
     * Runs {@code action} holding the lock of {@code key}.
     *
     * @throws ConcurrentTurnException if the lock was not free within the timeout (the client repeats later)
     */
    <T> T withLock(String key, Supplier<T> action) {
        Entry entry = locks.compute(key, (k, existing) -> {
            Entry e = existing == null ? new Entry() : existing;
            e.users++;
            return e;
        });
        try {
            if (!entry.lock.tryLock(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new ConcurrentTurnException("another request of this interview is still running");
            }
            try {
                return action.get();
            } finally {
                entry.lock.unlock();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConcurrentTurnException("interrupted while waiting for the interview", e);
        } finally {
            locks.compute(key, (k, e) -> --e.users == 0 ? null : e);
        }
    }

    /** How many interviews have a lock now (for tests). */
    int size() {
        return locks.size();
    }
}
