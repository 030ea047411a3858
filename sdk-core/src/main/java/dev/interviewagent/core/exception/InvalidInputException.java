package dev.interviewagent.core.exception;

/** Input that cannot be accepted: empty or blank text, malformed content, an unknown option. Not retriable as is. */
public class InvalidInputException extends InterviewException {

    private static final long serialVersionUID = 1L;

    public InvalidInputException(String message) {
        super(ErrorCode.BAD_REQUEST, message);
    }

    public InvalidInputException(String message, Throwable cause) {
        super(ErrorCode.BAD_REQUEST, message, cause);
    }
}
