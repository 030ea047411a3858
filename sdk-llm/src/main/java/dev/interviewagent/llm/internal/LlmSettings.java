package dev.interviewagent.llm.internal;

import dev.interviewagent.core.resilience.RetryPolicy;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * The resolved, validated settings of one LLM brain (the public builder validates each value; this record only
 * holds them). Immutable. {@link #toString()} masks the key.
 *
 * @param provider           {@code openai} or {@code anthropic}
 * @param baseUrl            the API base URL (OpenAI: up to {@code /v1}; Anthropic: up to {@code /v1/})
 * @param apiKey             the key, never logged
 * @param modelName          the model
 * @param temperature        sampling temperature
 * @param maxTokens          the most tokens the model may write per reply
 * @param callTimeout        one HTTP call, including a whole stream
 * @param turnTimeout        everything one turn may spend (calls, back-off waits, the re-ask)
 * @param maxRetries         retries of one call on 429/5xx/timeouts/network errors
 * @param initialBackoff     the first back-off; doubles per retry, with full jitter
 * @param maxBackoff         the longest back-off between two retries
 * @param maxRetryAfter      the longest {@code Retry-After} honoured; a longer one ends the turn on the offline brain
 * @param breakerThreshold   failed calls in a row that open the circuit
 * @param breakerOpenFor     how long an open circuit refuses calls before one probe
 * @param contextTokens      approximate token budget of the context sent with each turn (chars / 4)
 * @param contextTurns       how many recent turns the brain reads from the log
 * @param outputMode         how the JSON contract is requested
 * @param streaming          whether the streaming API is used (deltas of the message are forwarded)
 * @param clock              time source for the turn deadline
 */
public record LlmSettings(
        String provider,
        String baseUrl,
        String apiKey,
        String modelName,
        double temperature,
        int maxTokens,
        Duration callTimeout,
        Duration turnTimeout,
        int maxRetries,
        Duration initialBackoff,
        Duration maxBackoff,
        Duration maxRetryAfter,
        int breakerThreshold,
        Duration breakerOpenFor,
        int contextTokens,
        int contextTurns,
        OutputMode outputMode,
        boolean streaming,
        Clock clock) {

    /** How the reply contract is requested from the model. */
    public enum OutputMode {
        /** OpenAI structured outputs: {@code response_format: json_schema}, strict. */
        JSON_SCHEMA,
        /** {@code response_format: json_object} (OpenAI-compatible servers without schema support). */
        JSON_OBJECT,
        /** Only the prompt asks for JSON (Anthropic, servers without {@code response_format}). */
        PROMPT_ONLY
    }

    public static final String OPENAI = "openai";
    public static final String ANTHROPIC = "anthropic";

    public LlmSettings {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(modelName, "modelName");
        Objects.requireNonNull(callTimeout, "callTimeout");
        Objects.requireNonNull(turnTimeout, "turnTimeout");
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
        Objects.requireNonNull(breakerOpenFor, "breakerOpenFor");
        Objects.requireNonNull(outputMode, "outputMode");
        Objects.requireNonNull(clock, "clock");
    }

    /** The retries of one model call: doubling, equal jitter, Retry-After honoured up to {@link #maxRetryAfter()}. */
    public RetryPolicy retryPolicy() {
        return new RetryPolicy(maxRetries + 1, initialBackoff, 2.0, maxBackoff, maxRetryAfter, true);
    }

    /** {@code openai:gpt-4o-mini}: what each turn records as {@code phrasedBy}. */
    public String phrasedBy() {
        return provider + ":" + modelName;
    }

    @Override
    public String toString() {
        return "LlmSettings[provider=" + provider + ", baseUrl=" + baseUrl + ", apiKey=<masked>, modelName="
                + modelName + ", temperature=" + temperature + ", maxTokens=" + maxTokens + ", callTimeout="
                + callTimeout + ", turnTimeout=" + turnTimeout + ", maxRetries=" + maxRetries + ", initialBackoff="
                + initialBackoff + ", maxBackoff=" + maxBackoff + ", maxRetryAfter=" + maxRetryAfter
                + ", breakerThreshold=" + breakerThreshold + ", breakerOpenFor=" + breakerOpenFor
                + ", contextTokens=" + contextTokens + ", contextTurns=" + contextTurns + ", outputMode="
                + outputMode + ", streaming=" + streaming + "]";
    }
}
