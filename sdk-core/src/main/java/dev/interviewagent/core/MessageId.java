package dev.interviewagent.core;

import java.util.Objects;

/**
 * The id of one inbound message as the channel knows it (a Telegram update id, a client message id). The engine
 * handles a message id once per interview: a repeat gets the same reply and changes nothing.
 *
 * @param value 1–128 printable characters
 */
public record MessageId(@com.fasterxml.jackson.annotation.JsonValue String value) {

    public MessageId {
        Objects.requireNonNull(value, "value");
        if (value.isEmpty() || value.length() > 128) {
            throw new IllegalArgumentException("message id must be 1-128 characters, was " + value.length());
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                throw new IllegalArgumentException("message id must not contain control characters");
            }
        }
    }

    @com.fasterxml.jackson.annotation.JsonCreator
    public static MessageId of(String value) {
        return new MessageId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
