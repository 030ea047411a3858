package dev.interviewagent.core;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One answer from the respondent as a channel received it: typed text, or the confirmed transcript of a spoken
 * answer with its speech-to-text confidence. Immutable.
 *
 * @param messageId  the channel's id of the inbound message; a repeat is handled once
 * @param text       the answer (cleaned and length-checked by the engine)
 * @param modality   typed or spoken
 * @param confidence the transcript's confidence 0–1 for a spoken answer; null for text
 */
public record Answer(MessageId messageId, String text, Turn.Modality modality, @Nullable Double confidence) {

    public Answer {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(modality, "modality");
        if (confidence != null && (confidence.isNaN() || confidence < 0 || confidence > 1)) {
            throw new IllegalArgumentException("confidence must be 0-1, was " + confidence);
        }
        if (modality == Turn.Modality.TEXT && confidence != null) {
            throw new IllegalArgumentException("a typed answer has no confidence");
        }
    }

    /** A typed answer. */
    public static Answer text(MessageId messageId, String text) {
        return new Answer(messageId, text, Turn.Modality.TEXT, null);
    }

    /** A typed answer with a string message id. */
    public static Answer text(String messageId, String text) {
        return text(MessageId.of(messageId), text);
    }

    /** A spoken answer: the transcript the respondent confirmed (or that was heard with enough confidence). */
    public static Answer voice(MessageId messageId, String transcript, double confidence) {
        return new Answer(messageId, transcript, Turn.Modality.VOICE, confidence);
    }
}
