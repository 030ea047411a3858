package dev.interviewagent.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interviewagent.core.channel.ChannelInbox;
import dev.interviewagent.core.channel.ChannelInbox.Entry;
import dev.interviewagent.core.exception.StoreException;
import dev.interviewagent.core.spi.testkit.ChannelInboxContract;
import dev.interviewagent.core.spi.testkit.MutableClock;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The inbox contract on the real PostgreSQL server, plus encryption at rest and the de-duplication window. */
class PostgresChannelInboxTest extends ChannelInboxContract {

    private static String schema;
    private final List<JdbcInterviewStore> opened = new ArrayList<>();
    private ChannelInbox inbox;

    @BeforeAll
    static void createSchema() {
        schema = TestServices.newSchema();
        TestServices.postgres(schema).build().close();
    }

    @AfterAll
    static void dropSchema() {
        TestServices.dropSchema(schema);
    }

    @AfterEach
    void close() {
        opened.forEach(JdbcInterviewStore::close);
    }

    private JdbcInterviewStore open(JdbcInterviewStoreBuilder builder) {
        JdbcInterviewStore store = builder.build();
        opened.add(store);
        return store;
    }

    @Override
    protected ChannelInbox inbox() {
        if (inbox == null) {
            inbox = JdbcChannelInbox.of(open(TestServices.postgres(schema)));
        }
        return inbox;
    }

    @Override
    protected ChannelInbox reopened(ChannelInbox current) {
        return JdbcChannelInbox.of(open(TestServices.postgres(schema)));
    }

    @Test
    void should_store_payloads_encrypted_when_the_store_encrypts() throws Exception {
        AesGcmAnswerEncryption encryption = AesGcmAnswerEncryption.builder().key("k1", new byte[32]).build();
        ChannelInbox encrypted = JdbcChannelInbox.of(open(TestServices.postgres(schema).encryption(encryption)));
        String scope = "enc:" + schema;
        encrypted.add(new Entry(scope, "1", "{\"text\":\"my night shift secret\"}"));

        try (Connection c = TestServices.pgConnection(schema); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT payload FROM channel_inbox WHERE scope = '" + scope + "'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).startsWith(AesGcmAnswerEncryption.PREFIX).doesNotContain("night shift");
        }
        assertThat(encrypted.pending(scope)).extracting(Entry::payload)
                .containsExactly("{\"text\":\"my night shift secret\"}");
    }

    @Test
    void should_take_an_id_again_only_after_the_window_when_it_was_done() {
        MutableClock clock = MutableClock.at("2030-01-01T00:00:00Z");
        ChannelInbox windowed = JdbcChannelInbox.of(open(TestServices.postgres(schema).clock(clock)),
                Duration.ofHours(1));
        String scope = "window:" + schema;
        windowed.add(new Entry(scope, "7", "{}"));
        windowed.done(scope, "7");

        clock.advance(Duration.ofMinutes(59));
        assertThat(windowed.add(new Entry(scope, "7", "{}"))).isFalse();
        clock.advance(Duration.ofMinutes(2));
        assertThat(windowed.add(new Entry(scope, "7", "{}"))).isTrue();
    }

    @Test
    void should_keep_a_pending_id_a_repeat_when_the_window_passed_before_it_was_handled() {
        MutableClock clock = MutableClock.at("2030-01-01T00:00:00Z");
        ChannelInbox windowed = JdbcChannelInbox.of(open(TestServices.postgres(schema).clock(clock)),
                Duration.ofHours(1));
        String scope = "late:" + schema;
        windowed.add(new Entry(scope, "8", "{}"));
        clock.advance(Duration.ofHours(2));

        assertThat(windowed.add(new Entry(scope, "8", "{}"))).isFalse();
        assertThat(windowed.pending(scope)).hasSize(1);
    }

    @Test
    void should_fail_with_a_store_exception_when_the_database_is_gone() {
        JdbcInterviewStore store = open(TestServices.postgres(schema));
        ChannelInbox closed = JdbcChannelInbox.of(store);
        store.close();

        assertThatThrownBy(() -> closed.add(new Entry("gone:" + schema, "1", "{}")))
                .isInstanceOf(StoreException.class);
    }

    @Test
    void should_refuse_a_window_that_is_not_positive() {
        JdbcInterviewStore store = open(TestServices.postgres(schema));
        assertThatThrownBy(() -> JdbcChannelInbox.of(store, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("window");
    }
}
