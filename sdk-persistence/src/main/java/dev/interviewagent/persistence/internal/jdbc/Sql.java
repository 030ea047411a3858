package dev.interviewagent.persistence.internal.jdbc;

import dev.interviewagent.core.InterviewStatus;
import dev.interviewagent.core.spi.InterviewCursor;
import dev.interviewagent.core.spi.InterviewQuery;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The statements of the JDBC store, written once for both dialects. */
public final class Sql {

    static final String TURN_COLUMNS = "interview_id, number, role, kind, stage, modality, text, at, confidence, "
            + "message_id, reply_to, move, depth, phrased_by, fallback";
    /** The columns kept for {@code list} filters, in the order the insert and fill statements bind them. */
    static final String LISTING_COLUMNS = "language, style, channel, stage, close_reason";
    static final String TURN_SELECT = "number, role, kind, stage, modality, text, at, confidence, message_id, "
            + "reply_to, move, depth, phrased_by, fallback";

    public final String insertInterview;
    public final String insertTurn;
    public final String updateState;
    public final String loadState;
    public final String versionAndCount;
    public final String turns;
    public final String recentTurns;
    public final String turnRange;
    public final String turnByMessageId;
    public final String activeByChannelKey;
    public final String byChannelKey;
    public final String activeIdleSince;
    public final String unlisted;
    public final String fillListing;
    public final String deleteInterview;
    public final String purgeArchived;
    public final String upsertReportUpdate;
    public final String insertReport;
    public final String findReport;
    public final String insertProcessed;
    public final String refreshExpiredProcessed;
    public final String purgeProcessed;
    private final Dialect dialect;
    private final String[] singleStatementCommits = new String[5];

    public Sql(Dialect dialect) {
        this.dialect = dialect;
        String json = dialect.jsonParameter();
        insertInterview = "INSERT INTO interviews (id, version, status, channel_key, turn_count, state, created_at, "
                + "updated_at, ended_at, " + LISTING_COLUMNS + ") VALUES (?, ?, ?, ?, ?, " + json
                + ", ?, ?, ?, ?, ?, ?, ?, ?)";
        insertTurn = "INSERT INTO turns (" + TURN_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        updateState = "UPDATE interviews SET version = ?, status = ?, channel_key = ?, turn_count = ?, state = " + json
                + ", updated_at = ?, ended_at = ?, language = ?, style = ?, channel = ?, stage = ?, close_reason = ? "
                + "WHERE id = ? AND version = ? AND turn_count = ?";
        loadState = "SELECT state FROM interviews WHERE id = ?";
        versionAndCount = "SELECT version, turn_count FROM interviews WHERE id = ?";
        turns = "SELECT " + TURN_SELECT + " FROM turns WHERE interview_id = ? ORDER BY number";
        recentTurns = "SELECT " + TURN_SELECT + " FROM turns WHERE interview_id = ? ORDER BY number DESC LIMIT ?";
        turnRange = "SELECT " + TURN_SELECT + " FROM turns WHERE interview_id = ? AND number BETWEEN ? AND ? "
                + "ORDER BY number";
        turnByMessageId = "SELECT " + TURN_SELECT + " FROM turns WHERE interview_id = ? AND message_id = ?";
        activeByChannelKey = "SELECT id FROM interviews WHERE channel_key = ? AND status = 'active' "
                + "ORDER BY created_at DESC, id DESC LIMIT 1";
        byChannelKey = "SELECT id FROM interviews WHERE channel_key = ? ORDER BY created_at, id";
        activeIdleSince = "SELECT id FROM interviews WHERE status = 'active' AND updated_at < ? "
                + "ORDER BY updated_at LIMIT ?";
        unlisted = "SELECT id, state FROM interviews WHERE language IS NULL AND id > ? ORDER BY id LIMIT ?";
        fillListing = "UPDATE interviews SET " + LISTING_COLUMNS.replace(",", " = ?,") + " = ? "
                + "WHERE id = ? AND language IS NULL";
        deleteInterview = "DELETE FROM interviews WHERE id = ?";
        purgeArchived = "DELETE FROM interviews WHERE status <> 'active' AND COALESCE(ended_at, updated_at) < ?";
        upsertReportUpdate = "UPDATE reports SET report_json = ?, markdown = ?, archived_at = ? WHERE interview_id = ?";
        insertReport = "INSERT INTO reports (interview_id, report_json, markdown, archived_at) VALUES (?, ?, ?, ?)";
        findReport = "SELECT report_json, markdown, archived_at FROM reports WHERE interview_id = ?";
        insertProcessed = "INSERT INTO processed_messages (scope, message_id, expires_at) VALUES (?, ?, ?)";
        refreshExpiredProcessed = "UPDATE processed_messages SET expires_at = ? WHERE scope = ? AND message_id = ? "
                + "AND expires_at <= ?";
        purgeProcessed = "DELETE FROM processed_messages WHERE expires_at <= ?";
    }

    /** A statement with its parameters, bound in order with {@code setObject}. */
    public record Statement(String sql, List<Object> parameters) {
        public Statement {
            parameters = List.copyOf(parameters);
        }
    }

    /**
     * The listing query: the summary columns of up to {@code pageSize + 1} interviews matching the filters, after
     * the cursor, in listing order ({@code updated_at} descending, then id descending by code point). Rows whose
     * listing columns are not filled yet also return their state document (column 11), else null.
     *
     * <p>Time bounds are rounded up to whole microseconds, the precision both databases store: for stored values,
     * {@code t >= from} holds exactly when {@code t >= ceil(from)}, and {@code t < before} when
     * {@code t < ceil(before)}.
     */
    public Statement list(InterviewQuery query) {
        String id = dialect.orderedId();
        List<String> where = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        if (!query.statuses().isEmpty()) {
            where.add("status IN (" + String.join(", ", Collections.nCopies(query.statuses().size(), "?")) + ")");
            query.statuses().stream().map(InterviewStatus::code).sorted().forEach(parameters::add);
        }
        condition(where, parameters, "language = ?", query.language() == null ? null : query.language().code());
        condition(where, parameters, "style = ?", query.style());
        condition(where, parameters, "channel = ?", query.channel());
        condition(where, parameters, "channel_key = ?", query.channelKey());
        condition(where, parameters, "created_at >= ?", micros(query.startedFrom()));
        condition(where, parameters, "created_at < ?", micros(query.startedBefore()));
        condition(where, parameters, "updated_at >= ?", micros(query.updatedFrom()));
        condition(where, parameters, "updated_at < ?", micros(query.updatedBefore()));
        InterviewCursor cursor = query.cursor();
        if (cursor != null) {
            // The first term is redundant but lets the database seek the (updated_at, id) index.
            OffsetDateTime at = cursor.updatedAt().atOffset(ZoneOffset.UTC);
            where.add("updated_at <= ? AND (updated_at < ? OR " + id + " < ?)");
            parameters.add(at);
            parameters.add(at);
            parameters.add(cursor.id().value());
        }
        parameters.add(query.pageSize() + 1);
        return new Statement("SELECT id, status, language, style, channel_key, stage, turn_count, created_at, "
                + "updated_at, close_reason, CASE WHEN language IS NULL THEN state END FROM interviews"
                + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " ORDER BY updated_at DESC, " + id + " DESC LIMIT ?", parameters);
    }

    private static void condition(List<String> where, List<Object> parameters, String sql, @Nullable Object value) {
        if (value != null) {
            where.add(sql);
            parameters.add(value);
        }
    }

    private static @Nullable OffsetDateTime micros(@Nullable Instant instant) {
        if (instant == null) {
            return null;
        }
        Instant down = instant.truncatedTo(ChronoUnit.MICROS);
        return (down.equals(instant) ? down : down.plus(1, ChronoUnit.MICROS)).atOffset(ZoneOffset.UTC);
    }

    /**
     * PostgreSQL only: the state update and the insert of {@code turns} turns as one statement, so a commit costs a
     * single round trip and is atomic without an explicit transaction. The insert adds no row when the update matched
     * none (stale version), which the caller sees as an update count of 0.
     */
    public String singleStatementCommit(int turns) {
        if (!dialect.singleStatementCommit()) {
            throw new IllegalStateException("no single-statement commit on " + dialect);
        }
        if (turns < singleStatementCommits.length && singleStatementCommits[turns] != null) {
            return singleStatementCommits[turns];
        }
        StringBuilder sql = new StringBuilder("WITH u AS (").append(updateState).append(" RETURNING id) ")
                .append("INSERT INTO turns (").append(TURN_COLUMNS).append(") SELECT u.id, v.* FROM u CROSS JOIN (VALUES ");
        for (int i = 0; i < turns; i++) {
            sql.append(i == 0 ? "" : ", ").append("(CAST(? AS integer), CAST(? AS varchar), CAST(? AS varchar), "
                    + "CAST(? AS varchar), CAST(? AS varchar), CAST(? AS text), CAST(? AS timestamptz), "
                    + "CAST(? AS double precision), CAST(? AS varchar), CAST(? AS varchar), CAST(? AS varchar), "
                    + "CAST(? AS smallint), CAST(? AS varchar), CAST(? AS boolean))");
        }
        sql.append(") AS v (number, role, kind, stage, modality, text, at, confidence, message_id, reply_to, move, "
                + "depth, phrased_by, fallback)");
        String result = sql.toString();
        if (turns < singleStatementCommits.length) {
            singleStatementCommits[turns] = result;
        }
        return result;
    }
}
