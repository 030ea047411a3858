package dev.interviewagent.llm.spi;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;

/**
 * A model provider of the LLM brain: builds the LangChain4j chat models for one API. Each provider module
 * ({@code sdk-llm-openai}, {@code sdk-llm-anthropic}) registers one in
 * {@code META-INF/services/dev.interviewagent.llm.spi.ChatModelProvider}; the brain finds it with
 * {@link java.util.ServiceLoader} by {@link #name()}.
 *
 * <p>The models must not retry (the brain retries, honouring Retry-After and the turn deadline) and must use the
 * HTTP client builder given in the settings (it reads Retry-After).
 */
public interface ChatModelProvider {

    /** The provider's name, as {@code interview.llm.provider} spells it, e.g. {@code openai}. */
    String name();

    /** A blocking chat model for {@code settings}. */
    ChatModel chatModel(ChatModelSettings settings);

    /** A streaming chat model for {@code settings}. */
    StreamingChatModel streamingChatModel(ChatModelSettings settings);
}
