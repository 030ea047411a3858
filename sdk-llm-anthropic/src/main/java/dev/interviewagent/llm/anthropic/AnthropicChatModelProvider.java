package dev.interviewagent.llm.anthropic;

import dev.interviewagent.llm.spi.ChatModelProvider;
import dev.interviewagent.llm.spi.ChatModelSettings;
import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.anthropic.AnthropicStreamingChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;

/**
 * The {@code anthropic} provider of the LLM brain: Anthropic's messages API. Registered in
 * {@code META-INF/services}; hosts never call it.
 */
public final class AnthropicChatModelProvider implements ChatModelProvider {

    /** The name {@code interview.llm.provider} selects it by. */
    public static final String NAME = "anthropic";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ChatModel chatModel(ChatModelSettings settings) {
        return AnthropicChatModel.builder()
                .httpClientBuilder(settings.httpClientBuilder())
                .baseUrl(settings.baseUrl())
                .apiKey(settings.apiKey())
                .modelName(settings.modelName())
                .temperature(settings.temperature())
                .maxTokens(settings.maxTokens())
                .timeout(settings.timeout())
                .maxRetries(0)
                .build();
    }

    @Override
    public StreamingChatModel streamingChatModel(ChatModelSettings settings) {
        return AnthropicStreamingChatModel.builder()
                .httpClientBuilder(settings.httpClientBuilder())
                .baseUrl(settings.baseUrl())
                .apiKey(settings.apiKey())
                .modelName(settings.modelName())
                .temperature(settings.temperature())
                .maxTokens(settings.maxTokens())
                .timeout(settings.timeout())
                .build();
    }
}
