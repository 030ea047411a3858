package dev.interviewagent.core.resilience;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Waits between attempts and polls. Injected wherever the SDK waits, so tests can move a fake clock (or record the
 * waits) instead of sleeping. Implementations must throw {@link InterruptedException} when interrupted.
 */
@FunctionalInterface
public interface Sleeper {

    /** Sleeps the calling thread. */
    Sleeper SYSTEM = duration -> TimeUnit.NANOSECONDS.sleep(duration.toNanos());

    /**
     * Waits for {@code duration}.
     *
     * @throws InterruptedException if the thread is interrupted while waiting
     */
    void sleep(Duration duration) throws InterruptedException;
}
