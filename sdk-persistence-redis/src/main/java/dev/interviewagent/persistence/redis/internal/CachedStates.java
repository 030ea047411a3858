package dev.interviewagent.persistence.redis.internal;

import dev.interviewagent.core.Interview;
import dev.interviewagent.core.InterviewId;
import dev.interviewagent.persistence.internal.Bindings;
import dev.interviewagent.persistence.internal.StoredText;
import java.util.Objects;
import java.util.Optional;

/**
 * How the Redis cache writes and reads an interview state: a document redacted and sealed as the database does it,
 * bound to its interview, stored by {@link Scripts#SET_IF_NEWER} as {@code version|generation|document}. Kept apart
 * from the store so the store is about when to use the cache, and this class about what a cached value is.
 */
public final class CachedStates {

    /** Redacts and seals cached states as the database does (bound to their interview as {@code redis.state}). */
    private final StoredText text;

    public CachedStates(StoredText text) {
        this.text = Objects.requireNonNull(text, "text");
    }

    /** The document to cache for {@code state}: sealed for its interview when encryption is on. */
    public String seal(Interview state) {
        return text.sealedState(state, Bindings.cachedState(state.id()));
    }

    /**
     * The state held in a cached value, or empty when the value belongs to an older cache generation (or is not in
     * the {@code version|generation|document} form).
     *
     * @throws RuntimeException when the document does not read as this cache writes it: plain text while encryption
     *                          is on, a value copied from another interview's key, a tampered or unreadable one
     */
    public Optional<Interview> open(InterviewId id, String value, String generation) {
        int a = value.indexOf('|');
        int b = a < 0 ? -1 : value.indexOf('|', a + 1);
        if (b < 0 || !value.substring(a + 1, b).equals(generation)) {
            return Optional.empty();
        }
        Interview state = text.openState(value.substring(b + 1), Bindings.cachedState(id));
        if (!state.id().equals(id)) {
            throw new IllegalStateException("cached under another interview's key");
        }
        return Optional.of(state);
    }
}
