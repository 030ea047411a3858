package dev.interviewagent.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interviewagent.core.config.InterviewConfig;
import dev.interviewagent.core.config.InvalidConfigurationException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LlmBrainsTest {

    @Test
    void should_pick_the_offline_brain_when_no_key_is_set() {
        Map<String, String> env = Map.of("OPENAI_API_KEY", " ", "PATH", "/usr/bin");

        assertThat(LlmBrains.fromEnvironment(env)).isEmpty();
        assertThat(LlmBrains.describe(env)).startsWith("offline brain");
    }

    @Test
    void should_pick_openai_with_its_base_url_and_model_when_the_key_is_set() {
        Map<String, String> env = Map.of("OPENAI_API_KEY", "sk-secret-value", "OPENAI_BASE_URL",
                "http://localhost:11434/v1", "OPENAI_MODEL", "llama3.1");

        var brain = LlmBrains.fromEnvironment(env);

        assertThat(brain).containsInstanceOf(LlmBrain.class);
        assertThat(((LlmBrain) brain.orElseThrow()).description()).isEqualTo("openai llama3.1 at http://localhost:11434/v1");
        assertThat(LlmBrains.describe(env)).isEqualTo("LLM brain: openai llama3.1 at http://localhost:11434/v1")
                .doesNotContain("sk-secret-value");
        assertThat(brain.orElseThrow().id()).isEqualTo("llm");
        assertThat(brain.orElseThrow().contextTurns()).isEqualTo(LlmBrain.DEFAULT_CONTEXT_TURNS);
    }

    @Test
    void should_pick_anthropic_with_defaults_when_only_its_key_is_set() {
        Map<String, String> env = Map.of("ANTHROPIC_API_KEY", "sk-ant-secret");

        assertThat(LlmBrains.fromEnvironment(env)).isPresent();
        assertThat(LlmBrains.describe(env)).isEqualTo("LLM brain: anthropic " + LlmBrain.DEFAULT_ANTHROPIC_MODEL
                + " at https://api.anthropic.com/v1/");
    }

    @Test
    void should_prefer_openai_when_both_keys_are_set() {
        Map<String, String> env = Map.of("ANTHROPIC_API_KEY", "a", "OPENAI_API_KEY", "o");

        assertThat(LlmBrains.describe(env)).startsWith("LLM brain: openai " + LlmBrain.DEFAULT_OPENAI_MODEL);
    }

    @Test
    void should_fail_loudly_when_the_base_url_is_not_http() {
        Map<String, String> env = Map.of("OPENAI_API_KEY", "o", "OPENAI_BASE_URL", "ftp://example.com");

        assertThatThrownBy(() -> LlmBrains.fromEnvironment(env)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("baseUrl");
    }

    @Test
    void should_never_show_user_info_or_query_of_a_base_url() {
        assertThat(BaseUrls.redact("https://user:pass@gateway.example.com/v1?key=abc"))
                .isEqualTo("https://gateway.example.com/v1");
    }

    @Test
    void should_read_the_key_and_model_from_system_properties_or_the_file_when_configured() {
        InterviewConfig config = InterviewConfig.of(Map.of(),
                Map.of("interview.llm.openai.api-key", "sk-from-property"),
                Map.of("interview.llm.openai.model", "gpt-4.1-mini", "interview.llm.call-timeout", "5s"));

        assertThat(LlmBrains.from(config)).containsInstanceOf(LlmBrain.class);
        assertThat(LlmBrains.describe(config)).isEqualTo("LLM brain: openai gpt-4.1-mini at https://api.openai.com/v1")
                .doesNotContain("sk-from-property");
    }

    @Test
    void should_stay_offline_when_the_provider_is_offline_even_with_a_key() {
        InterviewConfig config = InterviewConfig.fromEnvironment(Map.of("OPENAI_API_KEY", "sk-for-speech-only",
                "INTERVIEW_LLM_PROVIDER", "offline"));

        assertThat(LlmBrains.from(config)).isEmpty();
        assertThat(LlmBrains.describe(config)).isEqualTo("offline brain (interview.llm.provider is offline)");
    }

    @Test
    void should_pick_anthropic_when_named_although_an_openai_key_is_set() {
        InterviewConfig config = InterviewConfig.fromEnvironment(Map.of("OPENAI_API_KEY", "o",
                "ANTHROPIC_API_KEY", "a", "INTERVIEW_LLM_PROVIDER", "Anthropic"));

        assertThat(LlmBrains.describe(config)).startsWith("LLM brain: anthropic");
    }

    @Test
    void should_name_the_setting_when_a_provider_is_named_without_its_key_or_a_url_is_bad() {
        assertThatThrownBy(() -> LlmBrains.from(InterviewConfig.fromEnvironment(Map.of("INTERVIEW_LLM_PROVIDER",
                "anthropic")))).isInstanceOf(InvalidConfigurationException.class)
                .hasMessage("interview.llm.provider is anthropic (from environment variable INTERVIEW_LLM_PROVIDER)"
                        + " but ANTHROPIC_API_KEY (interview.llm.anthropic.api-key) is not set");
        assertThatThrownBy(() -> LlmBrains.from(InterviewConfig.fromEnvironment(Map.of("OPENAI_API_KEY", "sk-1",
                "OPENAI_BASE_URL", "ftp://example.com")))).isInstanceOf(InvalidConfigurationException.class)
                .hasMessageStartingWith("interview.llm.openai.base-url: baseUrl must be an http(s) URL")
                .hasMessageEndingWith("(from environment variable OPENAI_BASE_URL)")
                .hasMessageNotContaining("sk-1");
        assertThatThrownBy(() -> LlmBrains.from(InterviewConfig.fromEnvironment(Map.of("OPENAI_API_KEY", "sk-1",
                "INTERVIEW_LLM_MAX_RETRIES", "11")))).hasMessageContaining("interview.llm.max-retries must be from 0"
                + " to 10, was '11'");
    }
}
