package dev.interviewagent.voice;

import java.time.Duration;

/**
 * Waits between polls and retries. Injected so tests can move a fake clock instead of sleeping.
 *
 * <p>{@link #SYSTEM} sleeps the calling thread. Implementations must throw {@link InterruptedException} when
 * interrupted.
 */
@FunctionalInterface
public interface Sleeper {

    /** Sleeps the calling thread with {@link Thread#sleep(long)}. */
    Sleeper SYSTEM = duration -> Thread.sleep(duration.toMillis());

    /**
     * Waits for the given time.
     *
     * @throws InterruptedException if the thread is interrupted while waiting
     */
    void sleep(Duration duration) throws InterruptedException;
}
