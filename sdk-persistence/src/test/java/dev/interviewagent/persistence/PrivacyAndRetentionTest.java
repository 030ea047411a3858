package dev.interviewagent.persistence;

import static dev.interviewagent.core.spi.testkit.TestInterviews.answer;
import static dev.interviewagent.core.spi.testkit.TestInterviews.newId;
import static dev.interviewagent.core.spi.testkit.TestInterviews.next;
import static dev.interviewagent.core.spi.testkit.TestInterviews.question;
import static dev.interviewagent.core.spi.testkit.TestInterviews.started;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interviewagent.core.Answer;
import dev.interviewagent.core.Interview;
import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.InterviewStatus;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.MessageId;
import dev.interviewagent.core.StartRequest;
import dev.interviewagent.core.Turn;
import dev.interviewagent.core.exception.StoreException;
import dev.interviewagent.core.spi.testkit.MutableClock;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Export and deletion of one respondent, encryption at rest with rotation, redaction, abandonment and retention. */
class PrivacyAndRetentionTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    private static final byte[] KEY_2025 = "0123456789abcdef0123456789abcdef".getBytes();
    private static final byte[] KEY_2026 = "fedcba9876543210fedcba9876543210".getBytes();

    private String schema;
    private final List<AutoCloseable> open = new ArrayList<>();

    @BeforeEach
    void setUp() {
        schema = TestServices.newSchema();
    }

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
        TestServices.dropSchema(schema);
    }

    private JdbcInterviewStore store(JdbcInterviewStoreBuilder builder) {
        JdbcInterviewStore store = builder.build();
        open.add(store);
        return store;
    }

    @Test
    void should_export_all_interviews_turns_knowledge_and_reports_of_one_respondent_only() throws Exception {
        JdbcInterviewStore store = store(TestServices.postgres(schema));
        String key = "telegram:4242";
        InterviewId first = newId();
        InterviewId second = newId();
        InterviewId stranger = newId();
        for (InterviewId id : List.of(first, second, stranger)) {
            Interview v1 = started(id, id == stranger ? "telegram:1" : key, T0);
            store.create(v1, List.of(question(1, T0)));
            Turn a2 = answer(2, "m1", "answer of " + id, T0);
            store.commit(1, next(v1, List.of(a2), T0), List.of(a2));
        }
        store.archiveReport(first, "{\"summary\":\"pumps\"}", "# Report\npumps");

        String export = PrivacyOperations.of(store).exportRespondent(key);

        JsonNode root = new ObjectMapper().readTree(export);
        assertThat(root.path("channelKey").asText()).isEqualTo(key);
        assertThat(root.path("interviews")).hasSize(2);
        for (JsonNode one : root.path("interviews")) {
            assertThat(one.path("turns")).hasSize(2);
            assertThat(one.path("interview").path("knowledge").get(0).path("text").asText()).startsWith("answer of");
        }
        assertThat(export).contains("answer of " + first, "answer of " + second, "# Report")
                .doesNotContain("answer of " + stranger);
        JsonNode withReport = java.util.stream.StreamSupport.stream(root.path("interviews").spliterator(), false)
                .filter(n -> n.path("interview").path("id").asText().equals(first.value())).findFirst().orElseThrow();
        assertThat(withReport.path("report").path("json").path("summary").asText()).isEqualTo("pumps");
    }

    @Test
    void should_delete_everything_of_one_respondent_and_nothing_else() {
        JdbcInterviewStore store = store(TestServices.postgres(schema));
        String key = "web:alice";
        InterviewId mine = newId();
        InterviewId other = newId();
        store.create(started(mine, key, T0), List.of(question(1, T0)));
        store.create(started(other, "web:bob", T0), List.of(question(1, T0)));
        store.archiveReport(mine, "{}", "report");

        int deleted = PrivacyOperations.of(store).deleteRespondent(key);

        assertThat(deleted).isEqualTo(1);
        assertThat(store.findByChannelKey(key)).isEmpty();
        assertThat(store.load(mine)).isEmpty();
        assertThat(store.turns(mine)).isEmpty();
        assertThat(store.findReport(mine)).isEmpty();
        assertThat(store.load(other)).isPresent();
        assertThat(PrivacyOperations.of(store).deleteRespondent(key)).isZero();
    }

    @Test
    void should_keep_answers_and_reports_encrypted_in_the_database_and_read_them_after_key_rotation()
            throws Exception {
        AesGcmAnswerEncryption old = AesGcmAnswerEncryption.builder().key("k2025", KEY_2025).build();
        JdbcInterviewStore before = store(TestServices.postgres(schema).encryption(old));
        InterviewId id = newId();
        Interview v1 = started(id, "enc:1", T0);
        before.create(v1, List.of(question(1, T0)));
        Turn a2 = answer(2, "m1", "the secret valve sequence is 3-1-2", T0);
        Interview v2 = next(v1, List.of(a2), T0);
        before.commit(1, v2, List.of(a2));
        before.archiveReport(id, "{\"secret\":\"3-1-2\"}", "secret 3-1-2");

        try (Connection c = TestServices.pgConnection(schema);
             PreparedStatement ps = c.prepareStatement("SELECT t.text, i.state::text, r.markdown FROM turns t "
                     + "JOIN interviews i ON i.id = t.interview_id JOIN reports r ON r.interview_id = i.id "
                     + "WHERE t.interview_id = ? AND t.number = 2")) {
            ps.setString(1, id.value());
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).startsWith("enc:v2:k2025:").doesNotContain("3-1-2");
                assertThat(rs.getString(2)).contains("enc:v2:k2025:").doesNotContain("3-1-2");
                assertThat(rs.getString(3)).startsWith("enc:v2:k2025:");
            }
        }

        // rotation: a new primary key, the old one kept for reading
        AesGcmAnswerEncryption rotated = AesGcmAnswerEncryption.builder().key("k2026", KEY_2026)
                .key("k2025", KEY_2025).build();
        JdbcInterviewStore after = store(TestServices.postgres(schema).encryption(rotated).poolName("rotated"));
        assertThat(after.turns(id).get(1).text()).isEqualTo("the secret valve sequence is 3-1-2");
        assertThat(after.load(id)).contains(v2);
        assertThat(after.findReport(id).orElseThrow().markdown()).isEqualTo("secret 3-1-2");
        Turn q3 = question(3, T0);
        after.commit(2, next(v2, List.of(q3), T0), List.of(q3));
        assertThat(after.turns(id)).hasSize(3);
        assertThat(rotated.isCurrent(rotated.encrypt("x", AnswerEncryption.Binding.of("a", "b")))).isTrue();

        // without the old key the old rows cannot be read, and the error says which key is missing
        AesGcmAnswerEncryption newOnly = AesGcmAnswerEncryption.builder().key("k2026", KEY_2026).build();
        JdbcInterviewStore missingKey = store(TestServices.postgres(schema).encryption(newOnly).poolName("nokey"));
        assertThatThrownBy(() -> missingKey.turns(id)).isInstanceOf(StoreException.class)
                .hasMessageContaining("k2025");
        assertThat(old.toString()).doesNotContain(new String(KEY_2025));
    }

    @Test
    void should_redact_emails_and_phones_before_storage_when_a_redactor_is_set() throws Exception {
        JdbcInterviewStore store = store(TestServices.postgres(schema).redactor(PiiRedactor.emailsAndPhones()));
        InterviewId id = newId();
        Interview v1 = started(id, null, T0);
        store.create(v1, List.of(question(1, T0)));
        Turn a2 = answer(2, "m1", "Write to ada.l@example.com or call +44 20 7946 0958 after 5 years.", T0);
        store.commit(1, next(v1, List.of(a2), T0), List.of(a2));

        String expected = "Write to [email] or call [phone] after 5 years.";
        assertThat(store.findByMessageId(id, MessageId.of("m1")).orElseThrow().text()).isEqualTo(expected);
        assertThat(store.load(id).orElseThrow().knowledge().get(0).text()).isEqualTo(expected);
        try (Connection c = TestServices.pgConnection(schema);
             PreparedStatement ps = c.prepareStatement("SELECT state::text FROM interviews WHERE id = ?")) {
            ps.setString(1, id.value());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertThat(rs.getString(1)).doesNotContain("example.com", "7946");
            }
        }
    }

    @Test
    void should_abandon_idle_interviews_keep_them_and_purge_only_old_archived_ones() {
        MutableClock clock = new MutableClock(T0);
        JdbcInterviewStore store = store(TestServices.postgres(schema).clock(clock));
        RetentionPolicy policy = RetentionPolicy.builder().abandonAfter(Duration.ofDays(7))
                .purgeArchivedAfterDays(30).build();
        try (InterviewEngine engine = InterviewEngine.builder().store(store).clock(clock).build()) {
            InterviewId idle = engine.start(StartRequest.builder().language(Language.ENGLISH).build()).interviewId();
            clock.advance(Duration.ofDays(6));
            InterviewId busy = engine.start(StartRequest.builder().language(Language.ENGLISH).build()).interviewId();
            clock.advance(Duration.ofDays(2));
            engine.answer(busy, Answer.text("m1", "still here, answering about pumps"));

            RetentionPolicy.Result first = policy.apply(engine, store);

            assertThat(first).isEqualTo(new RetentionPolicy.Result(1, 0));
            assertThat(store.load(idle).orElseThrow().status()).isEqualTo(InterviewStatus.ABANDONED);
            assertThat(store.turns(idle)).isNotEmpty(); // archived, not deleted
            assertThat(store.load(busy).orElseThrow().isActive()).isTrue();

            clock.advance(Duration.ofDays(29));
            assertThat(policy.apply(engine, store).purged()).isZero();
            clock.advance(Duration.ofDays(2));
            RetentionPolicy.Result later = policy.apply(engine, store);
            assertThat(later.purged()).isEqualTo(1);
            assertThat(store.load(idle)).isEmpty();
            assertThat(store.load(busy)).isPresent(); // abandoned in this run, purged only 30 days after it ended
        }
    }
}
