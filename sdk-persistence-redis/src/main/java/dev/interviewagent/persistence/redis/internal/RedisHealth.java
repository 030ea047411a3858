package dev.interviewagent.persistence.redis.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tracks whether Redis is usable. After a failure, calls skip Redis (and fall back at once, instead of each waiting
 * for a timeout) until the retry interval has passed; then one call probes it. One WARN per outage, one INFO when it
 * ends.
 */
public final class RedisHealth {

    private static final Logger log = LoggerFactory.getLogger(RedisHealth.class);

    private final String name;
    private final Clock clock;
    private final long retryMillis;
    private final AtomicBoolean down = new AtomicBoolean();
    private volatile long retryAt;
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong outages = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private final AtomicLong failuresAtOutageStart = new AtomicLong();
    private final AtomicLong recoveries = new AtomicLong();

    public RedisHealth(String name, Clock clock, Duration retryInterval) {
        this.name = name;
        this.clock = clock;
        this.retryMillis = retryInterval.toMillis();
    }

    /** Whether a call should try Redis now; counts a skip when it should not. */
    public boolean shouldTry() {
        if (!down.get()) {
            return true;
        }
        long now = clock.millis();
        if (now >= retryAt) {
            retryAt = now + retryMillis; // let one caller probe; the others keep falling back meanwhile
            return true;
        }
        skipped.incrementAndGet();
        return false;
    }

    public void succeeded() {
        if (down.get() && down.compareAndSet(true, false)) {
            recoveries.incrementAndGet();
            log.info("redis {} is available again after {} failed and {} skipped calls; cache, lock and events resume",
                    name, failures.get() - failuresAtOutageStart.get(), skipped.get());
        }
    }

    public void failed(RuntimeException e) {
        failures.incrementAndGet();
        retryAt = clock.millis() + retryMillis;
        if (down.compareAndSet(false, true)) {
            outages.incrementAndGet();
            failuresAtOutageStart.set(failures.get() - 1);
            log.warn("redis {} is unavailable ({}); working on the database and in-process locks until it returns",
                    name, e.getClass().getSimpleName());
        }
    }

    public boolean isDown() {
        return down.get();
    }

    public long failures() {
        return failures.get();
    }

    public long outages() {
        return outages.get();
    }

    /** How many outages have ended (cached data written before may be stale). */
    public long recoveries() {
        return recoveries.get();
    }

    public long skipped() {
        return skipped.get();
    }
}
