package dev.interviewagent.core.exception;

/**
 * Stable error codes shared by every module and sent on the wire by the samples (see {@code docs/protocol.md}).
 *
 * <p>Never persist or send {@link #name()}: use {@link #wireValue()}, which is stable across renames.
 */
public enum ErrorCode {
    /** The request is malformed or not allowed in the interview's current state. */
    BAD_REQUEST("bad_request", false),
    /** Text, audio or a frame is over its configured limit. */
    TOO_LARGE("too_large", false),
    /** Audio whose format cannot be recognised or is not supported, or that is empty, truncated or too short. */
    UNSUPPORTED_AUDIO("unsupported_audio", false),
    /** A token or credential is missing or wrong. */
    UNAUTHORIZED("unauthorized", false),
    /** No interview (or other resource) with that id. */
    NOT_FOUND("not_found", false),
    /** Too many requests; retry after a pause. */
    RATE_LIMITED("rate_limited", true),
    /** Another turn of the same interview is being processed; retry shortly. */
    BUSY("busy", true),
    /** A dependency (store, brain, speech provider) is unreachable or timed out. */
    UNAVAILABLE("unavailable", true),
    /** A bug: something that should not happen did. */
    INTERNAL("internal", false);

    private final String wireValue;
    private final boolean retriable;

    ErrorCode(String wireValue, boolean retriable) {
        this.wireValue = wireValue;
        this.retriable = retriable;
    }

    /** The stable lower-case code used in protocol messages and logs, e.g. {@code not_found}. */
    @com.fasterxml.jackson.annotation.JsonValue
    public String wireValue() {
        return wireValue;
    }

    /** Whether the same call may succeed if repeated later unchanged. */
    public boolean retriable() {
        return retriable;
    }

    /**
     * Finds the code for a wire value.
     *
     * @throws IllegalArgumentException if the value is unknown
     */
    @com.fasterxml.jackson.annotation.JsonCreator
    public static ErrorCode fromWireValue(String wireValue) {
        for (ErrorCode code : values()) {
            if (code.wireValue.equals(wireValue)) {
                return code;
            }
        }
        throw new IllegalArgumentException("unknown error code: " + wireValue);
    }
}
