package dev.interviewagent.core.internal.brain.llm;

import java.time.Duration;

/** Waits between retries. Injected so tests can record waits instead of spending them. */
@FunctionalInterface
interface Sleeper {

    /** Waits on the calling thread (a brain worker thread, never a channel's). */
    Sleeper SYSTEM = duration -> java.util.concurrent.TimeUnit.NANOSECONDS.sleep(duration.toNanos());

    void sleep(Duration duration) throws InterruptedException;
}
