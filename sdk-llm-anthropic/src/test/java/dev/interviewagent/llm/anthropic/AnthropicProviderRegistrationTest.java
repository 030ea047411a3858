package dev.interviewagent.llm.anthropic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewagent.llm.spi.ChatModelProvider;
import dev.interviewagent.llm.spi.ChatModelProviders;
import dev.interviewagent.llm.spi.ChatModelSettings;
import dev.langchain4j.http.client.jdk.JdkHttpClient;
import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.anthropic.AnthropicStreamingChatModel;
import java.time.Duration;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The module registers its provider for ServiceLoader, and the provider builds Anthropic models. */
class AnthropicProviderRegistrationTest {

    private static final ChatModelSettings SETTINGS = new ChatModelSettings("http://127.0.0.1:9/v1/", "sk-test",
            "claude-test", 0.4, 800, Duration.ofSeconds(5), false, JdkHttpClient.builder());

    @Test
    void should_be_found_by_service_loader_under_its_name_and_be_the_only_provider_of_the_module() {
        assertThat(ServiceLoader.load(ChatModelProvider.class).stream().map(ServiceLoader.Provider::type))
                .containsExactly(AnthropicChatModelProvider.class);
        assertThat(ChatModelProviders.find("anthropic")).get().isInstanceOf(AnthropicChatModelProvider.class);
        assertThat(ChatModelProviders.find("openai")).isEmpty();
    }

    @Test
    void should_build_the_blocking_and_the_streaming_anthropic_model() {
        ChatModelProvider provider = ChatModelProviders.require(AnthropicChatModelProvider.NAME);

        assertThat(provider.chatModel(SETTINGS)).isInstanceOf(AnthropicChatModel.class);
        assertThat(provider.streamingChatModel(SETTINGS)).isInstanceOf(AnthropicStreamingChatModel.class);
    }
}
