package dev.interviewagent.persistence.redis;

import dev.interviewagent.core.config.InterviewConfig;
import dev.interviewagent.core.config.InterviewSettings;
import dev.interviewagent.core.config.InvalidConfigurationException;
import dev.interviewagent.core.spi.InterviewLock;
import dev.interviewagent.core.spi.InterviewStore;
import dev.interviewagent.persistence.AnswerEncryption;
import dev.interviewagent.persistence.ClusterStack;
import dev.interviewagent.persistence.InterviewStorage;
import dev.interviewagent.persistence.JdbcInterviewStore;
import dev.interviewagent.persistence.MessageDeduplicator;
import dev.interviewagent.persistence.PiiRedactor;
import dev.interviewagent.persistence.PrivacyOperations;
import java.time.Clock;

/**
 * The Redis part of an {@link InterviewStorage}: connection, cache and lock, behind the backend-neutral
 * {@link ClusterStack} so that the database module never refers to a Redis class.
 */
final class RedisStack implements ClusterStack {

    private final RedisConnection redis;
    private final InterviewStore store;
    private final InterviewLock lock;
    private final PrivacyOperations privacy;
    private final MessageDeduplicator deduplicator;

    private RedisStack(RedisConnection connection, RedisInterviewStore store, PrivacyOperations privacy,
                       MessageDeduplicator deduplicator) {
        this.redis = connection;
        this.store = store;
        this.lock = RedisInterviewLock.of(connection);
        this.privacy = privacy;
        this.deduplicator = deduplicator;
    }

    @Override
    public InterviewStore store() {
        return store;
    }

    @Override
    public InterviewLock lock() {
        return lock;
    }

    @Override
    public PrivacyOperations privacy() {
        return privacy;
    }

    @Override
    public MessageDeduplicator deduplicator() {
        return deduplicator;
    }

    /** Whether Redis answers a PING now; never throws. */
    @Override
    public boolean ping() {
        return redis.ping();
    }

    @Override
    public String description() {
        return redis.toString();
    }

    @Override
    public void close() {
        redis.close();
    }

    /**
     * Wraps {@code database} in the Redis cache and makes the cluster-wide lock (Jedis connects on first use).
     *
     * @throws InvalidConfigurationException for a bad URL or prefix
     */
    static RedisStack open(InterviewConfig config, JdbcInterviewStore database, AnswerEncryption encryption,
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
