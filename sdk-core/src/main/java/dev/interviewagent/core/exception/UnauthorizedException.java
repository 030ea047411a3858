package dev.interviewagent.core.exception;

/** A token or credential is missing or does not match. */
public class UnauthorizedException extends InterviewException {

    private static final long serialVersionUID = 1L;

    public UnauthorizedException(String message) {
        super(ErrorCode.UNAUTHORIZED, message);
    }

    public UnauthorizedException(String message, Throwable cause) {
        super(ErrorCode.UNAUTHORIZED, message, cause);
    }
}
