package dev.interviewagent.persistence.redis;

import dev.interviewagent.persistence.JdbcInterviewStore;
import dev.interviewagent.persistence.MessageDeduplicator;
import dev.interviewagent.persistence.internal.DeduplicationArguments;
import dev.interviewagent.persistence.redis.internal.RedisUnavailable;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import redis.clients.jedis.params.SetParams;

/**
 * Message de-duplication in Redis ({@code SET key 1 NX PX ttl}), falling back to another deduplicator (usually the
 * {@link JdbcInterviewStore}) while Redis is unavailable. Ids recorded only in the fallback during an outage are not
 * known to Redis afterwards; the store's per-interview message-id check still stops a repeated answer. Thread-safe.
 */
public final class RedisMessageDeduplicator implements MessageDeduplicator {

    private final RedisConnection redis;
    private final MessageDeduplicator fallback;
    private final AtomicLong fallbacks = new AtomicLong();

    /**
     * @param redis    the connection
     * @param fallback used while Redis is unavailable
     */
    public RedisMessageDeduplicator(RedisConnection redis, MessageDeduplicator fallback) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.fallback = Objects.requireNonNull(fallback, "fallback");
    }

    /** Calls answered by the fallback because Redis was unavailable. */
    public long fallbacks() {
        return fallbacks.get();
    }

    @Override
    public boolean firstSeen(String scope, String messageId, Duration ttl) {
        DeduplicationArguments.check(scope, messageId, ttl);
        if (redis.usable()) {
            try {
                String reply = redis.run(j -> j.set(redis.key("msg", scope + ":" + messageId), "1",
                        SetParams.setParams().nx().px(ttl.toMillis())));
                return "OK".equals(reply);
            } catch (RedisUnavailable e) {
                // fall through
            }
        }
        fallbacks.incrementAndGet();
        return fallback.firstSeen(scope, messageId, ttl);
    }
}
