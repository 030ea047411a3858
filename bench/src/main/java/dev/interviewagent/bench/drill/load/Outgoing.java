package dev.interviewagent.bench.drill.load;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A message the respondent sent and keeps until a reply names it ({@code replyTo}). It is sent again with the same
 * {@code clientMessageId} after a refusal worth retrying, after a reconnect, or when no reply came in time, so the
 * server sees one message however often it arrives.
 */
final class Outgoing {

    enum Kind { START, ANSWER, AUDIO, COMPLETE }

    /** What a person does after the server refused a message. */
    enum AfterRefusal {
        /** Sends it again later, with the same id. */
        RETRY,
        /** Types the words of a recording the server could not transcribe (or not now). */
        TYPE_INSTEAD,
        /** Lets it go: the server will not take it. */
        GIVE_UP
    }

    /** Codes that mean "not now" (docs/protocol.md): the same message may be sent again. */
    private static final Set<String> RETRIABLE = Set.of("unavailable", "busy", "rate_limited");
    /** A recording refused this often (e.g. speech-to-text down) is typed instead. */
    private static final int AUDIO_RETRIES = 2;

    final Kind kind;
    final String id;
    final Script.@Nullable Answer answer;
    final long firstSent = System.nanoTime();
    /** How often it went out; a reply check only re-sends when no newer attempt has gone out since. */
    int attempts;
    /** How often the server refused it; the retry backoff and the spoken-to-typed switch count these. */
    int refusals;

    private Outgoing(Kind kind, String id, Script.@Nullable Answer answer) {
        this.kind = kind;
        this.id = id;
        this.answer = answer;
    }

    static boolean retriable(String code) {
        return RETRIABLE.contains(code);
    }

    static Outgoing start(String id) {
        return new Outgoing(Kind.START, id, null);
    }

    static Outgoing answer(String id, Script.Answer answer) {
        return new Outgoing(answer.spoken() ? Kind.AUDIO : Kind.ANSWER, id, answer);
    }

    static Outgoing complete(String id) {
        return new Outgoing(Kind.COMPLETE, id, null);
    }

    /** The same words typed, for a recording the server could not transcribe. */
    Outgoing typedInstead() {
        return new Outgoing(Kind.ANSWER, id + "-typed", Script.Answer.typed(answerText()));
    }

    /** Counts a refusal with {@code code} and says what to do next. */
    AfterRefusal refused(String code) {
        refusals++;
        if (retriable(code) && !(kind == Kind.AUDIO && refusals > AUDIO_RETRIES)) {
            return AfterRefusal.RETRY;
        }
        return kind == Kind.AUDIO ? AfterRefusal.TYPE_INSTEAD : AfterRefusal.GIVE_UP;
    }

    boolean carriesAnswer() {
        return kind == Kind.ANSWER || kind == Kind.AUDIO;
    }

    /** The id of the confirmation sent for this recording's low-confidence transcript. */
    String confirmationId() {
        return id + "-ok";
    }

    /** Whether an error naming {@code replyTo} (null: naming nothing) refuses this message or its confirmation. */
    boolean refusedBy(@Nullable String replyTo) {
        return replyTo == null || replyTo.equals(id) || replyTo.equals(confirmationId());
    }

    String answerText() {
        if (answer == null) {
            throw new IllegalStateException(kind + " " + id + " carries no answer");
        }
        return answer.text();
    }

    /** Writes this message's frames on {@code connection}: a recording is announced, then sent as one binary frame. */
    void writeTo(Connection connection, String language, String clientKey) {
        attempts++;
        switch (kind) {
            case START -> connection.send(Connection.frame("start").put("clientMessageId", id)
                    .put("language", language).put("clientKey", clientKey));
            case ANSWER -> connection.send(Connection.frame("answer").put("clientMessageId", id)
                    .put("text", answerText()));
            case AUDIO -> {
                byte[] audio = answer.audio();
                connection.send(Connection.frame("audio").put("clientMessageId", id).put("format", answer.format())
                        .put("size", audio.length));
                connection.sendBinary(audio);
            }
            case COMPLETE -> connection.send(Connection.frame("complete").put("clientMessageId", id));
            default -> throw new IllegalStateException("unknown kind " + kind);
        }
    }
}
