package dev.interviewagent.persistence.internal;

import java.time.Duration;
import java.util.Objects;

/**
 * The arguments every {@link dev.interviewagent.persistence.MessageDeduplicator} accepts, checked the same way by the
 * database and the Redis one, so a call that one refuses the other refuses too.
 */
public final class DeduplicationArguments {

    private DeduplicationArguments() {
    }

    /**
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if {@code scope} is not 1–128 characters, {@code messageId} not 1–256, or
     *                                  {@code ttl} not positive
     */
    public static void check(String scope, String messageId, Duration ttl) {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(ttl, "ttl");
        if (scope.isEmpty() || scope.length() > 128) {
            throw new IllegalArgumentException("scope must be 1-128 characters, was " + scope.length());
        }
        if (messageId.isEmpty() || messageId.length() > 256) {
            throw new IllegalArgumentException("messageId must be 1-256 characters, was " + messageId.length());
        }
        if (ttl.isZero() || ttl.isNegative()) {
            throw new IllegalArgumentException("ttl must be > 0, was " + ttl);
        }
    }
}
