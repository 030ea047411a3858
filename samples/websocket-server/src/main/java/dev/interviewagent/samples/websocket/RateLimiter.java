package dev.interviewagent.samples.websocket;

import java.util.function.LongSupplier;

/**
 * A token bucket for one connection: {@code perSecond} frames a second on average, bursts up to {@code burst}.
 * Confined to the connection's message thread (the container delivers one message of a session at a time).
 */
final class RateLimiter {

    private final double perNano;
    private final double burst;
    private final LongSupplier nanos;
    private double tokens;
    private long last;

    RateLimiter(double perSecond, int burst, LongSupplier nanos) {
        this.perNano = perSecond / 1e9;
        this.burst = burst;
        this.nanos = nanos;
        this.tokens = burst;
        this.last = nanos.getAsLong();
    }

    /** Takes one token; false when the bucket is empty. */
    boolean tryAcquire() {
        long now = nanos.getAsLong();
        tokens = Math.min(burst, tokens + (now - last) * perNano);
        last = now;
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }
}
