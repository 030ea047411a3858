package dev.interviewagent.core.spi;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.interviewagent.core.Interview;
import dev.interviewagent.core.Turn;
import dev.interviewagent.core.exception.StoreException;
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

    public InterviewCodec() {
        mapper = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .setSerializationInclusion(JsonInclude.Include.NON_NULL)
                // Only record components are data; convenience methods such as isActive() are not.
                .setVisibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE);
    }

    public String toJson(Interview interview) {
        return write(interview);
    }

    public Interview interview(String json) {
        return read(json, Interview.class);
    }

    public String toJson(Turn turn) {
        return write(turn);
    }

    public Turn turn(String json) {
        return read(json, Turn.class);
    }

    public String toJson(List<KnowledgeItem> items) {
        return write(items);
    }

    public List<KnowledgeItem> knowledge(String json) {
        try {
            return mapper.readValue(json, ITEMS);
        } catch (JsonProcessingException e) {
            throw new StoreException("stored knowledge is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The configured mapper, for stores that need to read or write other shapes consistently. */
    public ObjectMapper mapper() {
        return mapper;
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
