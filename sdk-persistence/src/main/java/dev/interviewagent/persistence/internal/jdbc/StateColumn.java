package dev.interviewagent.persistence.internal.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interviewagent.core.Interview;
import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.exception.InvalidInputException;
import dev.interviewagent.core.exception.StoreException;
import dev.interviewagent.core.internal.json.JsonMappers;
import dev.interviewagent.persistence.internal.Bindings;
import dev.interviewagent.persistence.internal.StoredText;

/**
 * The {@code interviews.state} column. It is a JSON column ({@code jsonb} on PostgreSQL), so a plain state is the
 * redacted document itself, and an encrypted one is its ciphertext written as a JSON string.
 */
public final class StateColumn {

    private static final ObjectMapper MAPPER = JsonMappers.store();

    private final StoredText text;

    public StateColumn(StoredText text) {
        this.text = text;
    }

    /**
     * The column's content for {@code state}: redacted, and sealed to its interview when encryption is on.
     *
     * @throws InvalidInputException if a text of the state holds a NUL character, which the database cannot keep
     */
    public String document(Interview state) {
        String json = text.stateJson(state);
        if (json.contains("\\u0000")) {
            throw new InvalidInputException("interview " + state.id() + " state contains a NUL character, which the "
                    + "store cannot keep");
        }
        if (!text.encrypts()) {
            return json;
        }
        return encryptedDocument(text.seal(json, Bindings.state(state.id())));
    }

    /** The state stored in the column for {@code id}, opened as {@link StoredText#open} does. */
    public Interview read(String document, InterviewId id) {
        return text.openState(value(document), Bindings.state(id));
    }

    /** The value inside the column: the encrypted form (a JSON string), or the document itself. */
    public String value(String document) {
        if (!document.startsWith("\"")) {
            return document;
        }
        try {
            return MAPPER.readValue(document, String.class);
        } catch (JsonProcessingException e) {
            throw new StoreException("stored state is not valid JSON", e);
        }
    }

    /** The column's content for an encrypted state: the ciphertext as a JSON string. */
    public String encryptedDocument(String sealed) {
        try {
            return MAPPER.writeValueAsString(sealed);
        } catch (JsonProcessingException e) {
            throw new StoreException("cannot encode an encrypted state", e);
        }
    }
}
