package dev.interviewagent.core.exception;

/** An interviewer brain failed or timed out. The engine catches it and falls back to the offline brain; hosts see it only when calling a brain directly. */
public class BrainUnavailableException extends InterviewException {

    private static final long serialVersionUID = 1L;

    public BrainUnavailableException(String message) {
        super(ErrorCode.UNAVAILABLE, message);
    }

    public BrainUnavailableException(String message, Throwable cause) {
        super(ErrorCode.UNAVAILABLE, message, cause);
    }
}
