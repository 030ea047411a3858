package dev.interviewagent.core;

import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The id of one interview. Opaque to hosts; safe to log (it contains nothing about the respondent).
 *
 * @param value 1–64 characters of letters, digits, {@code -} or {@code _}
 */
public record InterviewId(@com.fasterxml.jackson.annotation.JsonValue String value) {

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    public InterviewId {
        Objects.requireNonNull(value, "value");
        if (!VALID.matcher(value).matches()) {
            throw new IllegalArgumentException("interview id must be 1-64 of [A-Za-z0-9_-], was '" + value + "'");
        }
    }

    @com.fasterxml.jackson.annotation.JsonCreator
    public static InterviewId of(String value) {
        return new InterviewId(value);
    }

    /** A new random id. Prefer the engine's injected id supplier; this is its default. */
    public static InterviewId random() {
        return new InterviewId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
