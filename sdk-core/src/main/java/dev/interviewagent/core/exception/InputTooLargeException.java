package dev.interviewagent.core.exception;

/** Text, audio or a frame over its configured limit. Nothing was stored; send something smaller. */
public class InputTooLargeException extends InterviewException {

    private static final long serialVersionUID = 1L;

    public InputTooLargeException(String message) {
        super(ErrorCode.TOO_LARGE, message);
    }

    public InputTooLargeException(String message, Throwable cause) {
        super(ErrorCode.TOO_LARGE, message, cause);
    }
}
