package dev.interviewagent.persistence;

import dev.interviewagent.core.config.InterviewConfig;
import dev.interviewagent.core.config.InterviewSettings;
import dev.interviewagent.core.config.InvalidConfigurationException;
import dev.interviewagent.core.spi.InterviewLock;
import dev.interviewagent.core.spi.InterviewStore;
import java.time.Clock;

/**
 * The Redis part of an {@link InterviewStorage}: connection, cache and lock. A class of its own, exposing only core
 * types, so that hosts without Redis (and without the optional Jedis dependency) never load a Redis class.
 */
final class RedisStack {

    final AutoCloseable connection;
    final InterviewStore store;
    final InterviewLock lock;
    final PrivacyOperations privacy;
    final MessageDeduplicator deduplicator;
    final String description;
    private final RedisConnection redis;

    private RedisStack(RedisConnection connection, RedisInterviewStore store, PrivacyOperations privacy,
                       MessageDeduplicator deduplicator) {
        this.connection = connection;
        this.redis = connection;
        this.store = store;
        this.lock = RedisInterviewLock.of(connection);
        this.privacy = privacy;
        this.deduplicator = deduplicator;
        this.description = connection.toString();
    }

    /** Whether Redis answers a PING now; never throws. */
    boolean ping() {
        return redis.ping();
    }

    /**
     * Wraps {@code database} in the Redis cache and makes the cluster-wide lock (Jedis connects on first use).
     *
     * @throws InvalidConfigurationException for a bad URL or prefix, or when Jedis is not on the classpath
     */
    static RedisStack open(InterviewConfig config, JdbcInterviewStore database, AnswerEncryption encryption,
                           PiiRedactor redactor, Clock clock) {
        try {
            return connect(config, database, encryption, redactor, clock);
        } catch (LinkageError e) {
            throw new InvalidConfigurationException(InterviewSettings.REDIS_URL, InterviewSettings.REDIS_URL
                    + " is set, but redis.clients:jedis is not on the classpath (sdk-persistence declares it"
                    + " optional: add it to use Redis)", e);
        }
    }

    private static RedisStack connect(InterviewConfig config, JdbcInterviewStore database, AnswerEncryption encryption,
                                      PiiRedactor redactor, Clock clock) {
        RedisConnection.Builder builder = RedisConnection.builder().clock(clock);
        config.apply(InterviewSettings.REDIS_URL, builder::url);
        config.apply(InterviewSettings.REDIS_KEY_PREFIX, builder::keyPrefix);
        RedisConnection connection = builder.build();
        try {
            RedisInterviewStore store = RedisInterviewStore.builder().delegate(database).redis(connection)
                    .encryption(encryption).redactor(redactor).build();
            return new RedisStack(connection, store, PrivacyOperations.of(store, database, clock),
                    new RedisMessageDeduplicator(connection, database));
        } catch (RuntimeException e) {
            connection.close();
            throw e;
        }
    }
}
