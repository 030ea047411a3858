package dev.interviewagent.persistence.redis;

import dev.interviewagent.core.Interview;
import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.MessageId;
import dev.interviewagent.core.Turn;
import dev.interviewagent.core.exception.ConcurrentTurnException;
import dev.interviewagent.core.spi.InterviewCodec;
import dev.interviewagent.core.spi.InterviewPage;
import dev.interviewagent.core.spi.InterviewQuery;
import dev.interviewagent.core.spi.InterviewStore;
import dev.interviewagent.persistence.AnswerEncryption;
import dev.interviewagent.persistence.JdbcInterviewStore;
import dev.interviewagent.persistence.PiiRedactor;
import dev.interviewagent.persistence.internal.StoredText;
import dev.interviewagent.persistence.redis.internal.CachedStates;
import dev.interviewagent.persistence.redis.internal.RedisUnavailable;
import dev.interviewagent.persistence.redis.internal.Scripts;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.params.SetParams;

/**
 * A read-through Redis cache of active interview state in front of any {@link InterviewStore} (usually a
 * {@link JdbcInterviewStore}), plus a channel-key → interview index. The delegate stays the source of truth: writes
 * go to it first, then the cache is updated (only with a newer version than it holds) or, when an interview ends,
 * cleared. A write that loses a version race clears the cached state, so the next load reads the database.
 *
 * <p>When Redis fails, every call goes to the delegate alone (slower) and the failure is counted in
 * {@link #metrics()} and {@link RedisConnection#metrics()}, logged once at WARN per outage. Turn logs, idempotency
 * lookups and listings always go to the delegate.
 *
 * <p>The cache holds no more than the database does: in front of a {@link JdbcInterviewStore} it takes that store's
 * {@link PiiRedactor} and {@link AnswerEncryption} unless given others, and cached states are encrypted bound to their
 * interview (a value copied to another interview's key is not served). A cached value that cannot be read as this
 * cache writes it — plain text while encryption is on, another interview's state, a tampered value — is never
 * served: it is deleted and the state is read from the delegate. Thread-safe; blocking like the delegate.
 */
public final class RedisInterviewStore implements InterviewStore {

    /** Default time a cached state lives without being touched by a commit. */
    public static final Duration DEFAULT_CACHE_TTL = Duration.ofHours(1);

    private static final Logger log = LoggerFactory.getLogger(RedisInterviewStore.class);

    private final InterviewStore delegate;
    private final RedisConnection redis;
    private final CachedStates states;
    private final long ttlMillis;
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();
    private final AtomicLong bypassed = new AtomicLong();
    private final AtomicLong invalidations = new AtomicLong();
    private final String generationKey;
    private volatile long seenRecoveries;

    private RedisInterviewStore(Builder b) {
        this.delegate = Objects.requireNonNull(b.delegate, "delegate");
        this.redis = Objects.requireNonNull(b.redis, "redis");
        JdbcInterviewStore database = delegate instanceof JdbcInterviewStore jdbc ? jdbc : null;
        AnswerEncryption encryption = b.encryption != null ? b.encryption
                : database != null ? database.encryption() : AnswerEncryption.NONE;
        PiiRedactor redactor = b.redactor != null ? b.redactor
                : database != null ? database.redactor() : PiiRedactor.NONE;
        // Never migrating: a cached value that is not sealed for its interview is refused, and the database read.
        this.states = new CachedStates(new StoredText(b.codec, encryption, redactor, false));
        this.ttlMillis = b.cacheTtl.toMillis();
        this.generationKey = redis.key("cache", "generation");
    }

    /** A builder; {@link Builder#delegate} and {@link Builder#redis} are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** A cache over {@code delegate} on {@code redis} with defaults. */
    public static RedisInterviewStore of(InterviewStore delegate, RedisConnection redis) {
        return builder().delegate(delegate).redis(redis).build();
    }

    /** The store this one caches. */
    public InterviewStore delegate() {
        return delegate;
    }

    /** The connection this cache uses. */
    public RedisConnection redis() {
        return redis;
    }

    /**
     * Cache counters.
     *
     * @param hits     loads served from Redis
     * @param misses   loads that went to the delegate and filled the cache
     * @param bypassed      calls that went to the delegate because Redis was unavailable
     * @param invalidations times the whole cache was invalidated after an outage
     */
    public record Metrics(long hits, long misses, long bypassed, long invalidations) {
    }

    /** A snapshot of the cache counters. */
    public Metrics metrics() {
        return new Metrics(hits.get(), misses.get(), bypassed.get(), invalidations.get());
    }

    @Override
    public void create(Interview interview, List<Turn> turns) {
        delegate.create(interview, turns);
        cache(interview);
    }

    @Override
    public Optional<Interview> load(InterviewId id) {
        Objects.requireNonNull(id, "id");
        if (redis.usable()) {
            try {
                List<String> values = redis.run(j -> j.mget(stateKey(id), generationKey));
                String value = values == null ? null : values.get(0);
                String generation = values == null || values.get(1) == null ? "0" : values.get(1);
                if (!invalidatedAfterOutage() && value != null) {
                    Optional<Interview> cached = decode(id, value, generation);
                    if (cached.isPresent()) {
                        hits.incrementAndGet();
                        return cached;
                    }
                }
                misses.incrementAndGet();
            } catch (RedisUnavailable e) {
                bypassed.incrementAndGet();
                return delegate.load(id);
            }
        } else {
            bypassed.incrementAndGet();
            return delegate.load(id);
        }
        Optional<Interview> loaded = delegate.load(id);
        loaded.ifPresent(this::cache);
        return loaded;
    }

    @Override
    public void commit(long expectedVersion, Interview next, List<Turn> turns) {
        try {
            delegate.commit(expectedVersion, next, turns);
        } catch (ConcurrentTurnException e) {
            // Whoever won may have left the cache behind us; make the next load read the database.
            evict(next.id());
            throw e;
        }
        cache(next);
    }

    @Override
    public List<Turn> turns(InterviewId id) {
        return delegate.turns(id);
    }

    @Override
    public List<Turn> recentTurns(InterviewId id, int limit) {
        return delegate.recentTurns(id, limit);
    }

    @Override
    public List<Turn> turnRange(InterviewId id, int first, int last) {
        return delegate.turnRange(id, first, last);
    }

    @Override
    public Optional<Turn> findByMessageId(InterviewId id, MessageId messageId) {
        return delegate.findByMessageId(id, messageId);
    }

    @Override
    public Optional<InterviewId> findActiveByChannelKey(String channelKey) {
        Objects.requireNonNull(channelKey, "channelKey");
        String indexKey = redis.key("ck", channelKey);
        if (redis.usable()) {
            try {
                String cached = redis.run(j -> j.get(indexKey));
                if (cached != null) {
                    InterviewId id = InterviewId.of(cached);
                    Optional<Interview> state = load(id);
                    if (state.isPresent() && state.get().isActive() && channelKey.equals(state.get().channelKey())) {
                        return Optional.of(id);
                    }
                    redis.run(j -> j.eval(Scripts.COMPARE_AND_DELETE, 1, indexKey, cached));
                }
                Optional<InterviewId> found = delegate.findActiveByChannelKey(channelKey);
                found.ifPresent(id -> redis.run(j -> j.set(indexKey, id.value(), SetParams.setParams().px(ttlMillis))));
                return found;
            } catch (RedisUnavailable e) {
                bypassed.incrementAndGet();
            }
        } else {
            bypassed.incrementAndGet();
        }
        return delegate.findActiveByChannelKey(channelKey);
    }

    @Override
    public List<InterviewId> findByChannelKey(String channelKey) {
        return delegate.findByChannelKey(channelKey);
    }

    @Override
    public List<InterviewId> findActiveIdleSince(Instant cutoff, int limit) {
        return delegate.findActiveIdleSince(cutoff, limit);
    }

    /**
     * {@inheritDoc}
     *
     * <p>Always answered by the delegate, the source of truth: every write reaches it before the cache, so a page
     * reflects every completed write, whatever the cache holds and whether Redis is up.
     */
    @Override
    public InterviewPage list(InterviewQuery query) {
        return delegate.list(query);
    }

    @Override
    public boolean delete(InterviewId id) {
        Optional<Interview> state = delegate.load(id);
        evict(id);
        boolean deleted = delegate.delete(id);
        evict(id);
        state.map(Interview::channelKey).ifPresent(key -> unindex(key, id));
        return deleted;
    }

    private void cache(Interview state) {
        if (!redis.usable()) {
            bypassed.incrementAndGet();
            return;
        }
        try {
            invalidatedAfterOutage();
            if (state.isActive()) {
                String document = states.seal(state);
                redis.run(j -> j.eval(Scripts.SET_IF_NEWER, 2, stateKey(state.id()), generationKey,
                        Long.toString(state.version()), document, Long.toString(ttlMillis)));
                if (state.channelKey() != null && state.version() <= 1) {
                    String indexKey = redis.key("ck", state.channelKey());
                    redis.run(j -> j.set(indexKey, state.id().value(), SetParams.setParams().px(ttlMillis)));
                }
            } else {
                redis.run(j -> j.del(stateKey(state.id())));
                if (state.channelKey() != null) {
                    unindex(state.channelKey(), state.id());
                }
            }
        } catch (RedisUnavailable e) {
            bypassed.incrementAndGet();
        }
    }

    private void evict(InterviewId id) {
        if (!redis.usable()) {
            return;
        }
        try {
            redis.run(j -> j.del(stateKey(id)));
        } catch (RedisUnavailable e) {
            // An outage: nothing is read from the cache until it ends, and states are re-read afterwards only if newer.
            log.debug("{} cache eviction skipped: redis unavailable", id);
        }
    }

    private void unindex(String channelKey, InterviewId id) {
        try {
            redis.run(j -> j.eval(Scripts.COMPARE_AND_DELETE, 1, redis.key("ck", channelKey), id.value()));
        } catch (RedisUnavailable e) {
            log.debug("{} channel index clean-up skipped: redis unavailable", id);
        }
    }

    private String stateKey(InterviewId id) {
        return redis.key("state", id.value());
    }

    /**
     * The cached state if it belongs to the current cache generation and reads as this cache writes it (sealed for
     * this interview when encryption is on). Anything else is deleted and not served: the caller reads the delegate.
     */
    private Optional<Interview> decode(InterviewId id, String value, String generation) {
        try {
            return states.open(id, value, generation);
        } catch (RuntimeException e) {
            // Plain text while encryption is on, a value copied from another key, a tampered or unreadable one:
            // never serve it. The database is the source of truth.
            log.warn("{} cached state refused and deleted ({}); reading the store", id, e.getClass().getSimpleName());
            evict(id);
            return Optional.empty();
        }
    }

    /**
     * After an outage this node may have committed to the database without updating Redis, so every cached state
     * may be stale: bump the cache generation, which makes all nodes ignore entries written before it.
     *
     * @return whether an invalidation happened now
     */
    private boolean invalidatedAfterOutage() {
        long recoveries = redis.recoveries();
        if (recoveries == seenRecoveries) {
            return false;
        }
        synchronized (this) {
            if (recoveries == seenRecoveries) {
                return false;
            }
            redis.run(j -> j.incr(generationKey));
            seenRecoveries = recoveries;
        }
        invalidations.incrementAndGet();
        log.info("interview cache invalidated after a redis outage");
        return true;
    }

    /** Builds a {@link RedisInterviewStore}. Not thread-safe. */
    public static final class Builder {
        private @Nullable InterviewStore delegate;
        private @Nullable RedisConnection redis;
        private InterviewCodec codec = new InterviewCodec();
        private @Nullable AnswerEncryption encryption;
        private @Nullable PiiRedactor redactor;
        private Duration cacheTtl = DEFAULT_CACHE_TTL;

        private Builder() {
        }

        /** The store of record. Required. */
        public Builder delegate(InterviewStore delegate) {
            this.delegate = Objects.requireNonNull(delegate, "delegate");
            return this;
        }

        /** The Redis connection. Required. */
        public Builder redis(RedisConnection redis) {
            this.redis = Objects.requireNonNull(redis, "redis");
            return this;
        }

        /**
         * Encrypts cached state documents, bound to their interview. Default: the delegate's when it is a
         * {@link JdbcInterviewStore}, else {@link AnswerEncryption#NONE}.
         */
        public Builder encryption(AnswerEncryption encryption) {
            this.encryption = Objects.requireNonNull(encryption, "encryption");
            return this;
        }

        /**
         * Redacts cached state documents. Default: the delegate's when it is a {@link JdbcInterviewStore}, else
         * {@link PiiRedactor#NONE}.
         */
        public Builder redactor(PiiRedactor redactor) {
            this.redactor = Objects.requireNonNull(redactor, "redactor");
            return this;
        }

        public Builder codec(InterviewCodec codec) {
            this.codec = Objects.requireNonNull(codec, "codec");
            return this;
        }

        /** How long a cached state lives after its last write. Default: {@link #DEFAULT_CACHE_TTL}; &ge; 1 s. */
        public Builder cacheTtl(Duration cacheTtl) {
            Objects.requireNonNull(cacheTtl, "cacheTtl");
            if (cacheTtl.compareTo(Duration.ofSeconds(1)) < 0) {
                throw new IllegalArgumentException("cacheTtl must be >= 1s, was " + cacheTtl);
            }
            this.cacheTtl = cacheTtl;
            return this;
        }

        /**
         * @throws IllegalStateException if delegate or redis is missing, or if the delegate encrypts at rest and
         *                               the cache was given no encryption ({@link AnswerEncryption#NONE})
         */
        public RedisInterviewStore build() {
            if (delegate == null || redis == null) {
                throw new IllegalStateException("delegate and redis are required");
            }
            if (encryption != null && !encryption.isEnabled() && delegate instanceof JdbcInterviewStore jdbc
                    && jdbc.encryption().isEnabled()) {
                throw new IllegalStateException("the delegate encrypts at rest, so the cache must too: leave"
                        + " encryption unset to use the delegate's");
            }
            return new RedisInterviewStore(this);
        }
    }
}
