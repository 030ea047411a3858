package dev.interviewagent.core.exception;

import java.util.Objects;

/**
 * Root of every exception the SDK throws on purpose. Hosts can catch this one type and map {@link #code()} to
 * their own responses without matching message strings.
 *
 * <p>Messages never contain respondent text, tokens or keys, so they are safe to log.
 */
public class InterviewException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    public InterviewException(ErrorCode code, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
    }

    public InterviewException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    /** The stable error code; its {@link ErrorCode#wireValue()} is what channels send to clients. */
    public ErrorCode code() {
        return code;
    }

    /** Whether repeating the same call later may succeed (a busy interview, a provider's 429 or 5xx). */
    public boolean isRetriable() {
        return code.retriable();
    }
}
