package dev.interviewagent.voice;

import dev.interviewagent.core.exception.ErrorCode;
import dev.interviewagent.core.exception.InterviewException;
import java.util.Objects;

/**
 * A speech operation failed: the audio was rejected before upload, or the provider failed or refused.
 *
 * <p>Channels localise the message from {@link #reason()} (its {@link Reason#code()} is stable), not from
 * {@link #getMessage()}. Messages never contain audio, transcript text or keys, so they are safe to log.
 * {@link #isRetriable()} says whether the same call may succeed later unchanged; the
 * {@link ResilientSpeechToText} decorator retries exactly those.
 */
public class SpeechException extends InterviewException {

    private static final long serialVersionUID = 1L;

    /** Why a speech operation failed. Audio reasons are decided locally, before any upload. */
    public enum Reason {
        /** No bytes at all. */
        EMPTY("empty", ErrorCode.UNSUPPORTED_AUDIO, false, true),
        /**
         * The container is recognised but cut off or damaged, so it cannot be read to the end; also when the content
         * ends well before the length its header declares.
         */
        TRUNCATED("truncated", ErrorCode.UNSUPPORTED_AUDIO, false, true),
        /** The container is recognised but its headers are inconsistent (bad checksum, impossible values). */
        CORRUPT("corrupt", ErrorCode.UNSUPPORTED_AUDIO, false, true),
        /**
         * The content lasts longer than the container's header declares (a forged or broken length field), beyond
         * {@link AudioLimits#durationTolerance()}. Providers bill and transcribe the content, so it is refused.
         */
        DURATION_MISMATCH("duration_mismatch", ErrorCode.UNSUPPORTED_AUDIO, false, true),
        /** Shorter than the configured minimum duration. */
        TOO_SHORT("too_short", ErrorCode.UNSUPPORTED_AUDIO, false, true),
        /** Longer than the configured maximum duration. */
        TOO_LONG("too_long", ErrorCode.TOO_LARGE, false, true),
        /** More bytes than the configured maximum size. */
        TOO_LARGE("too_large", ErrorCode.TOO_LARGE, false, true),
        /** The bytes are not any supported audio format (whatever the file name says). */
        UNKNOWN_FORMAT("unknown_format", ErrorCode.UNSUPPORTED_AUDIO, false, true),
        /** The provider rejected the key. Never retried. */
        AUTH("auth", ErrorCode.UNAUTHORIZED, false, false),
        /** The provider answered 429. Retried with backoff. */
        RATE_LIMITED("rate_limited", ErrorCode.RATE_LIMITED, true, false),
        /** The provider rejected the request as invalid (4xx other than 401/403/429). Never retried. */
        REJECTED("rejected", ErrorCode.BAD_REQUEST, false, false),
        /** The provider failed (5xx), could not be reached or answered something unreadable. Retried. */
        PROVIDER_ERROR("provider_error", ErrorCode.UNAVAILABLE, true, false),
        /** The provider accepted the job but reported that transcription failed. Not retried. */
        TRANSCRIPTION_FAILED("transcription_failed", ErrorCode.UNAVAILABLE, false, false),
        /** A request or the whole transcription took longer than its configured timeout. Retried. */
        TIMEOUT("timeout", ErrorCode.UNAVAILABLE, true, false),
        /** The per-provider concurrency limit is reached and no permit became free in time. Retried later. */
        BUSY("busy", ErrorCode.BUSY, true, false),
        /** The calling thread was interrupted while waiting. Not retried; the interrupt flag is restored. */
        INTERRUPTED("interrupted", ErrorCode.UNAVAILABLE, false, false);

        private final String code;
        private final ErrorCode errorCode;
        private final boolean retriable;
        private final boolean audioProblem;

        Reason(String code, ErrorCode errorCode, boolean retriable, boolean audioProblem) {
            this.code = code;
            this.errorCode = errorCode;
            this.retriable = retriable;
            this.audioProblem = audioProblem;
        }

        /** The stable lower-case code channels localise from, e.g. {@code too_short}. */
        public String code() {
            return code;
        }

        /** The SDK-wide error code this reason maps to. */
        public ErrorCode errorCode() {
            return errorCode;
        }

        /** Whether repeating the same call later may succeed. */
        public boolean retriable() {
            return retriable;
        }

        /**
         * Whether the audio itself is the problem (the respondent should record again or type), as opposed to
         * the provider. Another provider would fail the same way, so fallbacks do not try it.
         */
        public boolean audioProblem() {
            return audioProblem;
        }
    }

    private final Reason reason;

    /**
     * @param reason why it failed
     * @param message a message without audio, transcript text or secrets
     */
    public SpeechException(Reason reason, String message) {
        super(Objects.requireNonNull(reason, "reason").errorCode(), message);
        this.reason = reason;
    }

    /**
     * @param reason why it failed
     * @param message a message without audio, transcript text or secrets
     * @param cause the underlying failure, kept for diagnosis
     */
    public SpeechException(Reason reason, String message, Throwable cause) {
        super(Objects.requireNonNull(reason, "reason").errorCode(), message, cause);
        this.reason = reason;
    }

    /** Why it failed; stable for localisation. */
    public Reason reason() {
        return reason;
    }

    /** Decided by the {@link #reason()}: transient provider failures are retriable, audio and auth problems not. */
    @Override
    public boolean isRetriable() {
        return reason.retriable();
    }
}
