package dev.interviewagent.llm.internal;

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
        /** Another 4xx (a content filter, a request too large) or a malformed response: not retriable. */
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

    /**
     * Whether the failure says something about the provider rather than about this one request, so that it counts
     * towards opening the circuit: 5xx, 408, 429, timeouts, network errors, a wrong key (401/403), an unknown model
     * or path (404) and unreadable responses. A request the provider refused for its content (400 content filter,
     * 413, 422 …) does not: one respondent's words must not switch the model off for every interview.
     */
    boolean providerFault() {
        return kind != Kind.CLIENT || status == 0 || status == 404;
    }

    /** The server's Retry-After, if it sent one. */
    @Nullable Duration retryAfter() {
        return retryAfter;
    }
}
