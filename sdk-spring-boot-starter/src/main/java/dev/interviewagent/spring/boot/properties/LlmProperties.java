package dev.interviewagent.spring.boot.properties;

import dev.interviewagent.core.config.InterviewSettings;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** The LLM brain: {@code interview.llm.*}; without a key the offline brain phrases the questions. */
public final class LlmProperties {

    /** Which brain phrases the questions. Unset: the LLM whose key is set (OpenAI first), else the offline brain. */
    private @Nullable String provider;

    /** Timeout of one HTTP call to the model (a whole stream when streaming). */
    private Duration callTimeout = Duration.ofSeconds(20);

    /** Everything one turn may take: calls, back-off and the re-ask; keep it below the engine's brain timeout. */
    private Duration turnTimeout = Duration.ofSeconds(28);

    /** Retries of one call on 429, 5xx, timeouts and network errors. */
    private int maxRetries = 2;

    private final OpenAi openai = new OpenAi();

    private final Anthropic anthropic = new Anthropic();

    public @Nullable String getProvider() {
        return provider;
    }

    public void setProvider(@Nullable String provider) {
        this.provider = provider;
    }

    public Duration getCallTimeout() {
        return callTimeout;
    }

    public void setCallTimeout(Duration callTimeout) {
        this.callTimeout = callTimeout;
    }

    public Duration getTurnTimeout() {
        return turnTimeout;
    }

    public void setTurnTimeout(Duration turnTimeout) {
        this.turnTimeout = turnTimeout;
    }

    public int getMaxRetries() {
        return maxRetries;
    }

    public void setMaxRetries(int maxRetries) {
        this.maxRetries = maxRetries;
    }

    public OpenAi getOpenai() {
        return openai;
    }

    public Anthropic getAnthropic() {
        return anthropic;
    }

    void collect(SettingValues values) {
        values.put(InterviewSettings.LLM_PROVIDER, provider);
        values.put(InterviewSettings.LLM_CALL_TIMEOUT, callTimeout);
        values.put(InterviewSettings.LLM_TURN_TIMEOUT, turnTimeout);
        values.put(InterviewSettings.LLM_MAX_RETRIES, maxRetries);
        openai.collect(values);
        anthropic.collect(values);
    }

    /** The OpenAI (or compatible) model: {@code interview.llm.openai.*}. */
    public static final class OpenAi {

        /** OpenAI (or compatible server) key; selects the LLM brain. Secret. */
        private @Nullable String apiKey;

        /** The URL /chat/completions is appended to; also for OpenAI-compatible servers. */
        private String baseUrl = "https://api.openai.com/v1";

        /** OpenAI model name. */
        private String model = "gpt-4o-mini";

        public @Nullable String getApiKey() {
            return apiKey;
        }

        public void setApiKey(@Nullable String apiKey) {
            this.apiKey = apiKey;
        }

        public String getBaseUrl() {
            return baseUrl;
        }

        public void setBaseUrl(String baseUrl) {
            this.baseUrl = baseUrl;
        }

        public String getModel() {
            return model;
        }

        public void setModel(String model) {
            this.model = model;
        }

        void collect(SettingValues values) {
            values.put(InterviewSettings.LLM_OPENAI_API_KEY, apiKey);
            values.put(InterviewSettings.LLM_OPENAI_BASE_URL, baseUrl);
            values.put(InterviewSettings.LLM_OPENAI_MODEL, model);
        }
    }

    /** The Anthropic model: {@code interview.llm.anthropic.*}. */
    public static final class Anthropic {

        /** Anthropic key; selects the LLM brain when no OpenAI key is set. Secret. */
        private @Nullable String apiKey;

        /** The URL messages is appended to. */
        private String baseUrl = "https://api.anthropic.com/v1/";

        /** Anthropic model name. */
        private String model = "claude-haiku-4-5";

        public @Nullable String getApiKey() {
            return apiKey;
        }

        public void setApiKey(@Nullable String apiKey) {
            this.apiKey = apiKey;
        }

        public String getBaseUrl() {
            return baseUrl;
        }

        public void setBaseUrl(String baseUrl) {
            this.baseUrl = baseUrl;
        }

        public String getModel() {
            return model;
        }

        public void setModel(String model) {
            this.model = model;
        }

        void collect(SettingValues values) {
            values.put(InterviewSettings.LLM_ANTHROPIC_API_KEY, apiKey);
            values.put(InterviewSettings.LLM_ANTHROPIC_BASE_URL, baseUrl);
            values.put(InterviewSettings.LLM_ANTHROPIC_MODEL, model);
        }
    }
}
