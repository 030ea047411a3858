package dev.interviewagent.persistence.redis;

import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.exception.ConcurrentTurnException;
import dev.interviewagent.core.spi.InterviewLock;
import dev.interviewagent.persistence.redis.internal.RedisUnavailable;
import dev.interviewagent.persistence.redis.internal.Scripts;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
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
 * <p><b>Leases are renewed while the turn runs.</b> A watchdog extends each held lease every third of the lease with
 * a Lua compare-and-extend on the holder's token, and stops when the lease is closed — so a turn may take longer
 * than the lease (a slow model, minutes of speech-to-text) without another node taking the interview over and
 * paying for the same answer again. The lease therefore only bounds how long a crashed node blocks an interview.
 * If the lease is lost anyway (the node was paused past it, Redis lost the key) and another holder took the lock,
 * {@link Lease#held()} says so and the engine does not write the turn; a lease that merely expired with nobody
 * else taking it is taken back by the next extension.
 *
 * <p>Threads of one node first queue on an in-process lock, so only one of them polls Redis per interview. When Redis
 * is unavailable the in-process lock alone is used: nodes may then overlap on one interview, but every write is
 * still fenced by the stored version (a loser gets {@link ConcurrentTurnException} and the engine retries), so no
 * turn is lost or duplicated.
 *
 * <p>Thread-safe. {@link #acquire} blocks up to its timeout. {@link #close()} stops the lock's own renewal thread
 * (not a scheduler passed to the builder).
 */
public final class RedisInterviewLock implements InterviewLock, AutoCloseable {

    /**
     * Default lease: how long a lock outlives a holder that died without releasing it. Shorter than the engine's
     * default lock timeout, so a turn waiting behind a crashed node still gets through.
     */
    public static final Duration DEFAULT_LEASE = Duration.ofSeconds(10);
    /** Default first back-off between polls. */
    public static final Duration DEFAULT_MIN_BACKOFF = Duration.ofMillis(1);
    /** Default longest back-off between polls. */
    public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofMillis(25);

    private static final Logger log = LoggerFactory.getLogger(RedisInterviewLock.class);

    /**
     * Extends KEYS[1] to ARGV[2] ms if it holds the token ARGV[1] (returns 1); takes it again if it expired and
     * nobody took it meanwhile (returns 2); returns 0 if another holder has it.
     */
    private static final String EXTEND_OR_RETAKE =
            "local v = redis.call('GET', KEYS[1]) "
            + "if v == ARGV[1] then redis.call('PEXPIRE', KEYS[1], ARGV[2]) return 1 end "
            + "if not v then redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2]) return 2 end "
            + "return 0";

    private final RedisConnection redis;
    private final InterviewLock local;
    private final long leaseMillis;
    private final long renewEveryMillis;
    private final long trustedNanos;
    private final long minBackoffNanos;
    private final long maxBackoffNanos;
    private final ScheduledExecutorService scheduler;
    private final boolean ownsScheduler;
    private final SecureRandom tokens = new SecureRandom();
    private final AtomicLong acquired = new AtomicLong();
    private final AtomicLong contended = new AtomicLong();
    private final AtomicLong fallbacks = new AtomicLong();
    private final AtomicLong timeouts = new AtomicLong();
    private final AtomicLong renewals = new AtomicLong();
    private final AtomicLong lost = new AtomicLong();
    private final LongAdder waitNanos = new LongAdder();

    private RedisInterviewLock(Builder b) {
        this.redis = Objects.requireNonNull(b.redis);
        this.local = b.local;
        this.leaseMillis = b.lease.toMillis();
        this.renewEveryMillis = Math.max(1, leaseMillis / 3);
        // Redis confirmed the key with a full lease at that moment, so for half a lease it cannot have expired.
        this.trustedNanos = TimeUnit.MILLISECONDS.toNanos(leaseMillis / 2);
        this.minBackoffNanos = b.minBackoff.toNanos();
        this.maxBackoffNanos = b.maxBackoff.toNanos();
        this.ownsScheduler = b.scheduler == null;
        this.scheduler = b.scheduler != null ? b.scheduler : newRenewalScheduler();
    }

    /** One daemon thread, started by the first renewal and ended after 30 s idle; cancelled tasks are dropped. */
    private static ScheduledExecutorService newRenewalScheduler() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "interview-lock-renewal");
            t.setDaemon(true);
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
        executor.setKeepAliveTime(30, TimeUnit.SECONDS);
        executor.allowCoreThreadTimeOut(true);
        return executor;
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
     * @param renewals  lease extensions while turns ran (by the watchdog, or by {@link Lease#held()} after a pause)
     * @param lost      leases found taken by another holder while their turn ran (the turn was not written); a
     *                  non-zero value means nodes were paused longer than the lease, or Redis lost keys
     * @param waitTime  the time {@code acquire} calls that ended acquired, fallen back or timed out spent, in all
     *                  (the in-process queue included); their number is {@code acquired + fallbacks + timeouts}
     */
    public record Metrics(long acquired, long contended, long fallbacks, long timeouts, long renewals, long lost,
                          Duration waitTime) {
        public Metrics {
            Objects.requireNonNull(waitTime, "waitTime");
        }
    }

    /** A snapshot of the counters since this lock was built. */
    public Metrics metrics() {
        return new Metrics(acquired.get(), contended.get(), fallbacks.get(), timeouts.get(), renewals.get(),
                lost.get(), Duration.ofNanos(waitNanos.sum()));
    }

    /** The connection this lock uses. */
    public RedisConnection redis() {
        return redis;
    }

    /** Stops the lock's own renewal thread; leases still held are no longer extended. Idempotent. */
    @Override
    public void close() {
        if (ownsScheduler) {
            scheduler.shutdownNow();
        }
    }

    @Override
    public Lease acquire(InterviewId id, Duration timeout) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(timeout, "timeout");
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        Lease localLease = local.acquire(id, timeout);
        String key = redis.key("lock", id.value());
        byte[] raw = new byte[16];
        tokens.nextBytes(raw);
        String token = HexFormat.of().formatHex(raw);
        long backoff = minBackoffNanos;
        try {
            while (true) {
                if (!redis.usable()) {
                    waited(started);
                    fallbacks.incrementAndGet();
                    return localLease;
                }
                String reply;
                long sent = System.nanoTime();
                try {
                    reply = redis.run(j -> j.set(key, token, SetParams.setParams().nx().px(leaseMillis)));
                } catch (RedisUnavailable e) {
                    waited(started);
                    fallbacks.incrementAndGet();
                    log.debug("{} lock in-process only: redis unavailable", id);
                    return localLease;
                }
                if ("OK".equals(reply)) {
                    waited(started);
                    acquired.incrementAndGet();
                    RedisLease lease = new RedisLease(id, key, token, localLease, sent);
                    lease.watch();
                    return lease;
                }
                contended.incrementAndGet();
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    waited(started);
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

    private void waited(long startedNanos) {
        waitNanos.add(System.nanoTime() - startedNanos);
    }

    /**
     * A lease held in Redis. Renewal (scheduler thread), {@link #held()} and {@link #close()} (owner thread) take
     * the lease's monitor, so a renewal in flight can never re-create the key after the lease was released.
     */
    private final class RedisLease implements Lease {
        private final InterviewId id;
        private final String key;
        private final String token;
        private final Lease localLease;
        private long confirmedAt;                       // nanoTime just before Redis last confirmed the lease
        private boolean released;
        private boolean lostToOther;
        private @Nullable ScheduledFuture<?> renewal;

        RedisLease(InterviewId id, String key, String token, Lease localLease, long confirmedAt) {
            this.id = id;
            this.key = key;
            this.token = token;
            this.localLease = localLease;
            this.confirmedAt = confirmedAt;
        }

        synchronized void watch() {
            try {
                renewal = scheduler.scheduleWithFixedDelay(this::renew, renewEveryMillis, renewEveryMillis,
                        TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                log.debug("{} lock lease not renewed: the lock is closed", id);
            }
        }

        private synchronized void renew() {
            if (released || lostToOther || !redis.usable()) {
                return;     // during an outage the in-process lock and the stored version protect the turn
            }
            extend();
        }

        /** One compare-and-extend; the caller holds the monitor. Returns false if another holder has the lock. */
        private boolean extend() {
            long sent = System.nanoTime();
            Object reply;
            try {
                reply = redis.run(j -> j.eval(EXTEND_OR_RETAKE, 1, key, token, Long.toString(leaseMillis)));
            } catch (RedisUnavailable e) {
                log.debug("{} lock lease not renewed: redis unavailable", id);
                return true;
            }
            long result = reply instanceof Long n ? n : 0;
            if (result == 0) {
                lostToOther = true;
                lost.incrementAndGet();
                if (renewal != null) {
                    renewal.cancel(false);
                }
                log.warn("{} lock lease lost to another holder while the turn ran; the turn will not be written "
                        + "(lease {} ms)", id, leaseMillis);
                return false;
            }
            confirmedAt = sent;
            renewals.incrementAndGet();
            if (result == 2) {
                log.debug("{} lock lease had expired with no other holder; taken again", id);
            }
            return true;
        }

        @Override
        public synchronized boolean held() {
            if (released || lostToOther) {
                return false;
            }
            if (System.nanoTime() - confirmedAt < trustedNanos || !redis.usable()) {
                return true;
            }
            return extend();    // long since the last confirmation (a paused node): ask Redis
        }

        @Override
        public void close() {
            boolean stillOurs;
            synchronized (this) {
                if (released) {
                    return;
                }
                released = true;
                stillOurs = !lostToOther;
                if (renewal != null) {
                    renewal.cancel(false);
                }
            }
            try {
                if (stillOurs) {
                    redis.run(j -> j.eval(Scripts.COMPARE_AND_DELETE, 1, key, token));
                }
            } catch (RedisUnavailable e) {
                log.debug("{} lock release skipped: redis unavailable (the lease expires by itself)", id);
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
        private @Nullable ScheduledExecutorService scheduler;

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

        /**
         * How long a lock outlives a holder that stopped renewing it (a crashed or paused node). Held leases are
         * extended every third of it, so turns may run longer. Default: {@link #DEFAULT_LEASE}. Must be &ge; 100 ms;
         * keep it well above the longest pause a node may see (GC, a stalled VM).
         */
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

        /**
         * Where lease renewals run. Default: the lock's own daemon thread, stopped by {@link #close()}; a scheduler
         * passed here is left running. Renewals are short Redis calls, bounded by the connection's timeout.
         */
        public Builder scheduler(ScheduledExecutorService scheduler) {
            this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
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
