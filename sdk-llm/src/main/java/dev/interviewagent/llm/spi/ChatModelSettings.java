package dev.interviewagent.llm.spi;

import dev.langchain4j.http.client.HttpClientBuilder;
import java.time.Duration;
import java.util.Objects;

/**
 * What a {@link ChatModelProvider} builds a model from.
 *
 * @param baseUrl           the API base URL (OpenAI: up to {@code /v1}; Anthropic: up to {@code /v1/})
 * @param apiKey            the API key
 * @param modelName         the model
 * @param temperature       the sampling temperature
 * @param maxTokens         the most tokens per reply
 * @param timeout           the timeout of one HTTP call (a whole stream when streaming)
 * @param jsonSchema        whether the model is asked for replies by JSON schema ({@code response_format})
 * @param httpClientBuilder the HTTP client the model must use
 */
public record ChatModelSettings(String baseUrl, String apiKey, String modelName, double temperature, int maxTokens,
                                Duration timeout, boolean jsonSchema, HttpClientBuilder httpClientBuilder) {

    public ChatModelSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(modelName, "modelName");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(httpClientBuilder, "httpClientBuilder");
    }

    /** The key never shows in logs. */
    @Override
    public String toString() {
        return "ChatModelSettings[" + baseUrl + ", " + modelName + "]";
    }
}
