package dev.interviewagent.core.exception;

/** Another turn of the same interview was being processed (locally or on another node) and this one could not wait for it. Safe to retry with the same message id. */
public class ConcurrentTurnException extends InterviewException {

    private static final long serialVersionUID = 1L;

    public ConcurrentTurnException(String message) {
        super(ErrorCode.BUSY, message);
    }

    public ConcurrentTurnException(String message, Throwable cause) {
        super(ErrorCode.BUSY, message, cause);
    }
}
