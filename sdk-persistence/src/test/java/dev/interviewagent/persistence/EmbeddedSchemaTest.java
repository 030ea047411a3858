package dev.interviewagent.persistence;

import static dev.interviewagent.core.spi.testkit.TestInterviews.newId;
import static dev.interviewagent.core.spi.testkit.TestInterviews.started;
import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewagent.core.Interview;
import dev.interviewagent.core.spi.InterviewCodec;
import dev.interviewagent.persistence.internal.jdbc.Dialect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * The embedded H2 schema keeps every text in its row: H2 stores a long CLOB in a LOB map outside the row's
 * transaction, and a process killed mid-write could leave a committed row whose text could not be read on the next
 * start (what {@code CrashSafetyTest} caught). Version 4 turns the CLOB columns of older databases into varchar.
 */
class EmbeddedSchemaTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void should_store_every_text_column_in_the_row_and_keep_it_required() throws Exception {
        Path dir = Files.createTempDirectory("ia-h2-schema-");
        try (JdbcInterviewStore ignored = JdbcInterviewStore.embedded(dir);
             Connection c = DriverManager.getConnection(JdbcInterviewStore.embeddedUrl(dir))) {
            Map<String, String> types = textColumns(c);

            assertThat(types.values()).as("no column is a LOB").noneMatch(type -> type.contains("LARGE OBJECT"));
            for (String column : List.of("interviews.state", "turns.text", "reports.report_json", "reports.markdown",
                    "channel_inbox.payload")) {
                assertThat(types).as(column).containsEntry(column, "CHARACTER VARYING NOT NULL");
            }
        }
    }

    @Test
    void should_read_a_long_document_written_as_a_clob_by_an_older_version_after_the_upgrade() throws Exception {
        Path dir = Files.createTempDirectory("ia-h2-upgrade-");
        String url = JdbcInterviewStore.embeddedUrl(dir);
        Flyway.configure(getClass().getClassLoader()).dataSource(url, null, null)
                .locations(Dialect.H2.migrations()).table(JdbcInterviewStore.SCHEMA_HISTORY_TABLE).target("3").load()
                .migrate();
        Interview interview = started(newId(), "web:upgrade", T0);
        // JSON allows the padding; 40,000 characters are far past what H2 keeps inside the row for a CLOB
        String document = new InterviewCodec().toJson(interview) + " ".repeat(40_000);
        try (Connection c = DriverManager.getConnection(url)) {
            assertThat(textColumns(c)).containsEntry("interviews.state", "CHARACTER LARGE OBJECT NOT NULL");
            JdbcListingTest.insertVersionOneRow(c, "?", interview, document);
        }

        try (JdbcInterviewStore store = JdbcInterviewStore.embedded(dir);
             Connection c = DriverManager.getConnection(url)) {
            assertThat(store.load(interview.id())).contains(interview);
            assertThat(textColumns(c)).containsEntry("interviews.state", "CHARACTER VARYING NOT NULL");
        }
    }

    /** Every column holding text of unbounded length, as {@code table.column -> "TYPE [NOT NULL]"}. */
    private static Map<String, String> textColumns(Connection c) throws SQLException {
        Map<String, String> columns = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT table_name, column_name, data_type, is_nullable "
                + "FROM information_schema.columns WHERE table_schema = 'public' "
                + "AND (UPPER(data_type) LIKE '%LARGE OBJECT' "
                + "OR (UPPER(data_type) = 'CHARACTER VARYING' AND character_maximum_length > 100000)) "
                + "ORDER BY table_name, column_name");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                columns.put(rs.getString(1).toLowerCase(Locale.ROOT) + "." + rs.getString(2).toLowerCase(Locale.ROOT),
                        rs.getString(3).toUpperCase(Locale.ROOT) + ("NO".equals(rs.getString(4)) ? " NOT NULL" : ""));
            }
        }
        return columns;
    }
}
