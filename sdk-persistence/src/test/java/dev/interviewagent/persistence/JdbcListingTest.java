package dev.interviewagent.persistence;

import static dev.interviewagent.core.spi.testkit.TestInterviews.answer;
import static dev.interviewagent.core.spi.testkit.TestInterviews.newId;
import static dev.interviewagent.core.spi.testkit.TestInterviews.next;
import static dev.interviewagent.core.spi.testkit.TestInterviews.question;
import static dev.interviewagent.core.spi.testkit.TestInterviews.started;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interviewagent.core.CloseReason;
import dev.interviewagent.core.Interview;
import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.InterviewStatus;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.Turn;
import dev.interviewagent.core.exception.StoreException;
import dev.interviewagent.core.guide.Stage;
import dev.interviewagent.core.internal.json.JsonMappers;
import dev.interviewagent.core.spi.InterviewCodec;
import dev.interviewagent.core.spi.InterviewQuery;
import dev.interviewagent.core.spi.InterviewSummary;
import dev.interviewagent.persistence.internal.jdbc.Dialect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Listing on the JDBC store beyond the contract kit: with encryption at rest it reads plain columns only, and
 * interviews stored before the listing columns existed (schema version 1) are listed after the upgrade (the
 * migration fills what SQL can read, the store fills the rest, encrypted states and every row on H2, when it starts).
 */
class JdbcListingTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes();
    private static final byte[] OTHER_KEY = "fedcba9876543210fedcba9876543210".getBytes();

    private final InterviewCodec codec = new InterviewCodec();
    private final AesGcmAnswerEncryption encryption = AesGcmAnswerEncryption.builder().key("k1", KEY).build();
    private final List<AutoCloseable> open = new ArrayList<>();
    private final List<String> schemas = new ArrayList<>();

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
        for (String schema : schemas) {
            TestServices.dropSchema(schema);
        }
    }

    @Test
    void should_list_an_encrypted_store_from_columns_that_hold_no_respondent_text() throws Exception {
        String schema = TestServices.newSchema();
        schemas.add(schema);
        JdbcInterviewStore store = open(TestServices.postgres(schema).encryption(encryption)
                .redactor(PiiRedactor.emailsAndPhones()));
        Interview v1 = started(newId(), "telegram:77", T0).toBuilder().language(Language.RUSSIAN).build();
        store.create(v1, List.of(question(1, T0)));
        Turn a2 = answer(2, "m1", "the secret valve sequence is 3-1-2, mail ada@example.com", T0.plusSeconds(9));
        Interview v2 = next(v1, List.of(a2), T0.plusSeconds(9)).toBuilder().stage(Stage.PROFILING).build();
        store.commit(1, v2, List.of(a2));

        assertThat(store.list(InterviewQuery.builder().channel("telegram").language(Language.RUSSIAN).build())
                .items()).containsExactly(InterviewSummary.of(v2));
        try (Connection c = TestServices.pgConnection(schema);
             PreparedStatement ps = c.prepareStatement("SELECT concat_ws('|', language, style, channel, stage, "
                     + "close_reason), jsonb_typeof(state) FROM interviews WHERE id = ?")) {
            ps.setString(1, v1.id().value());
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("ru|master|telegram|profiling");
                assertThat(rs.getString(2)).as("the state stays encrypted").isEqualTo("string");
            }
        }
    }

    @Test
    void should_list_plaintext_and_encrypted_interviews_stored_before_the_upgrade_on_postgresql() throws Exception {
        String schema = versionOnePostgres();
        Interview english = started(newId(), "telegram:1", T0);
        Interview russianCompleted = started(newId(), "telegram:2", T0).toBuilder().language(Language.RUSSIAN)
                .stage(Stage.WRAP_UP).status(InterviewStatus.COMPLETED).closeReason(CloseReason.NORMAL)
                .updatedAt(T0.plusSeconds(60)).endedAt(T0.plusSeconds(60)).build();
        Interview russianEncrypted = started(newId(), "web:abc", T0).toBuilder().language(Language.RUSSIAN)
                .style("journalist").updatedAt(T0.plusSeconds(120)).build();
        try (Connection c = TestServices.pgConnection(schema)) {
            insertVersionOneRow(c, "CAST(? AS jsonb)", english, codec.toJson(english));
            insertVersionOneRow(c, "CAST(? AS jsonb)", russianCompleted, codec.toJson(russianCompleted));
            insertVersionOneRow(c, "CAST(? AS jsonb)", russianEncrypted, encrypted(russianEncrypted));
        }

        JdbcInterviewStore store = open(TestServices.postgres(schema).encryption(encryption).migrateEncryption(true));

        assertThat(store.list(InterviewQuery.builder().build()).items()).containsExactly(
                InterviewSummary.of(russianEncrypted), InterviewSummary.of(russianCompleted),
                InterviewSummary.of(english));
        assertThat(ids(store, InterviewQuery.builder().language(Language.RUSSIAN).build()))
                .containsExactly(russianEncrypted.id(), russianCompleted.id());
        assertThat(ids(store, InterviewQuery.builder().channel("telegram").build()))
                .containsExactly(russianCompleted.id(), english.id());
        assertThat(ids(store, InterviewQuery.builder().style("journalist").build()))
                .containsExactly(russianEncrypted.id());
        try (Connection c = TestServices.pgConnection(schema);
             PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM interviews WHERE language IS NULL "
                     + "OR style IS NULL OR stage IS NULL OR jsonb_typeof(state) = 'object' AND id = ?")) {
            ps.setString(1, russianEncrypted.id().value());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertThat(rs.getInt(1)).as("unfilled rows, or the encrypted state decrypted in place").isZero();
            }
        }
    }

    @Test
    void should_start_and_refuse_to_list_an_old_row_it_cannot_decrypt_when_its_key_is_missing() throws Exception {
        String schema = versionOnePostgres();
        Interview readable = started(newId(), "telegram:1", T0);
        Interview sealed = started(newId(), "telegram:2", T0).toBuilder().updatedAt(T0.plusSeconds(60)).build();
        try (Connection c = TestServices.pgConnection(schema)) {
            insertVersionOneRow(c, "CAST(? AS jsonb)", readable, codec.toJson(readable));
            insertVersionOneRow(c, "CAST(? AS jsonb)", sealed, encrypted(sealed));
        }
        AesGcmAnswerEncryption otherKey = AesGcmAnswerEncryption.builder().key("k2", OTHER_KEY).build();

        JdbcInterviewStore store = open(TestServices.postgres(schema).encryption(otherKey).migrateEncryption(true));

        assertThat(ids(store, InterviewQuery.builder().updatedBefore(T0.plusSeconds(1)).build()))
                .containsExactly(readable.id());
        assertThatThrownBy(() -> store.list(InterviewQuery.builder().build()))
                .isInstanceOf(StoreException.class).hasMessageContaining("k1");
        JdbcInterviewStore withKey = open(TestServices.postgres(schema).encryption(encryption).migrateEncryption(true)
                .poolName("with-key"));
        assertThat(ids(withKey, InterviewQuery.builder().build())).containsExactly(sealed.id(), readable.id());
        assertThat(ids(store, InterviewQuery.builder().build())).as("filled once, listed by any store")
                .containsExactly(sealed.id(), readable.id());
    }

    @Test
    void should_list_interviews_stored_before_the_upgrade_on_h2() throws Exception {
        Path dir = Files.createTempDirectory("ia-listing-migration-");
        String url = JdbcInterviewStore.embeddedUrl(dir);
        Flyway.configure(getClass().getClassLoader()).dataSource(url, null, null)
                .locations(Dialect.H2.migrations()).table("interview_schema_history").target("1").load().migrate();
        Interview english = started(newId(), "telegram:1", T0);
        Interview russian = started(newId(), "plain-key", T0).toBuilder().language(Language.RUSSIAN)
                .status(InterviewStatus.ENDED_EARLY).closeReason(CloseReason.EARLY).updatedAt(T0.plusSeconds(5))
                .build();
        try (Connection c = DriverManager.getConnection(url)) {
            insertVersionOneRow(c, "?", english, codec.toJson(english));
            insertVersionOneRow(c, "?", russian, codec.toJson(russian));
        }

        JdbcInterviewStore store = open(JdbcInterviewStore.builder().embedded(dir));

        assertThat(store.list(InterviewQuery.builder().build()).items())
                .containsExactly(InterviewSummary.of(russian), InterviewSummary.of(english));
        assertThat(ids(store, InterviewQuery.builder().channel("telegram").build())).containsExactly(english.id());
        assertThat(ids(store, InterviewQuery.builder().language(Language.RUSSIAN)
                .statuses(InterviewStatus.ENDED_EARLY).build())).containsExactly(russian.id());
    }

    /** A new PostgreSQL schema migrated to version 1 only, as an older SDK left it. */
    private String versionOnePostgres() {
        String schema = TestServices.newSchema();
        schemas.add(schema);
        Flyway.configure(getClass().getClassLoader())
                .dataSource(TestServices.PG_URL, TestServices.PG_USER, TestServices.PG_PASSWORD)
                .locations(Dialect.POSTGRESQL.migrations()).table("interview_schema_history")
                .schemas(schema).defaultSchema(schema).createSchemas(true).target("1").load().migrate();
        return schema;
    }

    /** The row the version-1 store wrote for {@code state} (also the row of a version-3 database: the same columns). */
    static void insertVersionOneRow(Connection c, String jsonParameter, Interview state, String document)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO interviews (id, version, status, channel_key, "
                + "turn_count, state, created_at, updated_at, ended_at) VALUES (?, ?, ?, ?, ?, " + jsonParameter
                + ", ?, ?, ?)")) {
            ps.setString(1, state.id().value());
            ps.setLong(2, state.version());
            ps.setString(3, state.status().code());
            ps.setString(4, state.channelKey());
            ps.setInt(5, state.turnCount());
            ps.setString(6, document);
            ps.setObject(7, state.createdAt().atOffset(ZoneOffset.UTC));
            ps.setObject(8, state.updatedAt().atOffset(ZoneOffset.UTC));
            ps.setObject(9, state.endedAt() == null ? null : state.endedAt().atOffset(ZoneOffset.UTC));
            ps.executeUpdate();
        }
    }

    /** The state document as the version-1 store wrote it with encryption on: a JSON string. */
    private String encrypted(Interview state) throws Exception {
        return JsonMappers.store().writeValueAsString(encryption.encrypt(codec.toJson(state)));
    }

    private JdbcInterviewStore open(JdbcInterviewStoreBuilder builder) {
        JdbcInterviewStore store = builder.build();
        open.add(store);
        return store;
    }

    private static List<InterviewId> ids(JdbcInterviewStore store, InterviewQuery query) {
        return store.list(query).items().stream().map(InterviewSummary::id).toList();
    }
}
