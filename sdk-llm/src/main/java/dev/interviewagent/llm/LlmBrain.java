package dev.interviewagent.llm;

import dev.interviewagent.core.spi.BrainReply;
import dev.interviewagent.core.spi.BrainRequest;
import dev.interviewagent.core.spi.InterviewerBrain;
import dev.interviewagent.llm.internal.LlmInterviewer;
import dev.interviewagent.llm.internal.LlmSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * An interviewer brain that phrases each move with a large language model: OpenAI, any OpenAI-compatible server
 * (vLLM, Ollama, Azure-style gateways, through {@link Builder#baseUrl}) or Anthropic. The provider's module
 * ({@code dev.interviewagent:sdk-llm-openai}, {@code sdk-llm-anthropic}) must be on the classpath.
 *
 * <p>The brain only phrases the move the engine's decision layer chose. It sends the model the move and the
 * methodology facts of the turn, asks for the reply contract of the methodology (JSON schema where the provider
 * supports it), validates and repairs the reply, re-asks once with the errors explained, and otherwise throws, so
 * the engine's offline brain answers the turn and marks it {@code fallback}. Provider errors (429, 5xx, timeouts)
 * are retried with back-off and jitter, honouring Retry-After; a circuit breaker stops calling a failing provider.
 *
 * <pre>{@code
 * LlmBrain brain = LlmBrain.builder()
 *         .provider(LlmBrain.Provider.OPENAI)
 *         .apiKey(System.getenv("OPENAI_API_KEY"))
 *         .modelName("gpt-4o-mini")
 *         .build();
 * InterviewEngine engine = InterviewEngine.builder().brain(brain).build();
 * }</pre>
 *
 * <p>Thread-safe: one brain serves any number of interviews; it keeps no per-interview state (its memory of the
 * interview is derived from each request). {@link #phrase} blocks for at most the turn timeout. Keys are never
 * logged, and respondent text is never logged.
 */
public final class LlmBrain implements InterviewerBrain {

    /** The brain's id. Each turn also records {@code provider:model} as {@code phrasedBy}. */
    public static final String ID = "llm";
    public static final String DEFAULT_OPENAI_BASE_URL = "https://api.openai.com/v1";
    public static final String DEFAULT_ANTHROPIC_BASE_URL = "https://api.anthropic.com/v1/";
    public static final String DEFAULT_OPENAI_MODEL = "gpt-4o-mini";
    public static final String DEFAULT_ANTHROPIC_MODEL = "claude-haiku-4-5";
    public static final double DEFAULT_TEMPERATURE = 0.4;
    public static final int DEFAULT_MAX_TOKENS = 800;
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(20);
    /** Below the engine's default brain timeout of 30 s, so the brain gives up before the engine abandons it. */
    public static final Duration DEFAULT_TURN_TIMEOUT = Duration.ofSeconds(28);
    public static final int DEFAULT_MAX_RETRIES = 2;
    public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofMillis(500);
    public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(8);
    public static final Duration DEFAULT_MAX_RETRY_AFTER = Duration.ofSeconds(10);
    public static final int DEFAULT_CIRCUIT_FAILURE_THRESHOLD = 5;
    public static final Duration DEFAULT_CIRCUIT_OPEN_DURATION = Duration.ofSeconds(60);
    public static final int DEFAULT_CONTEXT_TOKENS = 6000;
    public static final int DEFAULT_CONTEXT_TURNS = 16;

    /** The model provider. */
    public enum Provider {
        /** OpenAI's chat completions API, or any server that speaks it. */
        OPENAI(LlmSettings.OPENAI),
        /** Anthropic's messages API. */
        ANTHROPIC(LlmSettings.ANTHROPIC);

        private final String code;

        Provider(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    private final LlmInterviewer interviewer;
    private final Provider provider;
    private final String description;

    private LlmBrain(LlmSettings settings, Provider provider) {
        this.interviewer = new LlmInterviewer(settings);
        this.provider = provider;
        this.description = settings.provider() + " " + settings.modelName() + " at "
                + BaseUrls.redact(settings.baseUrl());
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String id() {
        return ID;
    }

    /**
     * Phrases the move with the model. Blocks up to the turn timeout.
     *
     * @throws dev.interviewagent.core.exception.BrainUnavailableException when the provider fails, the circuit is
     *         open or the reply stays invalid after one re-ask (the engine then falls back to the offline brain)
     */
    @Override
    public BrainReply phrase(BrainRequest request) {
        return interviewer.phrase(Objects.requireNonNull(request, "request"), s -> { });
    }

    /**
     * Like {@link #phrase(BrainRequest)}; with {@link Builder#streaming(boolean) streaming} on, {@code deltas}
     * receives the message's text as the model writes it, a whole sentence at a time: each sentence is held back
     * until the message so far has passed the checks the final reply gets (no fragment of the system prompt, no
     * quotation of words the respondent did not say in this interview, no claim about scores, instructions or
     * stages, no second question, the interview's language), and nothing after
     * a sentence that fails is sent. It is a preview: the validated reply is what counts and is stored; what was
     * shown is a prefix of it, unless the reply is rejected for another reason (then the re-asked or offline
     * message replaces it).
     */
    @Override
    public BrainReply phrase(BrainRequest request, Consumer<String> deltas) {
        return interviewer.phrase(Objects.requireNonNull(request, "request"),
                Objects.requireNonNull(deltas, "deltas"));
    }

    @Override
    public int contextTurns() {
        return interviewer.settings().contextTurns();
    }

    /** A snapshot of this brain's counters. */
    public LlmBrainMetrics metrics() {
        return interviewer.metrics();
    }

    /** Whether the circuit breaker currently refuses calls to the provider. */
    public boolean circuitOpen() {
        return interviewer.circuitState() == CircuitState.OPEN;
    }

    /** The circuit breaker's state now. */
    public CircuitState circuitState() {
        return interviewer.circuitState();
    }

    /** The provider this brain calls. */
    public Provider provider() {
        return provider;
    }

    /** The model this brain asks, e.g. {@code gpt-4o-mini}. */
    public String modelName() {
        return interviewer.settings().modelName();
    }

    /** {@code openai gpt-4o-mini at https://api.openai.com/v1}: provider, model and base URL, never the key. */
    public String description() {
        return description;
    }

    @Override
    public String toString() {
        return "LlmBrain[" + description + "]";
    }


    /**
     * Builds an {@link LlmBrain}. {@link #provider} and {@link #apiKey} are required; everything else has a
     * {@code DEFAULT_*}. Setters reject bad values at once, naming the field; nothing is clamped. Not thread-safe.
     */
    public static final class Builder {
        private @Nullable Provider provider;
        private @Nullable String apiKey;
        private @Nullable String baseUrl;
        private @Nullable String modelName;
        private double temperature = DEFAULT_TEMPERATURE;
        private int maxTokens = DEFAULT_MAX_TOKENS;
        private Duration callTimeout = DEFAULT_CALL_TIMEOUT;
        private Duration turnTimeout = DEFAULT_TURN_TIMEOUT;
        private int maxRetries = DEFAULT_MAX_RETRIES;
        private Duration initialBackoff = DEFAULT_INITIAL_BACKOFF;
        private Duration maxBackoff = DEFAULT_MAX_BACKOFF;
        private Duration maxRetryAfter = DEFAULT_MAX_RETRY_AFTER;
        private int circuitFailureThreshold = DEFAULT_CIRCUIT_FAILURE_THRESHOLD;
        private Duration circuitOpenDuration = DEFAULT_CIRCUIT_OPEN_DURATION;
        private int contextTokens = DEFAULT_CONTEXT_TOKENS;
        private int contextTurns = DEFAULT_CONTEXT_TURNS;
        private @Nullable OutputMode outputMode;
        private boolean streaming;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /** Which API to speak. Required. */
        public Builder provider(Provider provider) {
            this.provider = Objects.requireNonNull(provider, "provider");
            return this;
        }

        /** The provider's API key. Required; never logged. */
        public Builder apiKey(String apiKey) {
            Objects.requireNonNull(apiKey, "apiKey");
            if (apiKey.isBlank()) {
                throw new IllegalArgumentException("apiKey must not be blank");
            }
            this.apiKey = apiKey.strip();
            return this;
        }

        /**
         * The API base URL; exceptions and {@link LlmBrain#description()} show it without user info or query.
         * Default: {@link #DEFAULT_OPENAI_BASE_URL} or {@link #DEFAULT_ANTHROPIC_BASE_URL}.
         * For OpenAI-compatible servers, the URL that {@code /chat/completions} is appended to (e.g.
         * {@code http://localhost:11434/v1} for Ollama); for Anthropic, the one {@code messages} is appended to.
         */
        public Builder baseUrl(String baseUrl) {
            BaseUrls.check(Objects.requireNonNull(baseUrl, "baseUrl"));
            this.baseUrl = baseUrl.strip();
            return this;
        }

        /** The model. Default: {@link #DEFAULT_OPENAI_MODEL} or {@link #DEFAULT_ANTHROPIC_MODEL}. */
        public Builder modelName(String modelName) {
            Objects.requireNonNull(modelName, "modelName");
            if (modelName.isBlank()) {
                throw new IllegalArgumentException("modelName must not be blank");
            }
            this.modelName = modelName.strip();
            return this;
        }

        /** Sampling temperature, 0–2. Default: {@link #DEFAULT_TEMPERATURE}. */
        public Builder temperature(double temperature) {
            if (!(temperature >= 0 && temperature <= 2)) {
                throw new IllegalArgumentException("temperature must be 0-2, was " + temperature);
            }
            this.temperature = temperature;
            return this;
        }

        /** The most tokens per reply, 64–32000. Default: {@link #DEFAULT_MAX_TOKENS}. */
        public Builder maxTokens(int maxTokens) {
            this.maxTokens = range("maxTokens", maxTokens, 64, 32_000);
            return this;
        }

        /** The timeout of one HTTP call (a whole stream when streaming). Default: {@link #DEFAULT_CALL_TIMEOUT}. */
        public Builder callTimeout(Duration callTimeout) {
            this.callTimeout = positive("callTimeout", callTimeout);
            return this;
        }

        /**
         * Everything one turn may take: calls, back-off waits and the re-ask. Keep it below the engine's brain
         * timeout. Default: {@link #DEFAULT_TURN_TIMEOUT}.
         */
        public Builder turnTimeout(Duration turnTimeout) {
            this.turnTimeout = positive("turnTimeout", turnTimeout);
            return this;
        }

        /** Retries of one call on 429, 5xx, timeouts and network errors, 0–10. Default: {@link #DEFAULT_MAX_RETRIES}. */
        public Builder maxRetries(int maxRetries) {
            this.maxRetries = range("maxRetries", maxRetries, 0, 10);
            return this;
        }

        /** The first back-off; it doubles per retry, with jitter. Default: {@link #DEFAULT_INITIAL_BACKOFF}. */
        public Builder initialBackoff(Duration initialBackoff) {
            this.initialBackoff = positive("initialBackoff", initialBackoff);
            return this;
        }

        /** The longest back-off. Default: {@link #DEFAULT_MAX_BACKOFF}. Must be ≥ {@link #initialBackoff}. */
        public Builder maxBackoff(Duration maxBackoff) {
            this.maxBackoff = positive("maxBackoff", maxBackoff);
            return this;
        }

        /**
         * The longest Retry-After the brain waits for; a longer one ends the turn at once (the offline brain
         * answers). Default: {@link #DEFAULT_MAX_RETRY_AFTER}. Must be ≥ 0.
         */
        public Builder maxRetryAfter(Duration maxRetryAfter) {
            Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
            if (maxRetryAfter.isNegative()) {
                throw new IllegalArgumentException("maxRetryAfter must be >= 0, was " + maxRetryAfter);
            }
            this.maxRetryAfter = maxRetryAfter;
            return this;
        }

        /** Failed calls in a row that open the circuit, 1–1000. Default: {@link #DEFAULT_CIRCUIT_FAILURE_THRESHOLD}. */
        public Builder circuitFailureThreshold(int threshold) {
            this.circuitFailureThreshold = range("circuitFailureThreshold", threshold, 1, 1000);
            return this;
        }

        /** How long an open circuit refuses calls before one probe. Default: {@link #DEFAULT_CIRCUIT_OPEN_DURATION}. */
        public Builder circuitOpenDuration(Duration duration) {
            this.circuitOpenDuration = positive("circuitOpenDuration", duration);
            return this;
        }

        /**
         * The approximate token budget (characters / 4) of the context sent each turn: the latest answer, recent
         * turns verbatim and the per-stage summary. 500–1,000,000. Default: {@link #DEFAULT_CONTEXT_TOKENS}.
         */
        public Builder contextTokens(int contextTokens) {
            this.contextTokens = range("contextTokens", contextTokens, 500, 1_000_000);
            return this;
        }

        /** How many recent turns the brain reads, 0–200. Default: {@link #DEFAULT_CONTEXT_TURNS}. */
        public Builder contextTurns(int contextTurns) {
            this.contextTurns = range("contextTurns", contextTurns, 0, 200);
            return this;
        }

        /**
         * How the contract is requested. Default: {@link OutputMode#JSON_SCHEMA} for OpenAI,
         * {@link OutputMode#PROMPT_ONLY} for Anthropic (the only mode it takes).
         */
        public Builder outputMode(OutputMode outputMode) {
            this.outputMode = Objects.requireNonNull(outputMode, "outputMode");
            return this;
        }

        /** Whether to use the streaming API so message deltas reach channels as they arrive. Default: false. */
        public Builder streaming(boolean streaming) {
            this.streaming = streaming;
            return this;
        }

        /** The clock for the turn deadline. Default: {@link Clock#systemUTC()}. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Builds the brain.
         *
         * @throws IllegalArgumentException for a missing provider or key, or settings that do not fit together
         * @throws MissingChatModelProviderException if the provider's module ({@code sdk-llm-openai},
         *                                           {@code sdk-llm-anthropic}) is not on the classpath
         */
        public LlmBrain build() {
            if (provider == null) {
                throw new IllegalArgumentException("provider is required");
            }
            if (apiKey == null) {
                throw new IllegalArgumentException("apiKey is required");
            }
            if (initialBackoff.compareTo(maxBackoff) > 0) {
                throw new IllegalArgumentException("initialBackoff (" + initialBackoff + ") must be <= maxBackoff ("
                        + maxBackoff + ")");
            }
            OutputMode mode = outputMode != null ? outputMode
                    : provider == Provider.OPENAI ? OutputMode.JSON_SCHEMA : OutputMode.PROMPT_ONLY;
            if (provider == Provider.ANTHROPIC && mode != OutputMode.PROMPT_ONLY) {
                throw new IllegalArgumentException("outputMode " + mode + " is not available for anthropic; use"
                        + " PROMPT_ONLY");
            }
            String url = baseUrl != null ? baseUrl
                    : provider == Provider.OPENAI ? DEFAULT_OPENAI_BASE_URL : DEFAULT_ANTHROPIC_BASE_URL;
            String model = modelName != null ? modelName
                    : provider == Provider.OPENAI ? DEFAULT_OPENAI_MODEL : DEFAULT_ANTHROPIC_MODEL;
            LlmSettings settings = new LlmSettings(provider.code(), url, apiKey, model, temperature, maxTokens,
                    callTimeout, turnTimeout, maxRetries, initialBackoff, maxBackoff, maxRetryAfter,
                    circuitFailureThreshold, circuitOpenDuration, contextTokens, contextTurns,
                    LlmSettings.OutputMode.valueOf(mode.name()), streaming, clock);
            return new LlmBrain(settings, provider);
        }

        private static int range(String name, int value, int min, int max) {
            if (value < min || value > max) {
                throw new IllegalArgumentException(name + " must be " + min + "-" + max + ", was " + value);
            }
            return value;
        }

        private static Duration positive(String name, Duration value) {
            Objects.requireNonNull(value, name);
            if (value.isZero() || value.isNegative()) {
                throw new IllegalArgumentException(name + " must be > 0, was " + value);
            }
            return value;
        }
    }
}
