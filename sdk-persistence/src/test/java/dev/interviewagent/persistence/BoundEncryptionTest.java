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
import dev.interviewagent.core.Turn;
import dev.interviewagent.core.channel.ChannelInbox;
import dev.interviewagent.core.channel.ChannelInbox.Entry;
import dev.interviewagent.core.exception.StoreException;
import dev.interviewagent.core.spi.InterviewCodec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Encryption at rest on PostgreSQL with each value bound to its row: a ciphertext moved to another row or column is
 * refused, plain text is refused while encryption is on, and values written before (plain text, the unbound
 * {@code enc:v1} format, an older key) are read and rewritten only by the explicit migration.
 */
class BoundEncryptionTest {

    private static final Instant T0 = Instant.parse("2026-02-01T10:00:00Z");
    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes();
    private static final byte[] NEW_KEY = "fedcba9876543210fedcba9876543210".getBytes();
    private static final String SECRET = "the secret valve sequence is 3-1-2";

    private final AesGcmAnswerEncryption encryption = AesGcmAnswerEncryption.builder().key("k1", KEY).build();
    private final List<AutoCloseable> open = new ArrayList<>();
    private String schema;

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
        JdbcInterviewStore store = builder.poolName("bound-" + open.size()).build();
        open.add(store);
        return store;
    }

    /** An interview with a question and an answer holding {@code text}, and a report. */
    private InterviewId interview(JdbcInterviewStore store, String text) {
        InterviewId id = newId();
        Interview v1 = started(id, "web:" + id, T0);
        store.create(v1, List.of(question(1, T0)));
        Turn a2 = answer(2, "m1", text, T0);
        Turn q3 = question(3, T0);
        store.commit(1, next(v1, List.of(a2, q3), T0), List.of(a2, q3));
        store.archiveReport(id, "{\"summary\":\"" + text + "\"}", "# " + text);
        return id;
    }

    private String column(String sql, Object... parameters) throws SQLException {
        try (Connection c = TestServices.pgConnection(schema); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getString(1);
            }
        }
    }

    private int execute(String sql, Object... parameters) throws SQLException {
        try (Connection c = TestServices.pgConnection(schema); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setObject(i + 1, parameters[i]);
            }
            return ps.executeUpdate();
        }
    }

    @Test
    void should_refuse_a_ciphertext_copied_to_another_row_or_column_when_reading() throws Exception {
        JdbcInterviewStore store = store(TestServices.postgres(schema).encryption(encryption));
        InterviewId victim = interview(store, "victim's own answer");
        InterviewId attacker = interview(store, SECRET);

        // another interview's answer into the victim's answer; an answer into a question of the same interview
        execute("UPDATE turns SET text = (SELECT text FROM turns WHERE interview_id = ? AND number = 2) "
                + "WHERE interview_id = ? AND number = 2", attacker.value(), victim.value());
        execute("UPDATE turns SET text = (SELECT text FROM turns WHERE interview_id = ? AND number = 2) "
                + "WHERE interview_id = ? AND number = 3", attacker.value(), attacker.value());
        // another interview's state, and a report's JSON into its Markdown
        execute("UPDATE interviews SET state = (SELECT state FROM interviews WHERE id = ?) WHERE id = ?",
                attacker.value(), victim.value());
        execute("UPDATE reports SET markdown = report_json WHERE interview_id = ?", attacker.value());

        assertThatThrownBy(() -> store.turns(victim)).isInstanceOf(StoreException.class)
                .hasMessageContaining("turns.text #2 of " + victim).hasMessageContaining("'k1'")
                .hasMessageNotContaining("3-1-2").hasMessageNotContaining(Base64.getEncoder().encodeToString(KEY));
        assertThatThrownBy(() -> store.turns(attacker)).isInstanceOf(StoreException.class)
                .hasMessageContaining("turns.text #3 of " + attacker);
        assertThatThrownBy(() -> store.load(victim)).isInstanceOf(StoreException.class)
                .hasMessageContaining("interviews.state of " + victim).hasMessageNotContaining("3-1-2");
        assertThatThrownBy(() -> store.findReport(attacker)).isInstanceOf(StoreException.class)
                .hasMessageContaining("reports.markdown of " + attacker);
        assertThat(store.load(attacker)).isPresent();
    }

    @Test
    void should_refuse_plain_text_planted_in_an_encrypted_store() throws Exception {
        JdbcInterviewStore store = store(TestServices.postgres(schema).encryption(encryption));
        InterviewId id = interview(store, SECRET);
        Interview state = store.load(id).orElseThrow();

        execute("UPDATE turns SET text = 'planted instruction' WHERE interview_id = ? AND number = 3", id.value());
        execute("UPDATE interviews SET state = CAST(? AS jsonb) WHERE id = ?", new InterviewCodec().toJson(state),
                id.value());
        execute("UPDATE reports SET report_json = '{}' WHERE interview_id = ?", id.value());

        assertThatThrownBy(() -> store.turns(id)).isInstanceOf(StoreException.class)
                .hasMessageContaining("plain text").hasMessageNotContaining("planted");
        assertThatThrownBy(() -> store.load(id)).isInstanceOf(StoreException.class)
                .hasMessageContaining("interviews.state of " + id).hasMessageContaining("plain text");
        assertThatThrownBy(() -> store.findReport(id)).isInstanceOf(StoreException.class)
                .hasMessageContaining("reports.report_json of " + id);
    }

    @Test
    void should_refuse_an_inbox_payload_copied_to_another_entry() throws Exception {
        JdbcInterviewStore store = store(TestServices.postgres(schema).encryption(encryption));
        ChannelInbox inbox = JdbcChannelInbox.of(store);
        inbox.add(new Entry("telegram:1", "10", "{\"text\":\"" + SECRET + "\"}"));
        inbox.add(new Entry("telegram:1", "11", "{\"text\":\"harmless\"}"));
        assertThat(inbox.pending("telegram:1")).hasSize(2);

        execute("UPDATE channel_inbox SET payload = (SELECT payload FROM channel_inbox WHERE message_id = '10') "
                + "WHERE message_id = '11'");

        assertThatThrownBy(() -> inbox.pending("telegram:1")).isInstanceOf(StoreException.class)
                .hasMessageContaining("channel_inbox.payload #11 of telegram:1").hasMessageNotContaining("3-1-2");
    }

    @Test
    void should_refuse_plain_text_written_before_encryption_until_the_migration_rewrites_it() throws Exception {
        JdbcInterviewStore plain = store(TestServices.postgres(schema));
        InterviewId id = interview(plain, SECRET);
        ChannelInbox plainInbox = JdbcChannelInbox.of(plain);
        plainInbox.add(new Entry("telegram:1", "20", "{\"text\":\"" + SECRET + "\"}"));
        Interview before = plain.load(id).orElseThrow();

        JdbcInterviewStore strict = store(TestServices.postgres(schema).encryption(encryption));
        assertThatThrownBy(() -> strict.load(id)).isInstanceOf(StoreException.class).hasMessageContaining("plain text");
        assertThatThrownBy(() -> strict.turns(id)).isInstanceOf(StoreException.class);

        JdbcInterviewStore migrating = store(TestServices.postgres(schema).encryption(encryption)
                .migrateEncryption(true));

        assertThat(column("SELECT text FROM turns WHERE interview_id = ? AND number = 2", id.value()))
                .startsWith("enc:v2:k1:").doesNotContain("3-1-2");
        assertThat(column("SELECT state::text FROM interviews WHERE id = ?", id.value()))
                .startsWith("\"enc:v2:k1:").doesNotContain("3-1-2");
        assertThat(column("SELECT report_json || markdown FROM reports WHERE interview_id = ?", id.value()))
                .doesNotContain("3-1-2");
        assertThat(column("SELECT payload FROM channel_inbox WHERE message_id = '20'")).startsWith("enc:v2:k1:");
        assertThat(migrating.migrateEncryption()).as("a second pass finds nothing left")
                .isEqualTo(new JdbcInterviewStore.MigrationResult(0, 0, 0, 0, 0));
        // after the migration a strict store reads everything
        JdbcInterviewStore after = store(TestServices.postgres(schema).encryption(encryption));
        assertThat(after.load(id)).contains(before);
        assertThat(after.turns(id).get(1).text()).isEqualTo(SECRET);
        assertThat(after.findReport(id).orElseThrow().markdown()).isEqualTo("# " + SECRET);
        assertThat(JdbcChannelInbox.of(after).pending("telegram:1")).extracting(Entry::payload)
                .containsExactly("{\"text\":\"" + SECRET + "\"}");
    }

    @Test
    void should_migrate_unbound_values_of_earlier_versions_and_values_of_an_older_key() throws Exception {
        JdbcInterviewStore store = store(TestServices.postgres(schema).encryption(encryption));
        InterviewId id = interview(store, SECRET);
        // as the previous version wrote them: enc:v1 without a binding
        execute("UPDATE turns SET text = ? WHERE interview_id = ? AND number = 2", encryption.encrypt(SECRET),
                id.value());
        execute("UPDATE reports SET markdown = ? WHERE interview_id = ?", encryption.encrypt("# old"), id.value());
        assertThatThrownBy(() -> store.turns(id)).isInstanceOf(StoreException.class).hasMessageContaining("enc:v1");

        AesGcmAnswerEncryption rotated = AesGcmAnswerEncryption.builder().key("k2", NEW_KEY).key("k1", KEY).build();
        JdbcInterviewStore migrating = store(TestServices.postgres(schema).encryption(rotated)
                .migrateEncryption(true));

        assertThat(migrating.migrateEncryption().rewritten()).isZero();
        AesGcmAnswerEncryption newOnly = AesGcmAnswerEncryption.builder().key("k2", NEW_KEY).build();
        JdbcInterviewStore retired = store(TestServices.postgres(schema).encryption(newOnly));
        assertThat(retired.turns(id)).extracting(Turn::text).containsExactly("Question 1?", SECRET, "Question 3?");
        assertThat(retired.findReport(id).orElseThrow().markdown()).isEqualTo("# old");
        assertThat(retired.load(id)).isPresent();
        assertThat(column("SELECT string_agg(text, ' ') FROM turns WHERE interview_id = ?", id.value()))
                .doesNotContain("enc:v1:", "enc:v2:k1:");
    }

    @Test
    void should_leave_values_it_cannot_decrypt_and_count_them_when_migrating() throws Exception {
        JdbcInterviewStore store = store(TestServices.postgres(schema).encryption(encryption));
        InterviewId id = interview(store, SECRET);
        AesGcmAnswerEncryption other = AesGcmAnswerEncryption.builder().key("k9", NEW_KEY).build();
        String stateBefore = column("SELECT state::text FROM interviews WHERE id = ?", id.value());

        JdbcInterviewStore wrongRing = store(TestServices.postgres(schema).encryption(other).migrateEncryption(true));

        assertThat(wrongRing.migrateEncryption()).isEqualTo(new JdbcInterviewStore.MigrationResult(0, 0, 0, 0, 6));
        assertThat(column("SELECT state::text FROM interviews WHERE id = ?", id.value())).isEqualTo(stateBefore);
        assertThat(store.load(id)).isPresent();
    }

    @Test
    void should_say_a_value_is_encrypted_when_the_store_has_no_key() {
        JdbcInterviewStore store = store(TestServices.postgres(schema).encryption(encryption));
        InterviewId id = interview(store, SECRET);

        JdbcInterviewStore keyless = store(TestServices.postgres(schema));

        assertThatThrownBy(() -> keyless.load(id)).isInstanceOf(StoreException.class)
                .hasMessageContaining("encrypted with key 'k1'").hasMessageContaining("no encryption configured");
        assertThatThrownBy(() -> keyless.turns(id)).isInstanceOf(StoreException.class)
                .hasMessageContaining("turns.text #1 of " + id);
        assertThatThrownBy(() -> TestServices.postgres(schema).migrateEncryption(true).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("migrateEncryption");
        assertThatThrownBy(keyless::migrateEncryption).isInstanceOf(IllegalStateException.class);
    }
}
