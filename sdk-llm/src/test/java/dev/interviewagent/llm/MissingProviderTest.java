package dev.interviewagent.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interviewagent.core.config.InterviewConfig;
import dev.interviewagent.llm.spi.ChatModelProviders;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** sdk-llm alone has no provider module on its classpath: every way to ask for one names the artifact to add. */
class MissingProviderTest {

    @Test
    void should_find_no_provider_without_a_provider_module() {
        assertThat(ChatModelProviders.find("openai")).isEmpty();
        assertThat(ChatModelProviders.find("anthropic")).isEmpty();
    }

    @Test
    void should_name_the_artifact_to_add_when_a_brain_is_built_for_a_missing_provider() {
        assertThatThrownBy(() -> LlmBrain.builder().provider(LlmBrain.Provider.ANTHROPIC).apiKey("sk-test").build())
                .isInstanceOfSatisfying(MissingChatModelProviderException.class, e -> {
                    assertThat(e.provider()).isEqualTo("anthropic");
                    assertThat(e.artifact()).isEqualTo("dev.interviewagent:sdk-llm-anthropic");
                })
                .hasMessage("no LLM provider 'anthropic' on the classpath: add dev.interviewagent:sdk-llm-anthropic");
        assertThatThrownBy(() -> ChatModelProviders.require("openai"))
                .isInstanceOf(MissingChatModelProviderException.class)
                .hasMessageEndingWith("add dev.interviewagent:sdk-llm-openai");
    }

    @Test
    void should_fail_when_the_configuration_names_a_provider_whose_module_is_missing() {
        InterviewConfig config = InterviewConfig.fromEnvironment(Map.of("OPENAI_API_KEY", "sk-test",
                "INTERVIEW_LLM_PROVIDER", "openai"));

        assertThatThrownBy(() -> LlmBrains.from(config))
                .isInstanceOf(MissingChatModelProviderException.class)
                .hasMessageContaining("dev.interviewagent:sdk-llm-openai");
    }

    @Test
    void should_stay_offline_and_say_why_when_only_a_key_implies_a_missing_provider() {
        Map<String, String> env = Map.of("ANTHROPIC_API_KEY", "sk-test");

        assertThat(LlmBrains.fromEnvironment(env)).isEmpty();
        assertThat(LlmBrains.describe(env)).isEqualTo("offline brain (anthropic key set, but"
                + " dev.interviewagent:sdk-llm-anthropic is not on the classpath)");
    }
}
