package dev.interviewagent.persistence;

import static dev.interviewagent.core.spi.testkit.TestInterviews.answer;
import static dev.interviewagent.core.spi.testkit.TestInterviews.newId;
import static dev.interviewagent.core.spi.testkit.TestInterviews.next;
import static dev.interviewagent.core.spi.testkit.TestInterviews.question;
import static dev.interviewagent.core.spi.testkit.TestInterviews.started;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interviewagent.core.Interview;
import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.MessageId;
import dev.interviewagent.core.Turn;
import dev.interviewagent.core.exception.InputTooLargeException;
import dev.interviewagent.core.exception.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Hostile and oversized input reaches both databases only as parameters and comes back byte for byte. */
class BadInputTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    private static String schema;
    private static JdbcInterviewStore postgres;
    private static JdbcInterviewStore embedded;

    @BeforeAll
    static void open() throws Exception {
        schema = TestServices.newSchema();
        postgres = TestServices.postgres(schema).build();
        embedded = JdbcInterviewStore.embedded(Files.createTempDirectory("ia-bad-input-"));
    }

    @AfterAll
    static void close() {
        postgres.close();
        embedded.close();
        TestServices.dropSchema(schema);
    }

    static Stream<String> stores() {
        return Stream.of("postgresql", "h2");
    }

    private static JdbcInterviewStore store(String kind) {
        return kind.equals("postgresql") ? postgres : embedded;
    }

    private static Interview created(JdbcInterviewStore store, InterviewId id, String channelKey) {
        Interview v1 = started(id, channelKey, T0);
        store.create(v1, List.of(question(1, T0)));
        return v1;
    }

    @ParameterizedTest
    @MethodSource("stores")
    void should_store_sql_looking_text_verbatim_when_it_is_an_answer_a_message_id_or_a_channel_key(String kind)
            throws Exception {
        JdbcInterviewStore store = store(kind);
        InterviewId id = newId();
        String channelKey = "tg:1'); DELETE FROM interviews; --";
        Interview v1 = created(store, id, channelKey);
        String text = "Robert'); DROP TABLE turns;-- \\' \" `$(rm -rf /)` %s %n ${jndi:ldap://x} <script>alert(1)</script> "
                + "' OR '1'='1 /* */ ; SELECT pg_sleep(10); \\x00 \\\\";
        String messageId = "1' OR '1'='1";
        Turn a2 = answer(2, messageId, text, T0);
        store.commit(1, next(v1, List.of(a2), T0), List.of(a2));

        assertThat(store.findByMessageId(id, MessageId.of(messageId))).contains(a2);
        assertThat(store.turns(id).get(1).text()).isEqualTo(text);
        assertThat(store.findActiveByChannelKey(channelKey)).contains(id);
        assertThat(store.findByChannelKey("tg:1' OR '1'='1")).isEmpty();
        if (store == postgres) {
            try (Connection c = TestServices.pgConnection(schema); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT count(*) FROM interviews")) {
                rs.next();
                assertThat(rs.getInt(1)).isPositive();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("stores")
    void should_keep_replacement_characters_when_the_answer_came_from_invalid_utf8(String kind) {
        JdbcInterviewStore store = store(kind);
        InterviewId id = newId();
        Interview v1 = created(store, id, null);
        byte[] invalid = {(byte) 0xC3, (byte) 0x28, 'o', 'k', (byte) 0xFF, (byte) 0xFE, (byte) 0xED, (byte) 0xA0,
            (byte) 0x80, ' ', (byte) 0xF0, (byte) 0x9F, (byte) 0x98, (byte) 0x80, (byte) 0xE2, (byte) 0x82};
        String decoded = new String(invalid, StandardCharsets.UTF_8); // what a channel hands over: U+FFFD for bad bytes
        Turn a2 = answer(2, "m1", decoded + " ё 中文 \uD83D\uDE00", T0);
        store.commit(1, next(v1, List.of(a2), T0), List.of(a2));

        assertThat(store.turns(id).get(1).text()).isEqualTo(decoded + " ё 中文 \uD83D\uDE00").contains("\uFFFD");
        assertThat(store.load(id).orElseThrow().knowledge().get(0).text())
                .isEqualTo((decoded + " ё 中文 \uD83D\uDE00").strip());
    }

    @ParameterizedTest
    @MethodSource("stores")
    void should_reject_text_unicode_cannot_carry_when_it_has_nul_or_lone_surrogates(String kind) {
        JdbcInterviewStore store = store(kind);
        InterviewId id = newId();
        Interview v1 = created(store, id, null);
        for (String bad : List.of("before\u0000after", "lone \uD800 high", "lone \uDC00 low")) {
            Turn a2 = answer(2, "m1", bad, T0);
            assertThatThrownBy(() -> store.commit(1, next(v1, List.of(a2), T0), List.of(a2)))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageNotContaining(bad);
        }
        assertThat(store.turns(id)).hasSize(1);
        assertThat(store.load(id).orElseThrow().version()).isEqualTo(1);
    }

    @ParameterizedTest
    @MethodSource("stores")
    void should_store_a_row_of_a_million_characters_and_reject_one_over_the_limit(String kind) {
        JdbcInterviewStore store = store(kind);
        InterviewId id = newId();
        Interview v1 = created(store, id, null);
        String big = "долгий ответ 😀 ".repeat(1_000_000 / 16).substring(0, 999_999) + "!";
        assertThat(big).hasSize(JdbcInterviewStore.DEFAULT_MAX_TEXT_CHARS);
        Turn a2 = answer(2, "m1", big, T0);
        Interview v2 = next(v1, List.of(a2), T0);
        store.commit(1, v2, List.of(a2));
        assertThat(store.turns(id).get(1).text()).isEqualTo(big);
        assertThat(store.load(id).orElseThrow()).isEqualTo(v2);

        Turn tooBig = answer(3, "m2", big + "x", T0);
        assertThatThrownBy(() -> store.commit(2, next(v2, List.of(tooBig), T0), List.of(tooBig)))
                .isInstanceOf(InputTooLargeException.class);
        assertThat(store.turns(id)).hasSize(2);
    }
}
