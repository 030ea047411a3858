/** The OpenAI model provider of the LLM brain, found through {@link java.util.ServiceLoader}. */
module dev.interviewagent.llm.openai {
    requires transitive dev.interviewagent.llm;
    requires langchain4j.open.ai;
    requires langchain4j.http.client.jdk;
    requires static transitive org.jspecify;

    exports dev.interviewagent.llm.openai;

    provides dev.interviewagent.llm.spi.ChatModelProvider with dev.interviewagent.llm.openai.OpenAiChatModelProvider;
}
