package dev.interviewagent.core.exception;

/** The interview store failed or timed out. Safe to retry with the same message id: a turn is either stored whole or not at all. */
public class StoreException extends InterviewException {

    private static final long serialVersionUID = 1L;

    public StoreException(String message) {
        super(ErrorCode.UNAVAILABLE, message);
    }

    public StoreException(String message, Throwable cause) {
        super(ErrorCode.UNAVAILABLE, message, cause);
    }
}
