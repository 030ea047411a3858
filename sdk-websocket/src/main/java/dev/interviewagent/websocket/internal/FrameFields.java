package dev.interviewagent.websocket.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.MessageId;
import dev.interviewagent.core.Profile;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Reads the fields of a client frame as {@code docs/protocol.md} defines them; a field that is missing where
 * required, of the wrong type or too long is a {@link FieldException} (the connection answers {@code bad_request}
 * naming the field).
 */
final class FrameFields {

    private FrameFields() {
    }

    /** The frame's {@code clientMessageId}: required, at most 128 characters, a valid message id. */
    static String messageId(JsonNode node) {
        String id = required(node, "clientMessageId", 128);
        try {
            MessageId.of(id);
        } catch (IllegalArgumentException e) {
            throw new FieldException("clientMessageId");
        }
        return id;
    }

    static @Nullable String format(JsonNode node) {
        String format = optional(node, "format", 16);
        if (format != null && !format.equals("json") && !format.equals("markdown")) {
            throw new FieldException("format");
        }
        return format;
    }

    static @Nullable Language language(JsonNode node) {
        String code = optional(node, "language", 8);
        if (code == null) {
            return null;
        }
        return Language.fromCode(code).filter(l -> l.code().equals(code.toLowerCase(Locale.ROOT)))
                .orElseThrow(() -> new FieldException("language"));
    }

    static Profile profile(@Nullable JsonNode node) {
        if (node == null || node.isNull()) {
            return Profile.EMPTY;
        }
        if (!node.isObject()) {
            throw new FieldException("profile");
        }
        JsonNode years = node.get("years_experience");
        Integer yearsValue = null;
        if (years != null && !years.isNull() && !(years.isTextual() && years.asText().isBlank())) {
            if (years.isInt() || (years.isTextual() && years.asText().strip().matches("\\d{1,2}"))) {
                yearsValue = years.isInt() ? years.asInt() : Integer.parseInt(years.asText().strip());
            } else {
                throw new FieldException("profile.years_experience");
            }
        }
        try {
            return new Profile(optional(node, "expert_name", 200), optional(node, "role_title", 200),
                    optional(node, "company", 200), optional(node, "industry", 200), yearsValue,
                    optional(node, "interview_goal", 200));
        } catch (IllegalArgumentException e) {
            throw new FieldException("profile");
        }
    }

    static String required(JsonNode node, String field, int maxLength) {
        String value = optional(node, field, maxLength);
        if (value == null || value.isBlank()) {
            throw new FieldException(field);
        }
        return value;
    }

    static @Nullable String optional(JsonNode node, String field, int maxLength) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual() || value.asText().length() > maxLength) {
            throw new FieldException(field);
        }
        return value.asText();
    }

    /** The optional {@code size} of an announced recording in bytes; 0 when absent. */
    static long size(JsonNode node) {
        JsonNode size = node.get("size");
        if (size == null || size.isNull()) {
            return 0;
        }
        if (!size.canConvertToLong() || !size.isIntegralNumber() || size.asLong() < 1) {
            throw new FieldException("size");
        }
        return size.asLong();
    }

    static boolean consent(JsonNode node) {
        JsonNode consent = node.get("consent");
        if (consent == null || consent.isNull()) {
            return false;
        }
        if (!consent.isBoolean()) {
            throw new FieldException("consent");
        }
        return consent.asBoolean();
    }
}
