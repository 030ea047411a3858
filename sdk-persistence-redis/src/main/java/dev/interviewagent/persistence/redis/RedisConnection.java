package dev.interviewagent.persistence.redis;

import dev.interviewagent.persistence.redis.internal.RedisHealth;
import dev.interviewagent.persistence.redis.internal.RedisUnavailable;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import org.jspecify.annotations.Nullable;
import redis.clients.jedis.Connection;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.UnifiedJedis;

/**
 * One pooled connection to Redis (Jedis) with a key prefix, shared by {@link RedisInterviewStore},
 * {@link RedisInterviewLock}, {@link RedisMessageDeduplicator} and {@link RedisInterviewNotifier}. It tracks
 * outages: after a failed call, the others skip Redis and fall back at once until {@link Builder#retryInterval} has
 * passed, then one call probes it again. An outage is logged once at WARN and its end at INFO; {@link #metrics()}
 * counts both.
 *
 * <p>Thread-safe. Close it after the components that use it. {@link #toString()} masks the password.
 */
public final class RedisConnection implements AutoCloseable {

    /** Default URL. */
    public static final String DEFAULT_URL = "redis://127.0.0.1:6379";
    /** Default key prefix: every key this SDK writes starts with it and a colon. */
    public static final String DEFAULT_KEY_PREFIX = "ia";
    /** Default connect and read timeout of each command. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMillis(500);
    /** Default time Redis is left alone after a failure before it is probed again. */
    public static final Duration DEFAULT_RETRY_INTERVAL = Duration.ofSeconds(1);
    /** Default maximum pooled connections. */
    public static final int DEFAULT_MAX_CONNECTIONS = 32;

    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private final JedisPooled pool;
    private final HostAndPort address;
    private final JedisClientConfig clientConfig;
    private final String prefix;
    private final RedisHealth health;
    private final Clock clock;
    private final Duration retryInterval;
    private final String description;
    private final LongAdder commands = new LongAdder();
    private final LongAdder commandNanos = new LongAdder();

    private RedisConnection(Builder b) {
        URI uri = URI.create(b.url);
        this.address = new HostAndPort(uri.getHost() == null ? "127.0.0.1" : uri.getHost(),
                uri.getPort() < 0 ? 6379 : uri.getPort());
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis((int) b.timeout.toMillis())
                .socketTimeoutMillis((int) b.timeout.toMillis())
                .clientName("interview-agent");
        String userInfo = uri.getUserInfo();
        if (userInfo != null && !userInfo.isEmpty()) {
            int colon = userInfo.indexOf(':');
            if (colon < 0) {
                config.password(userInfo);
            } else {
                if (colon > 0) {
                    config.user(userInfo.substring(0, colon));
                }
                config.password(userInfo.substring(colon + 1));
            }
        }
        String path = uri.getPath();
        if (path != null && path.length() > 1) {
            config.database(Integer.parseInt(path.substring(1)));
        }
        if ("rediss".equalsIgnoreCase(uri.getScheme())) {
            config.ssl(true);
        }
        this.clientConfig = config.build();
        GenericObjectPoolConfig<Connection> poolConfig = new GenericObjectPoolConfig<>();
        poolConfig.setMaxTotal(b.maxConnections);
        poolConfig.setMaxIdle(b.maxConnections);
        poolConfig.setMinIdle(0);
        poolConfig.setMaxWait(b.timeout);
        poolConfig.setJmxEnabled(false);
        this.pool = new JedisPooled(address, clientConfig, poolConfig);
        this.prefix = b.keyPrefix + ":";
        this.clock = b.clock;
        this.retryInterval = b.retryInterval;
        this.description = "RedisConnection{" + masked(b.url) + ", prefix=" + b.keyPrefix + "}";
        this.health = new RedisHealth(address.toString(), b.clock, b.retryInterval);
    }

    /** A builder with the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A connection to {@code url} with prefix {@code keyPrefix} and defaults for the rest. */
    public static RedisConnection of(String url, String keyPrefix) {
        return builder().url(url).keyPrefix(keyPrefix).build();
    }

    /** Whether the last call failed and Redis is being bypassed. */
    public boolean isDown() {
        return health.isDown();
    }

    /**
     * Sends a {@code PING} now, even during an outage (it is how a health check sees Redis come back): true if Redis
     * answered. Never throws; a failure is recorded as any failed call is. Blocks at most the command timeout.
     */
    public boolean ping() {
        try {
            return "PONG".equalsIgnoreCase(run(UnifiedJedis::ping));
        } catch (RedisUnavailable e) {
            return false;
        }
    }

    /** A snapshot of the outage and command counters. */
    public Metrics metrics() {
        return new Metrics(!health.isDown(), health.failures(), health.outages(), health.skipped(), commands.sum(),
                Duration.ofNanos(commandNanos.sum()));
    }

    /**
     * Counters of one connection.
     *
     * @param available   whether Redis is currently used (false during an outage)
     * @param failures    calls that failed (each then fell back)
     * @param outages     how many times Redis went from usable to unusable
     * @param skipped     calls that did not try Redis because an outage was in progress (they fell back at once)
     * @param commands    commands (and scripts) sent through the pool, failed ones included
     * @param commandTime the time those commands took, in all, waiting for a pooled connection included
     */
    public record Metrics(boolean available, long failures, long outages, long skipped, long commands,
                          Duration commandTime) {
        public Metrics {
            Objects.requireNonNull(commandTime, "commandTime");
        }
    }

    /** How many outages this connection has seen end; a change means cached data may be stale. */
    long recoveries() {
        return health.recoveries();
    }

    String key(String kind, String name) {
        return prefix + kind + ":" + name;
    }

    Clock clock() {
        return clock;
    }

    Duration retryInterval() {
        return retryInterval;
    }

    /** Whether a call should try Redis now (false while an outage is being waited out). */
    boolean usable() {
        return health.shouldTry();
    }

    /**
     * Runs a command.
     *
     * @throws RedisUnavailable if it failed (recorded as an outage)
     */
    <T> @Nullable T run(Function<UnifiedJedis, @Nullable T> command) {
        long started = System.nanoTime();
        try {
            T result = command.apply(pool);
            health.succeeded();
            return result;
        } catch (RuntimeException e) {
            health.failed(e);
            throw new RedisUnavailable("redis call failed: " + e.getClass().getSimpleName(), e);
        } finally {
            commandNanos.add(System.nanoTime() - started);
            commands.increment();
        }
    }

    /** A new unpooled connection for blocking use (pub/sub). The caller closes it. */
    Jedis dedicated() {
        return new Jedis(address, clientConfig);
    }

    void recordFailure(RuntimeException e) {
        health.failed(e);
    }

    void recordSuccess() {
        health.succeeded();
    }

    @Override
    public void close() {
        pool.close();
    }

    @Override
    public String toString() {
        return description;
    }

    private static String masked(String url) {
        return url.replaceAll("//[^@/]*@", "//<masked>@");
    }

    /** Builds a {@link RedisConnection}. Setters validate at once. Not thread-safe. */
    public static final class Builder {
        private String url = DEFAULT_URL;
        private String keyPrefix = DEFAULT_KEY_PREFIX;
        private Duration timeout = DEFAULT_TIMEOUT;
        private Duration retryInterval = DEFAULT_RETRY_INTERVAL;
        private int maxConnections = DEFAULT_MAX_CONNECTIONS;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /**
         * {@code redis://[user:password@]host:port[/db]} or {@code rediss://…}. Default: {@link #DEFAULT_URL}.
         *
         * @throws IllegalArgumentException if it is not a redis URL with a host
         */
        public Builder url(String url) {
            Objects.requireNonNull(url, "url");
            URI uri;
            try {
                uri = URI.create(url);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("url is not a valid URI: " + masked(url));
            }
            if (!"redis".equalsIgnoreCase(uri.getScheme()) && !"rediss".equalsIgnoreCase(uri.getScheme())) {
                throw new IllegalArgumentException("url must start with redis:// or rediss://, was " + masked(url));
            }
            if (uri.getHost() == null) {
                // e.g. a port that is not a number: java.net.URI then parses no host at all
                throw new IllegalArgumentException("url must name a host and a numeric port, as in"
                        + " redis://host:6379, was " + masked(url));
            }
            this.url = url;
            return this;
        }

        /** Prefix of every key, so several deployments or test runs can share a server. Default: {@code ia}. */
        public Builder keyPrefix(String keyPrefix) {
            Objects.requireNonNull(keyPrefix, "keyPrefix");
            if (!PREFIX.matcher(keyPrefix).matches()) {
                throw new IllegalArgumentException("keyPrefix must be 1-64 of [A-Za-z0-9._:-], was '" + keyPrefix
                        + "'");
            }
            this.keyPrefix = keyPrefix;
            return this;
        }

        /** Connect and read timeout per command. Default: {@link #DEFAULT_TIMEOUT}. Must be 1 ms – 60 s. */
        public Builder timeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.toMillis() < 1 || timeout.compareTo(Duration.ofSeconds(60)) > 0) {
                throw new IllegalArgumentException("timeout must be 1ms-60s, was " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        /** How long to bypass Redis after a failure. Default: {@link #DEFAULT_RETRY_INTERVAL}. Must be &ge; 0. */
        public Builder retryInterval(Duration retryInterval) {
            Objects.requireNonNull(retryInterval, "retryInterval");
            if (retryInterval.isNegative()) {
                throw new IllegalArgumentException("retryInterval must be >= 0, was " + retryInterval);
            }
            this.retryInterval = retryInterval;
            return this;
        }

        /** Pool size. Default: {@link #DEFAULT_MAX_CONNECTIONS}. Must be 1–1,000. */
        public Builder maxConnections(int maxConnections) {
            if (maxConnections < 1 || maxConnections > 1000) {
                throw new IllegalArgumentException("maxConnections must be 1-1000, was " + maxConnections);
            }
            this.maxConnections = maxConnections;
            return this;
        }

        /** For outage timing and lock deadlines. Default: {@link Clock#systemUTC()}. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Creates the pool; connections open lazily, so this succeeds even while Redis is down. */
        public RedisConnection build() {
            return new RedisConnection(this);
        }

        @Override
        public String toString() {
            return "RedisConnection.Builder{url=" + masked(url) + ", keyPrefix=" + keyPrefix + ", timeout=" + timeout
                    + "}";
        }
    }
}
