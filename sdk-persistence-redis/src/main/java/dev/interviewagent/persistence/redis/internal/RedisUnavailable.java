package dev.interviewagent.persistence.redis.internal;

/** Redis could not serve a call (down, timed out, or skipped during an outage); the caller falls back. */
public final class RedisUnavailable extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RedisUnavailable(String message, Throwable cause) {
        super(message, cause, false, false);
    }

    public RedisUnavailable(String message) {
        super(message, null, false, false);
    }
}
