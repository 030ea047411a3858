package dev.interviewagent.persistence.internal.jdbc;

/** The statements of the JDBC store, written once for both dialects. */
public final class Sql {

    static final String TURN_COLUMNS = "interview_id, number, role, kind, stage, modality, text, at, confidence, "
            + "message_id, reply_to, move, depth, phrased_by, fallback";
    static final String TURN_SELECT = "number, role, kind, stage, modality, text, at, confidence, message_id, "
            + "reply_to, move, depth, phrased_by, fallback";

    public final String insertInterview;
    public final String insertTurn;
    public final String updateState;
    public final String loadState;
    public final String versionAndCount;
    public final String turns;
    public final String recentTurns;
    public final String turnByMessageId;
    public final String activeByChannelKey;
    public final String byChannelKey;
    public final String activeIdleSince;
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
                + "updated_at, ended_at) VALUES (?, ?, ?, ?, ?, " + json + ", ?, ?, ?)";
        insertTurn = "INSERT INTO turns (" + TURN_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        updateState = "UPDATE interviews SET version = ?, status = ?, channel_key = ?, turn_count = ?, state = " + json
                + ", updated_at = ?, ended_at = ? WHERE id = ? AND version = ? AND turn_count = ?";
        loadState = "SELECT state FROM interviews WHERE id = ?";
        versionAndCount = "SELECT version, turn_count FROM interviews WHERE id = ?";
        turns = "SELECT " + TURN_SELECT + " FROM turns WHERE interview_id = ? ORDER BY number";
        recentTurns = "SELECT " + TURN_SELECT + " FROM turns WHERE interview_id = ? ORDER BY number DESC LIMIT ?";
        turnByMessageId = "SELECT " + TURN_SELECT + " FROM turns WHERE interview_id = ? AND message_id = ?";
        activeByChannelKey = "SELECT id FROM interviews WHERE channel_key = ? AND status = 'active' "
                + "ORDER BY created_at DESC, id DESC LIMIT 1";
        byChannelKey = "SELECT id FROM interviews WHERE channel_key = ? ORDER BY created_at, id";
        activeIdleSince = "SELECT id FROM interviews WHERE status = 'active' AND updated_at < ? "
                + "ORDER BY updated_at LIMIT ?";
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
