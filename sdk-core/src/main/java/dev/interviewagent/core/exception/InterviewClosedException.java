package dev.interviewagent.core.exception;

/** The interview has ended (completed, ended early or in an emergency, or abandoned) and takes no more answers. */
public class InterviewClosedException extends InterviewException {

    private static final long serialVersionUID = 1L;

    public InterviewClosedException(String message) {
        super(ErrorCode.BAD_REQUEST, message);
    }

    public InterviewClosedException(String message, Throwable cause) {
        super(ErrorCode.BAD_REQUEST, message, cause);
    }
}
