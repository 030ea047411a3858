package dev.interviewagent.core.internal.lock;

import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.exception.ConcurrentTurnException;
import dev.interviewagent.core.spi.InterviewLock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * In-process lock striped over a fixed array of fair locks: bounded memory however many interviews pass through,
 * and FIFO order for the turns of one interview. Two interviews may share a stripe and then wait for each other
 * briefly; with 1,024 stripes that is rare and harmless.
 */
public final class LocalInterviewLock implements InterviewLock {

    private static final int STRIPES = 1024;

    private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];

    public LocalInterviewLock() {
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new ReentrantLock(true);
        }
    }

    @Override
    public Lease acquire(InterviewId id, Duration timeout) {
        ReentrantLock lock = stripes[Math.floorMod(id.hashCode(), STRIPES)];
        try {
            if (!lock.tryLock(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new ConcurrentTurnException("interview " + id + " is busy with another turn");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConcurrentTurnException("interrupted while waiting for interview " + id, e);
        }
        return new Lease() {
            private boolean released;

            @Override
            public void close() {
                if (!released) {
                    released = true;
                    lock.unlock();
                }
            }
        };
    }
}
