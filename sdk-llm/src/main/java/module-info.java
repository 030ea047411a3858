/** The LLM brain over LangChain4j; model providers plug in through {@link dev.interviewagent.llm.spi.ChatModelProvider}. */
module dev.interviewagent.llm {
    requires transitive dev.interviewagent.core;
    requires transitive langchain4j.core;
    requires transitive langchain4j.http.client;
    requires langchain4j.http.client.jdk;
    requires io.github.resilience4j.circuitbreaker;
    requires io.github.resilience4j.core;
    requires java.net.http;
    requires org.slf4j;
    requires static transitive org.jspecify;
    // the .micrometer binder only
    requires static micrometer.core;

    exports dev.interviewagent.llm;
    exports dev.interviewagent.llm.micrometer;
    exports dev.interviewagent.llm.spi;

    opens dev.interviewagent.llm.internal to com.fasterxml.jackson.databind;

    uses dev.interviewagent.llm.spi.ChatModelProvider;
}
