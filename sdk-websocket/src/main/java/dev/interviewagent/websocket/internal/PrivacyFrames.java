package dev.interviewagent.websocket.internal;

import static dev.interviewagent.websocket.internal.FrameFields.messageId;
import static dev.interviewagent.websocket.internal.FrameFields.optional;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interviewagent.core.exception.ErrorCode;
import dev.interviewagent.core.exception.InterviewException;
import org.jspecify.annotations.Nullable;

/**
 * The "your data" frames of one connection, {@code export} and {@code delete} ({@code docs/protocol.md}): they reach
 * the respondent's interviews by client key or the attached interview, through {@link PrivacyRequests}. Run on the
 * connection's lane like the other frames.
 */
final class PrivacyFrames {

    private final InterviewConnection connection;
    private final InterviewHub hub;

    PrivacyFrames(InterviewConnection connection, InterviewHub hub) {
        this.connection = connection;
        this.hub = hub;
    }

    /** {@code export}: everything stored about the respondent, as the privacy export JSON. */
    void export(JsonNode node) {
        String messageId = messageId(node);
        PrivacyRequests.Target target = target(node, messageId);
        if (target != null) {
            try {
                hub.privacy().export(connection.conversation(), target, messageId);
            } catch (InterviewException e) {
                connection.error(e.code(), "error." + e.code().wireValue(), messageId);
            }
        }
    }

    /** {@code delete} with {@code confirm: true}: erases it all; the connection is detached afterwards. */
    void delete(JsonNode node) {
        String messageId = messageId(node);
        JsonNode confirm = node.get("confirm");
        if (confirm == null || !confirm.isBoolean() || !confirm.asBoolean()) {
            throw new FieldException("confirm");
        }
        PrivacyRequests.Target target = target(node, messageId);
        if (target != null) {
            try {
                hub.privacy().delete(connection.conversation(), target, messageId);
                connection.detach();
            } catch (InterviewException e) {
                connection.error(e.code(), "error." + e.code().wireValue(), messageId);
            }
        }
    }

    /** What an {@code export}/{@code delete} reaches, or null after sending {@code unauthorized}. */
    private PrivacyRequests.@Nullable Target target(JsonNode node, String messageId) {
        String clientKey = optional(node, "clientKey", 128);
        if (clientKey != null && !Tokens.isClientKey(clientKey)) {
            throw new FieldException("clientKey");
        }
        PrivacyRequests.Target target;
        try {
            target = hub.privacy().target(clientKey, connection.interview());
        } catch (InterviewException e) {
            connection.error(e.code(), "error." + e.code().wireValue(), messageId);
            return null;
        }
        if (target == null) {
            connection.error(ErrorCode.UNAUTHORIZED, "error.no_interview", messageId);
        }
        return target;
    }
}
