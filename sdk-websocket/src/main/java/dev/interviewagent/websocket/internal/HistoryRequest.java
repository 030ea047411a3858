package dev.interviewagent.websocket.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interviewagent.core.InterviewEngine;
import org.jspecify.annotations.Nullable;

/**
 * A client's {@code history} frame (an extension of {@code docs/protocol.md}): which page of the conversation so far
 * it wants. The reply is one {@code history} frame written by {@code ProtocolJson}, cut to the frame limit by
 * {@link WebSocketChannel} (the oldest turns that do not fit are left for the earlier page).
 *
 * @param before the cursor: only turns numbered below it; null for the newest page
 * @param limit  the most turns in the page, 1–{@value InterviewEngine#MAX_HISTORY_PAGE}
 */
record HistoryRequest(@Nullable Integer before, int limit) {

    /** Turns in a page when the client does not say. */
    static final int DEFAULT_LIMIT = 50;

    /**
     * Reads {@code before} (optional, a whole number ≥ 1) and {@code limit} (optional, 1–200, default 50).
     *
     * @throws FieldException naming the field that is out of range or not a whole number
     */
    static HistoryRequest parse(JsonNode node) {
        Integer before = FieldException.integer(node, "before", 1, Integer.MAX_VALUE);
        Integer limit = FieldException.integer(node, "limit", 1, InterviewEngine.MAX_HISTORY_PAGE);
        return new HistoryRequest(before, limit == null ? DEFAULT_LIMIT : limit);
    }
}
