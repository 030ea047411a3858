package dev.interviewagent.llm.openai;

import dev.interviewagent.llm.spi.ChatModelProvider;
import dev.interviewagent.llm.spi.ChatModelSettings;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;

/**
 * The {@code openai} provider of the LLM brain: OpenAI's chat completions API, or any server that speaks it (vLLM,
 * Ollama, gateways). Registered in {@code META-INF/services}; hosts never call it.
 */
public final class OpenAiChatModelProvider implements ChatModelProvider {

    /** The name {@code interview.llm.provider} selects it by. */
    public static final String NAME = "openai";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ChatModel chatModel(ChatModelSettings settings) {
        OpenAiChatModel.OpenAiChatModelBuilder b = OpenAiChatModel.builder()
                .httpClientBuilder(settings.httpClientBuilder())
                .baseUrl(settings.baseUrl())
                .apiKey(settings.apiKey())
                .modelName(settings.modelName())
                .temperature(settings.temperature())
                .timeout(settings.timeout())
                .maxRetries(0)
                .strictJsonSchema(true);
        if (official(settings)) {
            b.maxCompletionTokens(settings.maxTokens());
        } else {
            b.maxTokens(settings.maxTokens());
        }
        if (settings.jsonSchema()) {
            b.supportedCapabilities(Capability.RESPONSE_FORMAT_JSON_SCHEMA);
        }
        return b.build();
    }

    @Override
    public StreamingChatModel streamingChatModel(ChatModelSettings settings) {
        OpenAiStreamingChatModel.OpenAiStreamingChatModelBuilder b = OpenAiStreamingChatModel.builder()
                .httpClientBuilder(settings.httpClientBuilder())
                .baseUrl(settings.baseUrl())
                .apiKey(settings.apiKey())
                .modelName(settings.modelName())
                .temperature(settings.temperature())
                .timeout(settings.timeout())
                .strictJsonSchema(true);
        if (official(settings)) {
            b.maxCompletionTokens(settings.maxTokens());
        } else {
            b.maxTokens(settings.maxTokens());
        }
        return b.build();
    }

    /** OpenAI's own API wants max_completion_tokens; compatible servers know max_tokens. */
    private static boolean official(ChatModelSettings settings) {
        return settings.baseUrl().contains("api.openai.com");
    }
}
