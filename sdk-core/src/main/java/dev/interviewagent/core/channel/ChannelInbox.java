package dev.interviewagent.core.channel;

import dev.interviewagent.core.internal.inbox.InMemoryChannelInbox;
import java.util.List;
import java.util.Objects;

/**
 * Where a channel keeps inbound messages between receiving and handling them, so that a message the sender was told
 * is delivered survives a crash or a deploy. A channel {@link #add stores} each message <em>before</em> it
 * acknowledges it to its source (a Telegram webhook's 200, the long-polling offset), marks it {@link #done} once it
 * has been handled, and on start replays what is still {@link #pending}. {@code add} is also the channel's
 * de-duplication: a redelivered id is recognised while it is pending and, after {@code done}, for the
 * implementation's de-duplication window.
 *
 * <p>Replays are safe because the engine is idempotent by message id: a channel derives each answer's message id
 * from the inbound id, so a replayed answer is stored once (the reply may be sent again if the process died between
 * sending it and {@code done}).
 *
 * <p>The default {@link #inMemory()} keeps everything in the process (tests, development: nothing survives a
 * restart); sdk-persistence's {@code JdbcChannelInbox} keeps it in the interview database. Implementations are
 * thread-safe, may block on I/O, and throw {@link dev.interviewagent.core.exception.StoreException} when the backing
 * store fails — then the channel must not acknowledge the message. Contract kit: {@code ChannelInboxContract}.
 */
public interface ChannelInbox {

    /** Longest scope, in characters. */
    int MAX_SCOPE_LENGTH = 128;
    /** Longest message id, in characters. */
    int MAX_ID_LENGTH = 256;
    /** Largest payload, in characters. */
    int MAX_PAYLOAD_LENGTH = 1_000_000;

    /**
     * Stores {@code entry} durably unless its id is already known in its scope (pending, or done within the
     * de-duplication window).
     *
     * @return true if it was stored now (the caller handles it, then calls {@link #done}); false for a repeat
     * @throws dev.interviewagent.core.exception.StoreException if it could not be stored (do not acknowledge it)
     */
    boolean add(Entry entry);

    /** The entries of {@code scope} stored and not yet done, in the order they were added. */
    List<Entry> pending(String scope);

    /**
     * Marks an entry handled: it is no longer pending, and its id is still recognised as a repeat for the
     * de-duplication window. Safe to repeat; an unknown id is no error.
     */
    void done(String scope, String id);

    /**
     * An inbox in memory: nothing survives the process. Remembers the ids of the last {@code 100_000} done
     * entries for de-duplication.
     */
    static ChannelInbox inMemory() {
        return new InMemoryChannelInbox(100_000);
    }

    /**
     * One inbound message as the channel received it.
     *
     * @param scope   what the id is unique within, e.g. {@code telegram:<botId>} (1–128 characters)
     * @param id      the source's id of the message, e.g. a Telegram {@code update_id} (1–256 characters)
     * @param payload the message as the channel needs it to handle it again, e.g. the update's JSON (at most
     *                {@link #MAX_PAYLOAD_LENGTH} characters; may hold personal data, so stores treat it like answers)
     */
    record Entry(String scope, String id, String payload) {
        public Entry {
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(payload, "payload");
            if (scope.isEmpty() || scope.length() > MAX_SCOPE_LENGTH) {
                throw new IllegalArgumentException("scope must be 1-" + MAX_SCOPE_LENGTH + " characters, was "
                        + scope.length());
            }
            if (id.isEmpty() || id.length() > MAX_ID_LENGTH) {
                throw new IllegalArgumentException("id must be 1-" + MAX_ID_LENGTH + " characters, was "
                        + id.length());
            }
            if (payload.length() > MAX_PAYLOAD_LENGTH) {
                throw new IllegalArgumentException("payload must be at most " + MAX_PAYLOAD_LENGTH
                        + " characters, was " + payload.length());
            }
        }

        @Override
        public String toString() {
            // the payload may carry a respondent's text: never in logs
            return "Entry{scope=" + scope + ", id=" + id + ", payload=<" + payload.length() + " chars>}";
        }
    }
}
