package dev.interviewagent.websocket.internal;

import com.fasterxml.jackson.databind.JsonNode;
import org.jspecify.annotations.Nullable;

/** A required field is missing, or a field has the wrong type, size or value: answered with {@code bad_request}. */
final class FieldException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param field the field's name, shown to the client */
    FieldException(String field) {
        super(field, null, false, false);
    }

    /**
     * An optional whole-number field within {@code min}–{@code max}.
     *
     * @return its value, or null when it is absent or null
     * @throws FieldException when it is not a whole number in range
     */
    static @Nullable Integer integer(JsonNode node, String field, int min, int max) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.asInt() < min || value.asInt() > max) {
            throw new FieldException(field);
        }
        return value.asInt();
    }
}
