package dev.interviewagent.core.internal.json;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The SDK's two Jackson configurations, kept here so that no public signature of sdk-core names a Jackson type: the
 * SDK modules that need a mapper (stores, the WebSocket channel) take it from here rather than from an API class.
 * Each call returns a new mapper; callers keep it in a field.
 */
public final class JsonMappers {

    private JsonMappers() {
    }

    /**
     * The mapper of stored documents ({@code InterviewCodec}): ISO-8601 dates, unknown fields ignored on reading,
     * nulls left out, and only record components as data (convenience methods such as {@code isActive()} are not).
     */
    public static ObjectMapper store() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .setSerializationInclusion(JsonInclude.Include.NON_NULL)
                .setVisibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE);
    }

    /** The mapper of the wire protocol ({@code ProtocolJson}): ISO-8601 dates. */
    public static ObjectMapper protocol() {
        return new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }
}
