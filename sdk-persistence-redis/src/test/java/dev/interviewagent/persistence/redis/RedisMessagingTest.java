package dev.interviewagent.persistence.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewagent.core.InterviewId;
import dev.interviewagent.persistence.JdbcInterviewStore;
import dev.interviewagent.persistence.TestServices;
import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** De-duplication with TTL and pub/sub between two nodes. */
class RedisMessagingTest {

    @Test
    void should_report_a_message_id_once_when_it_is_delivered_twice() throws Exception {
        try (RedisConnection redis = RedisConnection.of(TestServices.REDIS_URL, TestServices.newRedisPrefix());
             JdbcInterviewStore fallback = JdbcInterviewStore.embedded(Files.createTempDirectory("ia-dedup-"))) {
            RedisMessageDeduplicator dedup = new RedisMessageDeduplicator(redis, fallback);
            assertThat(dedup.firstSeen("telegram", "update-1", Duration.ofMinutes(5))).isTrue();
            assertThat(dedup.firstSeen("telegram", "update-1", Duration.ofMinutes(5))).isFalse();
            assertThat(dedup.firstSeen("other-bot", "update-1", Duration.ofMinutes(5))).isTrue();
            assertThat(dedup.fallbacks()).isZero();
        }
    }

    @Test
    void should_forget_a_message_id_when_its_ttl_expired() throws Exception {
        try (RedisConnection redis = RedisConnection.of(TestServices.REDIS_URL, TestServices.newRedisPrefix())) {
            RedisMessageDeduplicator dedup = new RedisMessageDeduplicator(redis, (s, m, t) -> true);
            assertThat(dedup.firstSeen("telegram", "update-2", Duration.ofMillis(50))).isTrue();
            // Redis expires the key on its own clock; wait for it there rather than in the test's clock
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            boolean seenAgain = false;
            while (!seenAgain && System.nanoTime() < deadline) {
                seenAgain = dedup.firstSeen("telegram", "update-2", Duration.ofMillis(50));
            }
            assertThat(seenAgain).isTrue();
        }
    }

    @Test
    void should_deliver_an_event_to_the_other_node_when_one_publishes() throws Exception {
        String prefix = TestServices.newRedisPrefix();
        try (RedisConnection a = RedisConnection.of(TestServices.REDIS_URL, prefix);
             RedisConnection b = RedisConnection.of(TestServices.REDIS_URL, prefix);
             RedisInterviewNotifier nodeA = new RedisInterviewNotifier(a);
             RedisInterviewNotifier nodeB = new RedisInterviewNotifier(b)) {
            BlockingQueue<String> received = new LinkedBlockingQueue<>();
            nodeB.subscribe((id, json) -> received.add(id + " " + json));
            assertThat(nodeA.awaitSubscribed(Duration.ofSeconds(5))).isTrue();
            assertThat(nodeB.awaitSubscribed(Duration.ofSeconds(5))).isTrue();
            InterviewId id = InterviewId.random();

            nodeA.publish(id, "{\"type\":\"reply\",\"turn\":3}");

            assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo(id + " {\"type\":\"reply\",\"turn\":3}");
            assertThat(nodeA.published()).isEqualTo(1);
        }
    }
}
