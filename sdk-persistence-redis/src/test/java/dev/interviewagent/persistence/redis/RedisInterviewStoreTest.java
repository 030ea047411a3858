package dev.interviewagent.persistence.redis;

import static dev.interviewagent.core.spi.testkit.TestInterviews.newId;
import static dev.interviewagent.core.spi.testkit.TestInterviews.question;
import static dev.interviewagent.core.spi.testkit.TestInterviews.started;
import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewagent.core.Interview;
import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.spi.InterviewStore;
import dev.interviewagent.core.spi.testkit.InterviewStoreContract;
import dev.interviewagent.persistence.JdbcInterviewStore;
import dev.interviewagent.persistence.TestServices;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The store contract on PostgreSQL behind the Redis cache, plus the cache's own behaviour. */
class RedisInterviewStoreTest extends InterviewStoreContract {

    private static String schema;
    private static JdbcInterviewStore database;
    private static RedisConnection redis;
    private static RedisInterviewStore shared;

    @BeforeAll
    static void open() {
        schema = TestServices.newSchema();
        database = TestServices.postgres(schema).build();
        redis = RedisConnection.of(TestServices.REDIS_URL, TestServices.newRedisPrefix());
        shared = RedisInterviewStore.of(database, redis);
    }

    @AfterAll
    static void close() {
        redis.close();
        database.close();
        TestServices.dropSchema(schema);
    }

    @Override
    protected InterviewStore newStore() {
        return shared;
    }

    @Test
    void should_serve_loads_from_redis_when_state_was_cached() {
        InterviewId id = newId();
        Interview created = started(id, "kit:" + id, T0);
        shared.create(created, List.of(question(1, T0)));
        long hits = shared.metrics().hits();

        assertThat(shared.load(id)).contains(created);
        assertThat(shared.load(id)).contains(created);

        assertThat(shared.metrics().hits()).isEqualTo(hits + 2);
        assertThat(redis.metrics().available()).isTrue();
    }

    @Test
    void should_not_serve_a_stale_state_when_another_node_committed_behind_the_cache() {
        InterviewId id = newId();
        Interview v1 = started(id, null, T0);
        shared.create(v1, List.of(question(1, T0)));
        // another node writes straight to the database (as during an outage); our cached v1 is now stale
        Interview v2 = v1.toBuilder().version(2).build();
        database.commit(1, v2, List.of());

        Interview v3 = v2.toBuilder().version(3).build();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> shared.commit(1, v2, List.of()))
                .isInstanceOf(dev.interviewagent.core.exception.ConcurrentTurnException.class);
        // the conflict evicted the stale entry: the next load reads the database
        assertThat(shared.load(id)).contains(v2);
        shared.commit(2, v3, List.of());
        assertThat(shared.load(id)).contains(v3);
    }

    @Test
    void should_find_active_interview_through_the_channel_index() {
        InterviewId id = newId();
        String key = "kit:" + id;
        shared.create(started(id, key, T0), List.of(question(1, T0)));
        assertThat(shared.findActiveByChannelKey(key)).contains(id);
        assertThat(shared.findActiveByChannelKey(key)).contains(id);
    }
}
