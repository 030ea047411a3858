package dev.interviewagent.core.exception;

/** Too many requests from one client or to one provider; retry after a pause. */
public class RateLimitedException extends InterviewException {

    private static final long serialVersionUID = 1L;

    public RateLimitedException(String message) {
        super(ErrorCode.RATE_LIMITED, message);
    }

    public RateLimitedException(String message, Throwable cause) {
        super(ErrorCode.RATE_LIMITED, message, cause);
    }
}
