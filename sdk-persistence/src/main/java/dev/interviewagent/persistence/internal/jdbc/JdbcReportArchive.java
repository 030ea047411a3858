package dev.interviewagent.persistence.internal.jdbc;

import static dev.interviewagent.persistence.internal.jdbc.JdbcDatabase.utc;

import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.exception.InterviewNotFoundException;
import dev.interviewagent.core.exception.StoreException;
import dev.interviewagent.persistence.ArchivedReport;
import dev.interviewagent.persistence.JdbcInterviewStore;
import dev.interviewagent.persistence.ReportArchive;
import dev.interviewagent.persistence.internal.Bindings;
import dev.interviewagent.persistence.internal.StoredText;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code reports} table: one final report per interview, redacted and sealed like the transcript, deleted with
 * its interview (foreign key). Thread-safe.
 */
public final class JdbcReportArchive implements ReportArchive {

    // The store's log lines keep the public class's logger name, which operators' log configuration refers to.
    private static final Logger log = LoggerFactory.getLogger(JdbcInterviewStore.class);

    private final JdbcDatabase database;
    private final StoredText text;
    private final StorableText storable;
    private final Clock clock;

    public JdbcReportArchive(JdbcDatabase database, StoredText text, StorableText storable, Clock clock) {
        this.database = database;
        this.text = text;
        this.storable = storable;
        this.clock = clock;
    }

    @Override
    public void archiveReport(InterviewId id, String json, String markdown) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(markdown, "markdown");
        String redactedJson = text.redactedJson(json);
        String redactedMarkdown = text.redacted(markdown);
        storable.check(redactedJson, "report json");
        storable.check(redactedMarkdown, "report markdown");
        String storedJson = text.seal(redactedJson, Bindings.reportJson(id));
        String storedMarkdown = text.seal(redactedMarkdown, Bindings.reportMarkdown(id));
        OffsetDateTime now = utc(clock.instant());
        Sql sql = database.sql();
        try {
            database.run(id, "archiveReport", c -> {
                try (PreparedStatement ps = database.prepare(c, sql.upsertReportUpdate)) {
                    ps.setString(1, storedJson);
                    ps.setString(2, storedMarkdown);
                    ps.setObject(3, now);
                    ps.setString(4, id.value());
                    if (ps.executeUpdate() == 1) {
                        return null;
                    }
                }
                try (PreparedStatement ps = database.prepare(c, sql.insertReport)) {
                    ps.setString(1, id.value());
                    ps.setString(2, storedJson);
                    ps.setString(3, storedMarkdown);
                    ps.setObject(4, now);
                    ps.executeUpdate();
                }
                return null;
            });
        } catch (StoreException e) {
            if (e.getCause() instanceof SQLException sqlException
                    && DatabaseErrors.FOREIGN_KEY_VIOLATION.equals(sqlException.getSQLState())) {
                throw new InterviewNotFoundException("no interview " + id);
            }
            throw e;
        }
        log.debug("{} report archived", id);
    }

    @Override
    public Optional<ArchivedReport> findReport(InterviewId id) {
        Objects.requireNonNull(id, "id");
        return Optional.ofNullable(database.run(id, "findReport", c -> {
            try (PreparedStatement ps = database.prepare(c, database.sql().findReport)) {
                ps.setString(1, id.value());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return null;
                    }
                    return new ArchivedReport(id, text.open(rs.getString(1), Bindings.reportJson(id)),
                            text.open(rs.getString(2), Bindings.reportMarkdown(id)),
                            rs.getObject(3, OffsetDateTime.class).toInstant());
                }
            }
        }));
    }
}
