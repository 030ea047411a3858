package dev.interviewagent.persistence;

import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.exception.StoreException;
import dev.interviewagent.persistence.AnswerEncryption.Binding;
import dev.interviewagent.persistence.internal.Bindings;
import dev.interviewagent.persistence.internal.StoredText;
import dev.interviewagent.persistence.internal.jdbc.JdbcDatabase;
import dev.interviewagent.persistence.internal.jdbc.StateColumn;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One pass of {@link JdbcInterviewStore#migrateEncryption()}: walks each table by its key in batches and rewrites
 * every value that is not sealed for its row with the primary key. Writes never clobber a newer value: a state is
 * rewritten only at the version read, a report only at the archive time read; turns and inbox payloads never change
 * once written. So a commit racing the migration wins, and two nodes migrating at once do the same work twice at most.
 */
final class EncryptionMigration {

    private static final Logger log = LoggerFactory.getLogger(EncryptionMigration.class);
    private static final int BATCH = 200;

    private final JdbcDatabase database;
    private final StoredText text;
    private final StateColumn states;
    private final AnswerEncryption encryption;
    private int unreadable;

    EncryptionMigration(JdbcDatabase database, StoredText text) {
        this.database = database;
        this.text = text;
        this.states = new StateColumn(text);
        this.encryption = text.encryption();
    }

    JdbcInterviewStore.MigrationResult run() {
        int states = states();
        int turns = turns();
        int reports = reports();
        int inbox = inbox();
        JdbcInterviewStore.MigrationResult result = new JdbcInterviewStore.MigrationResult(states, turns, reports,
                inbox, unreadable);
        log.info("encryption migration: rewrote {} states, {} turns, {} reports and {} inbox payloads", states, turns,
                reports, inbox);
        if (unreadable > 0) {
            log.warn("encryption migration: {} stored values cannot be decrypted with the configured keys (a key"
                    + " missing from the ring?): they stay as they are, and reading them fails naming the key",
                    unreadable);
        }
        return result;
    }

    /** The plaintext of a value to rewrite, or null if it is current (nothing to do) or unreadable (counted). */
    private @Nullable String reopen(String stored, Binding binding) {
        if (encryption.isCurrent(stored)) {
            return null;
        }
        try {
            return text.open(stored, binding);
        } catch (StoreException e) {
            unreadable++;
            log.debug("encryption migration: {} left as it is: {}", binding, e.getMessage());
            return null;
        }
    }

    /** The value as it should be stored: itself if current, else re-sealed; null if unreadable. */
    private @Nullable String resealed(String stored, Binding binding) {
        if (encryption.isCurrent(stored)) {
            return stored;
        }
        String plain = reopen(stored, binding);
        return plain == null ? null : encryption.encrypt(plain, binding);
    }

    private int states() {
        int rewritten = 0;
        String after = "";
        while (true) {
            String from = after;
            List<String[]> rows = database.run(null, "migrateEncryption", c -> read(c,
                    "SELECT id, version, state FROM interviews WHERE id > ? ORDER BY id LIMIT ?", ps -> {
                        ps.setString(1, from);
                        ps.setInt(2, BATCH);
                    }, rs -> new String[] {rs.getString(1), Long.toString(rs.getLong(2)), rs.getString(3)}));
            for (String[] row : rows) {
                InterviewId id = InterviewId.of(row[0]);
                Binding binding = Bindings.state(id);
                String plain = reopen(states.value(row[2]), binding);
                if (plain == null) {
                    continue;
                }
                String document = states.encryptedDocument(encryption.encrypt(plain, binding));
                rewritten += database.run(null, "migrateEncryption", c -> update(c, "UPDATE interviews SET state = "
                        + database.dialect().jsonParameter() + " WHERE id = ? AND version = ?", ps -> {
                            ps.setString(1, document);
                            ps.setString(2, id.value());
                            ps.setLong(3, Long.parseLong(row[1]));
                        }));
            }
            if (rows.size() < BATCH) {
                return rewritten;
            }
            after = rows.get(rows.size() - 1)[0];
        }
    }

    private int turns() {
        int rewritten = 0;
        String afterId = "";
        int afterNumber = 0;
        while (true) {
            String fromId = afterId;
            int fromNumber = afterNumber;
            List<String[]> rows = database.run(null, "migrateEncryption", c -> read(c,
                    "SELECT interview_id, number, text FROM turns WHERE interview_id > ? OR (interview_id = ? AND"
                            + " number > ?) ORDER BY interview_id, number LIMIT ?", ps -> {
                        ps.setString(1, fromId);
                        ps.setString(2, fromId);
                        ps.setInt(3, fromNumber);
                        ps.setInt(4, BATCH);
                    }, rs -> new String[] {rs.getString(1), Integer.toString(rs.getInt(2)), rs.getString(3)}));
            for (String[] row : rows) {
                InterviewId id = InterviewId.of(row[0]);
                int number = Integer.parseInt(row[1]);
                Binding binding = Bindings.turn(id, number);
                String plain = reopen(row[2], binding);
                if (plain == null) {
                    continue;
                }
                String sealed = encryption.encrypt(plain, binding);
                rewritten += database.run(null, "migrateEncryption", c -> update(c,
                        "UPDATE turns SET text = ? WHERE interview_id = ? AND number = ?", ps -> {
                            ps.setString(1, sealed);
                            ps.setString(2, id.value());
                            ps.setInt(3, number);
                        }));
            }
            if (rows.size() < BATCH) {
                return rewritten;
            }
            afterId = rows.get(rows.size() - 1)[0];
            afterNumber = Integer.parseInt(rows.get(rows.size() - 1)[1]);
        }
    }

    private int reports() {
        int rewritten = 0;
        String after = "";
        while (true) {
            String from = after;
            List<Object[]> rows = database.run(null, "migrateEncryption", c -> read(c,
                    "SELECT interview_id, report_json, markdown, archived_at FROM reports WHERE interview_id > ?"
                            + " ORDER BY interview_id LIMIT ?", ps -> {
                        ps.setString(1, from);
                        ps.setInt(2, BATCH);
                    }, rs -> new Object[] {rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getObject(4, OffsetDateTime.class)}));
            for (Object[] row : rows) {
                InterviewId id = InterviewId.of((String) row[0]);
                String json = (String) row[1];
                String markdown = (String) row[2];
                if (encryption.isCurrent(json) && encryption.isCurrent(markdown)) {
                    continue;
                }
                String sealedJson = resealed(json, Bindings.reportJson(id));
                String sealedMarkdown = resealed(markdown, Bindings.reportMarkdown(id));
                if (sealedJson == null || sealedMarkdown == null) {
                    continue;
                }
                rewritten += database.run(null, "migrateEncryption", c -> update(c,
                        "UPDATE reports SET report_json = ?, markdown = ? WHERE interview_id = ? AND archived_at = ?",
                        ps -> {
                            ps.setString(1, sealedJson);
                            ps.setString(2, sealedMarkdown);
                            ps.setString(3, id.value());
                            ps.setObject(4, row[3]);
                        }));
            }
            if (rows.size() < BATCH) {
                return rewritten;
            }
            after = (String) rows.get(rows.size() - 1)[0];
        }
    }

    private int inbox() {
        int rewritten = 0;
        long after = 0;
        while (true) {
            long from = after;
            List<String[]> rows = database.run(null, "migrateEncryption", c -> read(c,
                    "SELECT seq, scope, message_id, payload FROM channel_inbox WHERE seq > ? ORDER BY seq LIMIT ?",
                    ps -> {
                        ps.setLong(1, from);
                        ps.setInt(2, BATCH);
                    }, rs -> new String[] {Long.toString(rs.getLong(1)), rs.getString(2), rs.getString(3),
                            rs.getString(4)}));
            for (String[] row : rows) {
                Binding binding = Bindings.inbox(row[1], row[2]);
                String plain = reopen(row[3], binding);
                if (plain == null) {
                    continue;
                }
                String sealed = encryption.encrypt(plain, binding);
                rewritten += database.run(null, "migrateEncryption", c -> update(c,
                        "UPDATE channel_inbox SET payload = ? WHERE seq = ?", ps -> {
                            ps.setString(1, sealed);
                            ps.setLong(2, Long.parseLong(row[0]));
                        }));
            }
            if (rows.size() < BATCH) {
                return rewritten;
            }
            after = Long.parseLong(rows.get(rows.size() - 1)[0]);
        }
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private <T> List<T> read(Connection c, String sql, Binder binder, RowReader<T> reader) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setQueryTimeout(database.queryTimeoutSeconds());
            binder.bind(ps);
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(reader.read(rs));
                }
            }
            return rows;
        }
    }

    private int update(Connection c, String sql, Binder binder) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setQueryTimeout(database.queryTimeoutSeconds());
            binder.bind(ps);
            return ps.executeUpdate();
        }
    }
}
