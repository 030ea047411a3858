/** The Anthropic model provider of the LLM brain, found through {@link java.util.ServiceLoader}. */
module dev.interviewagent.llm.anthropic {
    requires transitive dev.interviewagent.llm;
    requires langchain4j.anthropic;
    requires langchain4j.http.client.jdk;
    requires static transitive org.jspecify;

    exports dev.interviewagent.llm.anthropic;

    provides dev.interviewagent.llm.spi.ChatModelProvider
            with dev.interviewagent.llm.anthropic.AnthropicChatModelProvider;
}
