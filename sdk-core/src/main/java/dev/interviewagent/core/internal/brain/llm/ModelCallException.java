package dev.interviewagent.core.internal.brain.llm;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * A failed model call, classified so the retry policy can decide. Messages carry the status and class of the
 * failure, never the request or response body.
 */
final class ModelCallException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    enum Kind {
        /** 429: retriable, honouring Retry-After. */
        RATE_LIMITED(true),
        /** 5xx (and 408): retriable. */
        SERVER(true),
        /** The call took longer than the call timeout: retriable. */
        TIMEOUT(true),
        /** Connection refused or reset: retriable. */
        NETWORK(true),
        /** 401/403: the key is wrong; retrying will not help. */
        AUTHENTICATION(false),
        /** Another 4xx or a malformed response: not retriable. */
        CLIENT(false);

        private final boolean retriable;

        Kind(boolean retriable) {
            this.retriable = retriable;
        }

        boolean retriable() {
            return retriable;
        }
    }

    private final Kind kind;
    private final int status;
    private final transient @Nullable Duration retryAfter;

    ModelCallException(Kind kind, int status, @Nullable Duration retryAfter, String message,
                       @Nullable Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.status = status;
        this.retryAfter = retryAfter;
    }

    Kind kind() {
        return kind;
    }

    /** The HTTP status, or 0 when there was none. */
    int status() {
        return status;
    }

    /** The server's Retry-After, if it sent one. */
    @Nullable Duration retryAfter() {
        return retryAfter;
    }
}
