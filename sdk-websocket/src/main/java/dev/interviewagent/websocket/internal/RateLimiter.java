package dev.interviewagent.websocket.internal;

import java.time.Clock;

/**
 * A token bucket: {@code perSecond} tokens a second on average, bursts up to {@code burst}. One per connection (its
 * frames), and one per client address for its frames and for its starts, shared by the address's connections, so
 * it is thread-safe. Time comes from the injected clock, so tests move it instead of sleeping.
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
    synchronized boolean tryAcquire() {
        refill();
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }

    /** Whether the bucket is full again, so forgetting it would change nothing. */
    synchronized boolean isFull() {
        refill();
        return tokens >= burst;
    }

    private void refill() {
        long now = clock.millis();
        // a clock stepped back refills nothing instead of draining the bucket
        tokens = Math.min(burst, tokens + Math.max(0, now - last) * perMilli);
        last = now;
    }
}
