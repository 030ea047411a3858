package dev.interviewagent.core.exception;

/** Audio that is empty, truncated, too short, of an unknown or unsupported format. Channels localise it from the code. */
public class UnsupportedAudioException extends InterviewException {

    private static final long serialVersionUID = 1L;

    public UnsupportedAudioException(String message) {
        super(ErrorCode.UNSUPPORTED_AUDIO, message);
    }

    public UnsupportedAudioException(String message, Throwable cause) {
        super(ErrorCode.UNSUPPORTED_AUDIO, message, cause);
    }
}
