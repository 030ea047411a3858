package dev.interviewagent.persistence.redis.metrics.micrometer;

import dev.interviewagent.core.spi.InterviewLock;
import dev.interviewagent.core.spi.InterviewStore;
import dev.interviewagent.persistence.InterviewStorage;
import dev.interviewagent.persistence.redis.RedisConnection;
import dev.interviewagent.persistence.redis.RedisInterviewLock;
import dev.interviewagent.persistence.redis.RedisInterviewNotifier;
import dev.interviewagent.persistence.redis.RedisInterviewStore;
import dev.interviewagent.persistence.redis.RedisMessageDeduplicator;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;
import org.jspecify.annotations.Nullable;

/**
 * Micrometer meters over the counters of the Redis components: the connection (availability, failures, outages,
 * command latency), the cluster-wide lock, the cache, the message de-duplicator and the cross-node events. The
 * meters read the components' own counters when the registry is scraped, so they count from the components' start,
 * whenever they are bound. Needs {@code redis.clients:jedis}, like the components themselves.
 *
 * <pre>{@code
 * // the stack InterviewStorage.open(config) made when interview.redis.url is set:
 * RedisMetrics.of(storage.store(), storage.lock()).bindTo(registry);
 * // or the parts a host built itself:
 * RedisMetrics.builder(connection).lock(lock).cache(cache).build().bindTo(registry);
 * }</pre>
 *
 * <table>
 *   <caption>Meters (lock, cache, de-duplication and event meters only for the parts given)</caption>
 *   <tr><th>name</th><th>type</th><th>tags</th><th>what</th></tr>
 *   <tr><td>{@value #AVAILABLE}</td><td>gauge</td><td></td><td>1 while Redis is used, 0 during an outage</td></tr>
 *   <tr><td>{@value #FAILURES}</td><td>function counter</td><td></td><td>calls that failed (and fell
 *       back)</td></tr>
 *   <tr><td>{@value #OUTAGES}</td><td>function counter</td><td></td><td>times Redis became unusable</td></tr>
 *   <tr><td>{@value #SKIPPED}</td><td>function counter</td><td></td><td>calls that fell back at once during an
 *       outage</td></tr>
 *   <tr><td>{@value #COMMANDS}</td><td>function timer</td><td></td><td>commands sent, and their time in
 *       all</td></tr>
 *   <tr><td>{@value #LOCK_ACQUISITIONS}</td><td>function counter</td><td>result ({@code acquired},
 *       {@code fallback}, {@code timeout})</td><td>lock requests by how they ended</td></tr>
 *   <tr><td>{@value #LOCK_WAIT}</td><td>function timer</td><td></td><td>time spent acquiring locks</td></tr>
 *   <tr><td>{@value #LOCK_CONTENDED}</td><td>function counter</td><td></td><td>polls that found the lock
 *       held</td></tr>
 *   <tr><td>{@value #LOCK_RENEWALS}</td><td>function counter</td><td></td><td>lease extensions while turns
 *       ran</td></tr>
 *   <tr><td>{@value #LOCK_LOST}</td><td>function counter</td><td></td><td>leases taken by another holder (should
 *       stay 0)</td></tr>
 *   <tr><td>{@value #CACHE_GETS}</td><td>function counter</td><td>result ({@code hit}, {@code miss})</td>
 *       <td>state loads through the cache</td></tr>
 *   <tr><td>{@value #CACHE_BYPASSED}</td><td>function counter</td><td></td><td>calls that went to the database
 *       because Redis was unavailable</td></tr>
 *   <tr><td>{@value #CACHE_INVALIDATIONS}</td><td>function counter</td><td></td><td>whole-cache invalidations
 *       after an outage</td></tr>
 *   <tr><td>{@value #DEDUPE_FALLBACKS}</td><td>function counter</td><td></td><td>de-duplication checks the
 *       fallback answered</td></tr>
 *   <tr><td>{@value #EVENTS}</td><td>function counter</td><td>direction ({@code published}, {@code received},
 *       {@code local})</td><td>cross-node events</td></tr>
 * </table>
 *
 * <p>Thread-safe. Bind one instance per set of components; a host with two Redis connections tags them apart.
 */
public final class RedisMetrics implements MeterBinder {

    /** Gauge: 1 while Redis is used. */
    public static final String AVAILABLE = "interview.redis.available";
    /** Function counter of failed calls. */
    public static final String FAILURES = "interview.redis.failures";
    /** Function counter of outages. */
    public static final String OUTAGES = "interview.redis.outages";
    /** Function counter of calls skipped during outages. */
    public static final String SKIPPED = "interview.redis.skipped";
    /** Function timer of commands. */
    public static final String COMMANDS = "interview.redis.commands";
    /** Function counter of lock requests, tagged {@code result}. */
    public static final String LOCK_ACQUISITIONS = "interview.redis.lock.acquisitions";
    /** Function timer of the time spent acquiring locks. */
    public static final String LOCK_WAIT = "interview.redis.lock.wait";
    /** Function counter of polls that found a lock held. */
    public static final String LOCK_CONTENDED = "interview.redis.lock.contended";
    /** Function counter of lease renewals. */
    public static final String LOCK_RENEWALS = "interview.redis.lock.renewals";
    /** Function counter of leases lost to another holder. */
    public static final String LOCK_LOST = "interview.redis.lock.lost";
    /** Function counter of cache loads, tagged {@code result}. */
    public static final String CACHE_GETS = "interview.redis.cache.gets";
    /** Function counter of calls that bypassed the cache. */
    public static final String CACHE_BYPASSED = "interview.redis.cache.bypassed";
    /** Function counter of whole-cache invalidations. */
    public static final String CACHE_INVALIDATIONS = "interview.redis.cache.invalidations";
    /** Function counter of de-duplication checks answered by the fallback. */
    public static final String DEDUPE_FALLBACKS = "interview.redis.dedupe.fallbacks";
    /** Function counter of cross-node events, tagged {@code direction}. */
    public static final String EVENTS = "interview.redis.events";

    private final RedisConnection connection;
    private final @Nullable RedisInterviewLock lock;
    private final @Nullable RedisInterviewStore cache;
    private final @Nullable RedisMessageDeduplicator deduplicator;
    private final @Nullable RedisInterviewNotifier notifier;
    private final Tags tags;

    private RedisMetrics(Builder b) {
        this.connection = b.connection;
        this.lock = b.lock;
        this.cache = b.cache;
        this.deduplicator = b.deduplicator;
        this.notifier = b.notifier;
        this.tags = b.tags;
    }

    /** A builder for the meters of {@code connection} and the parts added to it. */
    public static Builder builder(RedisConnection connection) {
        return new Builder(connection);
    }

    /**
     * The meters of the Redis parts among an engine's store and lock (as {@code InterviewStorage} hands them out):
     * the cache if {@code store} is a {@link RedisInterviewStore}, the lock if {@code lock} is a
     * {@link RedisInterviewLock}, and their connection.
     *
     * @throws IllegalArgumentException if neither is a Redis component, or they use different connections
     */
    public static RedisMetrics of(InterviewStore store, InterviewLock lock) {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(lock, "lock");
        RedisInterviewStore cache = store instanceof RedisInterviewStore s ? s : null;
        RedisInterviewLock redisLock = lock instanceof RedisInterviewLock l ? l : null;
        if (cache == null && redisLock == null) {
            throw new IllegalArgumentException("neither the store (" + store.getClass().getSimpleName()
                    + ") nor the lock (" + lock.getClass().getSimpleName() + ") uses Redis");
        }
        if (cache != null && redisLock != null && cache.redis() != redisLock.redis()) {
            throw new IllegalArgumentException("the store and the lock use different Redis connections; build"
                    + " one RedisMetrics per connection with a distinguishing tag");
        }
        Builder builder = builder(cache != null ? cache.redis() : redisLock.redis());
        if (cache != null) {
            builder.cache(cache);
        }
        if (redisLock != null) {
            builder.lock(redisLock);
        }
        return builder.build();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Objects.requireNonNull(registry, "registry");
        Gauge.builder(AVAILABLE, connection, c -> c.metrics().available() ? 1 : 0).tags(tags)
                .description("1 while Redis is used, 0 during an outage").register(registry);
        counter(registry, FAILURES, connection, c -> c.metrics().failures(), Tags.empty(),
                "Redis calls that failed and fell back");
        counter(registry, OUTAGES, connection, c -> c.metrics().outages(), Tags.empty(),
                "Times Redis went from usable to unusable");
        counter(registry, SKIPPED, connection, c -> c.metrics().skipped(), Tags.empty(),
                "Calls that fell back at once because an outage was in progress");
        timer(registry, COMMANDS, connection, c -> c.metrics().commands(),
                c -> c.metrics().commandTime().toNanos(), "Redis commands and scripts sent through the pool");
        if (lock != null) {
            counter(registry, LOCK_ACQUISITIONS, lock, l -> l.metrics().acquired(), Tags.of("result", "acquired"),
                    "Lock requests, by how they ended");
            counter(registry, LOCK_ACQUISITIONS, lock, l -> l.metrics().fallbacks(), Tags.of("result", "fallback"),
                    "Lock requests, by how they ended");
            counter(registry, LOCK_ACQUISITIONS, lock, l -> l.metrics().timeouts(), Tags.of("result", "timeout"),
                    "Lock requests, by how they ended");
            timer(registry, LOCK_WAIT, lock, l -> {
                RedisInterviewLock.Metrics m = l.metrics();
                return m.acquired() + m.fallbacks() + m.timeouts();
            }, l -> l.metrics().waitTime().toNanos(), "Time spent acquiring interview locks");
            counter(registry, LOCK_CONTENDED, lock, l -> l.metrics().contended(), Tags.empty(),
                    "Polls that found an interview's lock held by someone else");
            counter(registry, LOCK_RENEWALS, lock, l -> l.metrics().renewals(), Tags.empty(),
                    "Lease extensions while turns ran");
            counter(registry, LOCK_LOST, lock, l -> l.metrics().lost(), Tags.empty(),
                    "Leases found taken by another holder while their turn ran");
        }
        if (cache != null) {
            counter(registry, CACHE_GETS, cache, s -> s.metrics().hits(), Tags.of("result", "hit"),
                    "State loads through the Redis cache");
            counter(registry, CACHE_GETS, cache, s -> s.metrics().misses(), Tags.of("result", "miss"),
                    "State loads through the Redis cache");
            counter(registry, CACHE_BYPASSED, cache, s -> s.metrics().bypassed(), Tags.empty(),
                    "Calls that went to the database because Redis was unavailable");
            counter(registry, CACHE_INVALIDATIONS, cache, s -> s.metrics().invalidations(), Tags.empty(),
                    "Whole-cache invalidations after an outage");
        }
        if (deduplicator != null) {
            counter(registry, DEDUPE_FALLBACKS, deduplicator, RedisMessageDeduplicator::fallbacks, Tags.empty(),
                    "De-duplication checks answered by the fallback because Redis was unavailable");
        }
        if (notifier != null) {
            counter(registry, EVENTS, notifier, RedisInterviewNotifier::published, Tags.of("direction", "published"),
                    "Cross-node interview events");
            counter(registry, EVENTS, notifier, RedisInterviewNotifier::received, Tags.of("direction", "received"),
                    "Cross-node interview events");
            counter(registry, EVENTS, notifier, RedisInterviewNotifier::localOnly, Tags.of("direction", "local"),
                    "Cross-node interview events");
        }
    }

    private <T> void counter(MeterRegistry registry, String name, T source, ToLongFunction<T> count, Tags extra,
                             String description) {
        FunctionCounter.builder(name, source, s -> count.applyAsLong(s)).tags(tags.and(extra))
                .description(description).register(registry);
    }

    private <T> void timer(MeterRegistry registry, String name, T source, ToLongFunction<T> count,
                           ToDoubleFunction<T> totalNanos, String description) {
        FunctionTimer.builder(name, source, count, totalNanos, TimeUnit.NANOSECONDS).tags(tags)
                .description(description).register(registry);
    }

    /** Builds {@link RedisMetrics}; every part but the connection is optional. Not thread-safe. */
    public static final class Builder {
        private final RedisConnection connection;
        private @Nullable RedisInterviewLock lock;
        private @Nullable RedisInterviewStore cache;
        private @Nullable RedisMessageDeduplicator deduplicator;
        private @Nullable RedisInterviewNotifier notifier;
        private Tags tags = Tags.empty();

        private Builder(RedisConnection connection) {
            this.connection = Objects.requireNonNull(connection, "connection");
        }

        /** Adds the lock's meters. */
        public Builder lock(RedisInterviewLock lock) {
            this.lock = Objects.requireNonNull(lock, "lock");
            return this;
        }

        /** Adds the cache's meters. */
        public Builder cache(RedisInterviewStore cache) {
            this.cache = Objects.requireNonNull(cache, "cache");
            return this;
        }

        /** Adds the de-duplicator's meter. */
        public Builder deduplicator(RedisMessageDeduplicator deduplicator) {
            this.deduplicator = Objects.requireNonNull(deduplicator, "deduplicator");
            return this;
        }

        /** Adds the cross-node event meters. */
        public Builder notifier(RedisInterviewNotifier notifier) {
            this.notifier = Objects.requireNonNull(notifier, "notifier");
            return this;
        }

        /** Extra tags on every meter (e.g. {@code redis=sessions}). Default: none. */
        public Builder tags(Iterable<Tag> tags) {
            this.tags = Tags.of(Objects.requireNonNull(tags, "tags"));
            return this;
        }

        /**
         * Builds the binder.
         *
         * @throws IllegalArgumentException if a part uses another connection than the one given
         */
        public RedisMetrics build() {
            if (lock != null && lock.redis() != connection) {
                throw new IllegalArgumentException("the lock uses another Redis connection");
            }
            if (cache != null && cache.redis() != connection) {
                throw new IllegalArgumentException("the cache uses another Redis connection");
            }
            return new RedisMetrics(this);
        }
    }
}
