package dev.interviewagent.persistence.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewagent.core.Answer;
import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.MessageId;
import dev.interviewagent.core.StartRequest;
import dev.interviewagent.core.Turn;
import dev.interviewagent.persistence.JdbcInterviewStore;
import dev.interviewagent.persistence.TestServices;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Redis stops in the middle of a run (a private redis-server, so the shared one is never touched): interviews go on
 * against PostgreSQL alone; when Redis is back, the cache and the distributed lock are used again.
 */
class RedisOutageTest {

    private String schema;
    private PrivateRedis server;
    private JdbcInterviewStore database;
    private RedisConnection redis;
    private InterviewEngine engine;

    @BeforeEach
    void setUp() throws Exception {
        schema = TestServices.newSchema();
        server = new PrivateRedis().start();
        database = TestServices.postgres(schema).build();
        redis = RedisConnection.builder().url(server.url()).keyPrefix("outage")
                .timeout(Duration.ofMillis(200)).retryInterval(Duration.ZERO).build();
    }

    @AfterEach
    void tearDown() throws Exception {
        engine.close();
        redis.close();
        database.close();
        server.close();
        TestServices.dropSchema(schema);
    }

    @Test
    void should_continue_on_the_database_when_redis_stops_and_use_the_cache_again_when_it_returns()
            throws Exception {
        RedisInterviewStore store = RedisInterviewStore.of(database, redis);
        RedisInterviewLock lock = RedisInterviewLock.of(redis);
        engine = InterviewEngine.builder().store(store).lock(lock).build();
        List<InterviewId> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(engine.start(StartRequest.builder().language(Language.ENGLISH).build()).interviewId());
        }
        List<String> sent = new ArrayList<>();

        answerRounds(ids, "before", 4, sent);
        long hitsBefore = store.metrics().hits();
        assertThat(hitsBefore).isPositive();
        assertThat(redis.metrics().available()).isTrue();

        server.stop();
        answerRounds(ids, "during", 4, sent);
        assertThat(redis.metrics().available()).isFalse();
        assertThat(redis.metrics().outages()).isEqualTo(1);
        assertThat(store.metrics().bypassed()).isPositive();
        assertThat(lock.metrics().fallbacks()).isPositive();
        long hitsDuring = store.metrics().hits();
        assertThat(hitsDuring).isEqualTo(hitsBefore);

        server.start();
        long lockedBefore = lock.metrics().acquired();
        answerRounds(ids, "after", 4, sent);
        assertThat(redis.metrics().available()).isTrue();
        assertThat(store.metrics().invalidations()).isEqualTo(1);
        assertThat(store.metrics().hits()).isGreaterThan(hitsDuring);
        assertThat(lock.metrics().acquired()).isGreaterThan(lockedBefore);

        for (InterviewId id : ids) {
            List<Turn> turns = database.turns(id);
            assertThat(turns).extracting(Turn::number).containsExactlyElementsOf(
                    java.util.stream.IntStream.rangeClosed(1, turns.size()).boxed().toList());
            assertThat(database.load(id).orElseThrow().version()).isEqualTo(turns.size());
            assertThat(turns.stream().filter(Turn::isRespondent).map(t -> t.messageId().value()).toList())
                    .containsExactlyElementsOf(sent.stream().filter(m -> m.startsWith(id + "/"))
                            .map(m -> m.substring(m.indexOf('/') + 1)).toList());
        }
    }

    private void answerRounds(List<InterviewId> ids, String phase, int rounds, List<String> sent) {
        for (int r = 0; r < rounds; r++) {
            for (InterviewId id : ids) {
                String messageId = phase + "-" + r;
                var reply = engine.answer(id, Answer.text(messageId, "In " + phase + " round " + r
                        + " I explain how we calibrate the sensors every 3 days."));
                assertThat(reply.message().replyTo()).isEqualTo(MessageId.of(messageId));
                sent.add(id + "/" + messageId);
            }
        }
    }
}
