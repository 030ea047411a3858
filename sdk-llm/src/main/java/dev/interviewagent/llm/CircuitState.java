package dev.interviewagent.llm;

/**
 * The state of the LLM brain's circuit breaker, which stops calling a failing provider. After
 * {@link LlmBrain.Builder#circuitFailureThreshold} failed calls in a row it opens; after
 * {@link LlmBrain.Builder#circuitOpenDuration} one probe call is let through (half-open), and its success closes it
 * again.
 */
public enum CircuitState {
    /** Calls go through. */
    CLOSED("closed"),
    /** Calls are refused at once; the offline brain phrases every turn. */
    OPEN("open"),
    /** One probe call is let through to see whether the provider is back. */
    HALF_OPEN("half_open");

    private final String code;

    CircuitState(String code) {
        this.code = code;
    }

    /** The stable lower-case code, e.g. {@code half_open}. */
    public String code() {
        return code;
    }
}
