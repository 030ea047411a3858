package dev.interviewagent.persistence.internal.jdbc;

import static dev.interviewagent.persistence.internal.jdbc.JdbcDatabase.utc;

import dev.interviewagent.core.Interview;
import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.MessageId;
import dev.interviewagent.core.Turn;
import dev.interviewagent.core.guide.Stage;
import dev.interviewagent.persistence.internal.Bindings;
import dev.interviewagent.persistence.internal.StoredText;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows of the append-only {@code turns} log: turns checked and sealed for writing, bound to statements in the column
 * order of {@link Sql}, and read back with their text opened.
 */
final class TurnRows {

    private final JdbcDatabase database;
    private final StoredText text;
    private final StorableText storable;

    TurnRows(JdbcDatabase database, StoredText text, StorableText storable) {
        this.database = database;
        this.text = text;
        this.storable = storable;
    }

    /** Checks that {@code turns} are the last turns of {@code state}'s log, numbered without a gap. */
    static void checkContinuation(Interview state, List<Turn> turns) {
        int first = state.turnCount() - turns.size() + 1;
        if (first < 1) {
            throw new IllegalArgumentException("turnCount " + state.turnCount() + " is less than the " + turns.size()
                    + " turns given");
        }
        for (int i = 0; i < turns.size(); i++) {
            if (turns.get(i).number() != first + i) {
                throw new IllegalArgumentException("turn numbers must continue the log at " + first
                        + " and end at turnCount " + state.turnCount());
            }
        }
    }

    /** Redacts, checks and encrypts turns for writing. */
    List<Turn> sealed(InterviewId id, List<Turn> turns) {
        List<Turn> out = new ArrayList<>(turns.size());
        for (Turn turn : turns) {
            Turn redacted = text.redacted(turn);
            storable.check(redacted.text(), "turn " + turn.number() + " text");
            if (text.encrypts()) {
                String sealed = text.seal(redacted.text(), Bindings.turn(id, redacted.number()));
                redacted = new Turn(redacted.number(), redacted.role(), redacted.kind(), sealed, redacted.stage(),
                        redacted.modality(), redacted.at(), redacted.confidence(), redacted.messageId(),
                        redacted.replyTo(), redacted.move(), redacted.depth(), redacted.phrasedBy(),
                        redacted.fallback());
            }
            out.add(redacted);
        }
        return out;
    }

    /** Binds the turn's columns (all but {@code interview_id}) from {@code i} on; returns the next index. */
    static int bindValues(PreparedStatement ps, int i, Turn t) throws SQLException {
        ps.setInt(i++, t.number());
        ps.setString(i++, t.role().code());
        ps.setString(i++, t.kind().code());
        ps.setString(i++, t.stage().code());
        ps.setString(i++, t.modality().code());
        ps.setString(i++, t.text());
        ps.setObject(i++, utc(t.at()));
        if (t.confidence() == null) {
            ps.setNull(i++, Types.DOUBLE);
        } else {
            ps.setDouble(i++, t.confidence());
        }
        ps.setString(i++, t.messageId() == null ? null : t.messageId().value());
        ps.setString(i++, t.replyTo() == null ? null : t.replyTo().value());
        ps.setString(i++, t.move());
        ps.setShort(i++, (short) t.depth());
        ps.setString(i++, t.phrasedBy());
        ps.setBoolean(i++, t.fallback());
        return i;
    }

    /** Inserts turns already {@link #sealed sealed}: one statement for one turn, a batch for more. */
    void insert(Connection c, InterviewId id, List<Turn> turns) throws SQLException {
        if (turns.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = database.prepare(c, database.sql().insertTurn)) {
            for (Turn turn : turns) {
                ps.setString(1, id.value());
                bindValues(ps, 2, turn);
                if (turns.size() == 1) {
                    ps.executeUpdate();
                    return;
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Runs a query selecting {@code Sql.TURN_SELECT} and reads the turns, their text opened. */
    List<Turn> read(PreparedStatement ps, InterviewId id) throws SQLException {
        List<Turn> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                double confidence = rs.getDouble(8);
                Double conf = rs.wasNull() ? null : confidence;
                String messageId = rs.getString(9);
                String replyTo = rs.getString(10);
                int number = rs.getInt(1);
                out.add(new Turn(number, Turn.Role.fromCode(rs.getString(2)), Turn.Kind.fromCode(rs.getString(3)),
                        text.open(rs.getString(6), Bindings.turn(id, number)), Stage.fromCode(rs.getString(4)),
                        Turn.Modality.fromCode(rs.getString(5)), rs.getObject(7, OffsetDateTime.class).toInstant(),
                        conf, messageId == null ? null : MessageId.of(messageId),
                        replyTo == null ? null : MessageId.of(replyTo), rs.getString(11), rs.getShort(12),
                        rs.getString(13), rs.getBoolean(14)));
            }
        }
        return out;
    }
}
