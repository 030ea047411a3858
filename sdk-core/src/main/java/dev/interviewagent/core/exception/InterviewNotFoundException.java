package dev.interviewagent.core.exception;

/** No interview with the given id exists in the store (or it was deleted). */
public class InterviewNotFoundException extends InterviewException {

    private static final long serialVersionUID = 1L;

    public InterviewNotFoundException(String message) {
        super(ErrorCode.NOT_FOUND, message);
    }

    public InterviewNotFoundException(String message, Throwable cause) {
        super(ErrorCode.NOT_FOUND, message, cause);
    }
}
