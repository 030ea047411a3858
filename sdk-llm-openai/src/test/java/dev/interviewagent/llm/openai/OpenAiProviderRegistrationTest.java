package dev.interviewagent.llm.openai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewagent.llm.spi.ChatModelProvider;
import dev.interviewagent.llm.spi.ChatModelProviders;
import dev.interviewagent.llm.spi.ChatModelSettings;
import dev.langchain4j.http.client.jdk.JdkHttpClient;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import java.time.Duration;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The module registers its provider for ServiceLoader, and the provider builds OpenAI models. */
class OpenAiProviderRegistrationTest {

    private static final ChatModelSettings SETTINGS = new ChatModelSettings("http://127.0.0.1:9/v1", "sk-test",
            "gpt-test", 0.4, 800, Duration.ofSeconds(5), true, JdkHttpClient.builder());

    @Test
    void should_be_found_by_service_loader_under_its_name() {
        assertThat(ServiceLoader.load(ChatModelProvider.class).stream().map(ServiceLoader.Provider::type))
                .contains(OpenAiChatModelProvider.class);
        assertThat(ChatModelProviders.find("openai")).get().isInstanceOf(OpenAiChatModelProvider.class);
    }

    @Test
    void should_build_the_blocking_and_the_streaming_openai_model() {
        ChatModelProvider provider = ChatModelProviders.require(OpenAiChatModelProvider.NAME);

        assertThat(provider.chatModel(SETTINGS)).isInstanceOf(OpenAiChatModel.class);
        assertThat(provider.streamingChatModel(SETTINGS)).isInstanceOf(OpenAiStreamingChatModel.class);
    }
}
