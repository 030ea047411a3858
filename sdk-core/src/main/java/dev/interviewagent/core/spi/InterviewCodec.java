package dev.interviewagent.core.spi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interviewagent.core.Interview;
import dev.interviewagent.core.Turn;
import dev.interviewagent.core.exception.StoreException;
import dev.interviewagent.core.internal.json.JsonMappers;
import dev.interviewagent.core.knowledge.KnowledgeItem;
import java.util.List;

/**
 * Converts interviews, turns and knowledge items to and from JSON, for stores that keep documents (JDBC jsonb, files,
 * Redis). Enums are written by their stable codes, never by name. Unknown fields are ignored on reading, so a newer
 * SDK can add fields without breaking stored data. Thread-safe; create once and share.
 */
public final class InterviewCodec {

    private static final TypeReference<List<KnowledgeItem>> ITEMS = new TypeReference<>() { };

    private final ObjectMapper mapper;

    /** A codec with the SDK's document configuration. */
    public InterviewCodec() {
        mapper = JsonMappers.store();
    }

    /** The interview's whole state as a JSON document. */
    public String toJson(Interview interview) {
        return write(interview);
    }

    /** An interview read back from {@link #toJson(Interview)}'s document. */
    public Interview interview(String json) {
        return read(json, Interview.class);
    }

    /** One turn as a JSON document. */
    public String toJson(Turn turn) {
        return write(turn);
    }

    /** A turn read back from {@link #toJson(Turn)}'s document. */
    public Turn turn(String json) {
        return read(json, Turn.class);
    }

    /** Knowledge items as a JSON array. */
    public String toJson(List<KnowledgeItem> items) {
        return write(items);
    }

    /** Knowledge items read back from {@link #toJson(List)}'s array. */
    public List<KnowledgeItem> knowledge(String json) {
        try {
            return mapper.readValue(json, ITEMS);
        } catch (JsonProcessingException e) {
            throw new StoreException("stored knowledge is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    private String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new StoreException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    private <T> T read(String json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new StoreException("stored " + type.getSimpleName() + " is not valid: " + e.getOriginalMessage(), e);
        }
    }
}
