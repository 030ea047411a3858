package dev.interviewagent.websocket.internal;

import java.time.Clock;

/**
 * A token bucket for one connection: {@code perSecond} frames a second on average, bursts up to {@code burst}.
 * Time comes from the injected clock, so tests move it instead of sleeping. Confined to the connection's message
 * thread (the container delivers one message of a session at a time).
 */
final class RateLimiter {

    private final double perMilli;
    private final double burst;
    private final Clock clock;
    private double tokens;
    private long last;

    RateLimiter(double perSecond, int burst, Clock clock) {
        this.perMilli = perSecond / 1e3;
        this.burst = burst;
        this.clock = clock;
        this.tokens = burst;
        this.last = clock.millis();
    }

    /** Takes one token; false when the bucket is empty. */
    boolean tryAcquire() {
        long now = clock.millis();
        // a clock stepped back refills nothing instead of draining the bucket
        tokens = Math.min(burst, tokens + Math.max(0, now - last) * perMilli);
        last = now;
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }
}
