package dev.interviewagent.persistence;

import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.exception.ConcurrentTurnException;
import dev.interviewagent.core.spi.InterviewLock;
import dev.interviewagent.persistence.internal.redis.RedisUnavailable;
import dev.interviewagent.persistence.internal.redis.Scripts;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.params.SetParams;

/**
 * A per-interview lock across nodes: {@code SET key token NX PX lease} with a random token, released by a Lua
 * compare-and-delete so a node never frees another's lock. Waiting is bounded by the caller's timeout, polling with
 * capped exponential back-off and jitter.
 *
 * <p>Threads of one node first queue on an in-process lock, so only one of them polls Redis per interview. When Redis
 * is unavailable the in-process lock alone is used: nodes may then overlap on one interview, but every write is
 * still fenced by the stored version (a loser gets {@link ConcurrentTurnException} and the engine retries), so no
 * turn is lost or duplicated. The lease bounds how long a crashed node blocks an interview; a turn longer than the
 * lease is likewise protected by fencing.
 *
 * <p>Thread-safe. {@link #acquire} blocks up to its timeout.
 */
public final class RedisInterviewLock implements InterviewLock {

    /** Default lease: how long a lock lives if its holder dies without releasing it. */
    public static final Duration DEFAULT_LEASE = Duration.ofSeconds(30);
    /** Default first back-off between polls. */
    public static final Duration DEFAULT_MIN_BACKOFF = Duration.ofMillis(1);
    /** Default longest back-off between polls. */
    public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofMillis(25);

    private static final Logger log = LoggerFactory.getLogger(RedisInterviewLock.class);

    private final RedisConnection redis;
    private final InterviewLock local;
    private final long leaseMillis;
    private final long minBackoffNanos;
    private final long maxBackoffNanos;
    private final SecureRandom tokens = new SecureRandom();
    private final AtomicLong acquired = new AtomicLong();
    private final AtomicLong contended = new AtomicLong();
    private final AtomicLong fallbacks = new AtomicLong();
    private final AtomicLong timeouts = new AtomicLong();

    private RedisInterviewLock(Builder b) {
        this.redis = Objects.requireNonNull(b.redis);
        this.local = b.local;
        this.leaseMillis = b.lease.toMillis();
        this.minBackoffNanos = b.minBackoff.toNanos();
        this.maxBackoffNanos = b.maxBackoff.toNanos();
    }

    /** A builder; {@link Builder#redis} is required. */
    public static Builder builder() {
        return new Builder();
    }

    /** A lock on {@code redis} with defaults. */
    public static RedisInterviewLock of(RedisConnection redis) {
        return builder().redis(redis).build();
    }

    /**
     * Lock counters.
     *
     * @param acquired  locks taken in Redis
     * @param contended polls that found the lock held by someone else
     * @param fallbacks locks granted in-process only because Redis was unavailable
     * @param timeouts  acquisitions that gave up
     */
    public record Metrics(long acquired, long contended, long fallbacks, long timeouts) {
    }

    public Metrics metrics() {
        return new Metrics(acquired.get(), contended.get(), fallbacks.get(), timeouts.get());
    }

    @Override
    public Lease acquire(InterviewId id, Duration timeout) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(timeout, "timeout");
        long deadline = System.nanoTime() + timeout.toNanos();
        Lease localLease = local.acquire(id, timeout);
        String key = redis.key("lock", id.value());
        byte[] raw = new byte[16];
        tokens.nextBytes(raw);
        String token = HexFormat.of().formatHex(raw);
        long backoff = minBackoffNanos;
        try {
            while (true) {
                if (!redis.usable()) {
                    fallbacks.incrementAndGet();
                    return localLease;
                }
                String reply;
                try {
                    reply = redis.run(j -> j.set(key, token, SetParams.setParams().nx().px(leaseMillis)));
                } catch (RedisUnavailable e) {
                    fallbacks.incrementAndGet();
                    log.debug("{} lock in-process only: redis unavailable", id);
                    return localLease;
                }
                if ("OK".equals(reply)) {
                    acquired.incrementAndGet();
                    return new RedisLease(key, token, localLease);
                }
                contended.incrementAndGet();
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    timeouts.incrementAndGet();
                    throw new ConcurrentTurnException("interview " + id + " is busy on another node");
                }
                long pause = Math.min(remaining, backoff + ThreadLocalRandom.current().nextLong(backoff / 2 + 1));
                LockSupport.parkNanos(pause);
                if (Thread.interrupted()) {
                    Thread.currentThread().interrupt();
                    throw new ConcurrentTurnException("interrupted while waiting for interview " + id);
                }
                backoff = Math.min(maxBackoffNanos, backoff * 2);
            }
        } catch (RuntimeException e) {
            localLease.close();
            throw e;
        }
    }

    private final class RedisLease implements Lease {
        private final String key;
        private final String token;
        private final Lease localLease;
        private boolean released;

        RedisLease(String key, String token, Lease localLease) {
            this.key = key;
            this.token = token;
            this.localLease = localLease;
        }

        @Override
        public void close() {
            if (released) {
                return;
            }
            released = true;
            try {
                redis.run(j -> j.eval(Scripts.COMPARE_AND_DELETE, 1, key, token));
            } catch (RedisUnavailable e) {
                log.debug("lock release skipped: redis unavailable (the lease expires by itself)");
            } finally {
                localLease.close();
            }
        }
    }

    /** Builds a {@link RedisInterviewLock}. Not thread-safe. */
    public static final class Builder {
        private @Nullable RedisConnection redis;
        private InterviewLock local = InterviewLock.local();
        private Duration lease = DEFAULT_LEASE;
        private Duration minBackoff = DEFAULT_MIN_BACKOFF;
        private Duration maxBackoff = DEFAULT_MAX_BACKOFF;

        private Builder() {
        }

        public Builder redis(RedisConnection redis) {
            this.redis = Objects.requireNonNull(redis, "redis");
            return this;
        }

        /** The in-process lock taken first (and alone during an outage). Default: {@link InterviewLock#local()}. */
        public Builder local(InterviewLock local) {
            this.local = Objects.requireNonNull(local, "local");
            return this;
        }

        /** Lock lifetime. Default: {@link #DEFAULT_LEASE}. Must be &ge; 100 ms; make it longer than a turn. */
        public Builder lease(Duration lease) {
            Objects.requireNonNull(lease, "lease");
            if (lease.toMillis() < 100) {
                throw new IllegalArgumentException("lease must be >= 100ms, was " + lease);
            }
            this.lease = lease;
            return this;
        }

        /** Back-off bounds between polls. Defaults: {@link #DEFAULT_MIN_BACKOFF}, {@link #DEFAULT_MAX_BACKOFF}. */
        public Builder backoff(Duration min, Duration max) {
            Objects.requireNonNull(min, "min");
            Objects.requireNonNull(max, "max");
            if (min.isNegative() || min.isZero() || max.compareTo(min) < 0) {
                throw new IllegalArgumentException("backoff needs 0 < min <= max, was " + min + ", " + max);
            }
            this.minBackoff = min;
            this.maxBackoff = max;
            return this;
        }

        /** @throws IllegalStateException if redis is missing */
        public RedisInterviewLock build() {
            if (redis == null) {
                throw new IllegalStateException("redis is required");
            }
            return new RedisInterviewLock(this);
        }
    }
}
