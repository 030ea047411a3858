package dev.interviewagent.core;

import dev.interviewagent.core.guide.Stage;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One entry of an interview's append-only turn log: a question from the interviewer or an answer (or command) from
 * the respondent. Immutable.
 *
 * @param number     1-based position in the log; strictly increasing without gaps
 * @param role       who spoke
 * @param kind       what the turn is
 * @param text       what was said (for a voice answer, the confirmed transcript)
 * @param stage      the stage the turn belongs to
 * @param modality   typed or spoken
 * @param at         when the turn was recorded
 * @param confidence speech-to-text confidence 0–1 for a spoken answer; null otherwise
 * @param messageId  the inbound message id of a respondent turn (idempotency key); null for interviewer turns
 * @param replyTo    for an interviewer turn, the message id it answers; null for the opening question
 * @param move       for an interviewer turn, the move code the decision layer chose (e.g. {@code deepen_example})
 * @param depth      for an interviewer turn, the question depth 1–4; 0 otherwise
 * @param phrasedBy  for an interviewer turn, which brain (and model) phrased it, e.g. {@code methodology}
 * @param fallback   for an interviewer turn, whether the configured brain failed and the offline brain phrased it
 */
public record Turn(
        int number,
        Role role,
        Kind kind,
        String text,
        Stage stage,
        Modality modality,
        Instant at,
        @Nullable Double confidence,
        @Nullable MessageId messageId,
        @Nullable MessageId replyTo,
        @Nullable String move,
        int depth,
        @Nullable String phrasedBy,
        boolean fallback) {

    public Turn {
        if (number < 1) {
            throw new IllegalArgumentException("turn number must be >= 1, was " + number);
        }
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(modality, "modality");
        Objects.requireNonNull(at, "at");
        if (confidence != null && (confidence < 0 || confidence > 1 || confidence.isNaN())) {
            throw new IllegalArgumentException("confidence must be 0-1, was " + confidence);
        }
        if (depth < 0 || depth > 4) {
            throw new IllegalArgumentException("depth must be 0-4, was " + depth);
        }
    }

    /**
     * The respondent's answer.
     *
     * @param confidence speech-to-text confidence 0–1 for a spoken answer; null for a typed one
     * @param messageId  the inbound message id, the idempotency key of the answer
     */
    public static Turn answer(int number, String text, Stage stage, Modality modality, Instant at,
                              @Nullable Double confidence, @Nullable MessageId messageId) {
        return new Turn(number, Role.RESPONDENT, Kind.ANSWER, text, stage, modality, at, confidence,
                messageId, null, null, 0, null, false);
    }

    /** A typed respondent command such as {@code /complete}. */
    public static Turn command(int number, String command, Stage stage, Instant at,
                               @Nullable MessageId messageId) {
        return new Turn(number, Role.RESPONDENT, Kind.COMMAND, command, stage, Modality.TEXT, at, null,
                messageId, null, null, 0, null, false);
    }

    /**
     * An interviewer message: a {@link Kind#QUESTION} or the {@link Kind#CLOSING} message.
     *
     * @param replyTo   the message id it answers; null for the opening question
     * @param move      the move code the decision layer chose
     * @param depth     the question depth 1–4
     * @param phrasedBy which brain (and model) phrased it
     * @param fallback  whether the offline brain phrased it because the configured brain failed
     */
    public static Turn interviewer(int number, Kind kind, String text, Stage stage, Instant at,
                                   @Nullable MessageId replyTo, @Nullable String move, int depth, @Nullable String phrasedBy,
                                   boolean fallback) {
        if (kind != Kind.QUESTION && kind != Kind.CLOSING) {
            throw new IllegalArgumentException("an interviewer turn is a question or the closing, was " + kind);
        }
        return new Turn(number, Role.INTERVIEWER, kind, text, stage, Modality.TEXT, at, null, null, replyTo,
                move, depth, phrasedBy, fallback);
    }

    /** Who spoke. */
    public enum Role {
        INTERVIEWER("interviewer"),
        RESPONDENT("respondent");

        private final String code;

        Role(String code) {
            this.code = code;
        }

        @com.fasterxml.jackson.annotation.JsonValue

        public String code() {
            return code;
        }

        @com.fasterxml.jackson.annotation.JsonCreator

        public static Role fromCode(String code) {
            for (Role role : values()) {
                if (role.code.equals(code)) {
                    return role;
                }
            }
            throw new IllegalArgumentException("unknown role: " + code);
        }
    }

    /** What a turn is. */
    public enum Kind {
        /** The interviewer's message with exactly one question. */
        QUESTION("question"),
        /** The interviewer's closing message (thanks, no question). */
        CLOSING("closing"),
        /** The respondent's answer. */
        ANSWER("answer"),
        /** A respondent command such as "complete". */
        COMMAND("command");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        @com.fasterxml.jackson.annotation.JsonValue

        public String code() {
            return code;
        }

        @com.fasterxml.jackson.annotation.JsonCreator

        public static Kind fromCode(String code) {
            for (Kind kind : values()) {
                if (kind.code.equals(code)) {
                    return kind;
                }
            }
            throw new IllegalArgumentException("unknown turn kind: " + code);
        }
    }

    /** How an answer arrived. */
    public enum Modality {
        TEXT("text"),
        VOICE("voice");

        private final String code;

        Modality(String code) {
            this.code = code;
        }

        @com.fasterxml.jackson.annotation.JsonValue

        public String code() {
            return code;
        }

        @com.fasterxml.jackson.annotation.JsonCreator

        public static Modality fromCode(String code) {
            for (Modality modality : values()) {
                if (modality.code.equals(code)) {
                    return modality;
                }
            }
            throw new IllegalArgumentException("unknown modality: " + code);
        }
    }

    public boolean isInterviewer() {
        return role == Role.INTERVIEWER;
    }

    public boolean isRespondent() {
        return role == Role.RESPONDENT;
    }
}
