package dev.interviewagent.persistence.redis;

import static dev.interviewagent.core.spi.testkit.TestInterviews.answer;
import static dev.interviewagent.core.spi.testkit.TestInterviews.newId;
import static dev.interviewagent.core.spi.testkit.TestInterviews.next;
import static dev.interviewagent.core.spi.testkit.TestInterviews.question;
import static dev.interviewagent.core.spi.testkit.TestInterviews.started;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interviewagent.core.Interview;
import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.Turn;
import dev.interviewagent.core.spi.InterviewCodec;
import dev.interviewagent.persistence.AesGcmAnswerEncryption;
import dev.interviewagent.persistence.AnswerEncryption;
import dev.interviewagent.persistence.JdbcInterviewStore;
import dev.interviewagent.persistence.TestServices;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPooled;

/**
 * The Redis cache in front of an encrypted database holds no answer text: it takes the database's key ring, binds
 * each cached state to its interview, and serves nothing it did not seal that way (plain text, another interview's
 * state).
 */
class RedisCacheEncryptionTest {

    private static final Instant T0 = Instant.parse("2026-02-01T10:00:00Z");
    private static final String SECRET = "the secret valve sequence is 3-1-2";
    private static final Pattern SEALED = Pattern.compile("enc:v\\d+:[^:|]+:[A-Za-z0-9+/=]+");

    private final AesGcmAnswerEncryption encryption = AesGcmAnswerEncryption.builder()
            .key("k1", "0123456789abcdef0123456789abcdef".getBytes()).build();
    private String schema;
    private String prefix;
    private JdbcInterviewStore database;
    private RedisConnection redis;
    private JedisPooled jedis;

    @BeforeEach
    void setUp() {
        schema = TestServices.newSchema();
        prefix = TestServices.newRedisPrefix();
        database = TestServices.postgres(schema).encryption(encryption).build();
        redis = RedisConnection.of(TestServices.REDIS_URL, prefix);
        jedis = new JedisPooled(TestServices.redisUri());
    }

    @AfterEach
    void tearDown() {
        jedis.keys(prefix + ":*").forEach(jedis::del);
        jedis.close();
        redis.close();
        database.close();
        TestServices.dropSchema(schema);
    }

    private Interview answered(RedisInterviewStore store, InterviewId id, String text) {
        Interview v1 = started(id, "web:" + id, T0);
        store.create(v1, List.of(question(1, T0)));
        Turn a2 = answer(2, "m1", text, T0);
        Interview v2 = next(v1, List.of(a2), T0);
        store.commit(1, v2, List.of(a2));
        return v2;
    }

    private String cached(InterviewId id) {
        return jedis.get(prefix + ":state:" + id.value());
    }

    @Test
    void should_keep_only_ciphertext_in_redis_when_the_database_encrypts() {
        RedisInterviewStore store = RedisInterviewStore.of(database, redis);    // no encryption given: the database's
        InterviewId id = newId();
        Interview state = answered(store, id, SECRET);

        assertThat(store.load(id)).contains(state);
        assertThat(store.metrics().hits()).isPositive();
        for (String key : jedis.keys(prefix + ":*")) {
            String value = "string".equals(jedis.type(key)) ? jedis.get(key) : "";
            // Base64 ciphertext spells short words by chance ("Ada" in about one run in fifty), so the sealed
            // payloads are cut out first: what remains must be the envelope only, with no plain text in it.
            String envelope = SEALED.matcher(value).replaceAll("enc:<sealed>");
            assertThat(envelope).as(key).doesNotContain("3-1-2", "valve", "Ada", "Acme");
        }
        assertThat(cached(id)).contains("|enc:v2:k1:");
    }

    @Test
    void should_not_serve_a_state_copied_from_another_interviews_cache_entry() {
        RedisInterviewStore store = RedisInterviewStore.of(database, redis);
        InterviewId victim = newId();
        InterviewId other = newId();
        Interview victimState = answered(store, victim, "victim's answer");
        answered(store, other, SECRET);
        store.load(victim);
        store.load(other);

        jedis.set(prefix + ":state:" + victim.value(), cached(other));

        assertThat(store.load(victim)).contains(victimState);
        assertThat(cached(victim)).as("the refused entry was replaced by the database's state")
                .isNotEqualTo(cached(other));
        assertThat(store.load(victim)).contains(victimState);
    }

    @Test
    void should_not_serve_plain_text_planted_in_the_cache_when_encryption_is_on() {
        RedisInterviewStore store = RedisInterviewStore.of(database, redis);
        InterviewId id = newId();
        Interview state = answered(store, id, SECRET);
        store.load(id);
        String entry = cached(id);
        String header = entry.substring(0, entry.indexOf('|', entry.indexOf('|') + 1) + 1);
        Interview forged = state.toBuilder().style("forged").build();

        jedis.set(prefix + ":state:" + id.value(), header + new InterviewCodec().toJson(forged));

        assertThat(store.load(id)).contains(state);
    }

    @Test
    void should_refuse_a_cache_without_encryption_in_front_of_an_encrypted_database() {
        assertThatThrownBy(() -> RedisInterviewStore.builder().delegate(database).redis(redis)
                .encryption(AnswerEncryption.NONE).build()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cache must too");
    }
}
