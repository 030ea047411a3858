package dev.interviewagent.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LlmBrainBuilderTest {

    private static LlmBrain.Builder openAi() {
        return LlmBrain.builder().provider(LlmBrain.Provider.OPENAI).apiKey("sk-1");
    }

    @Test
    void should_build_with_defaults_when_only_provider_and_key_are_given() {
        LlmBrain brain = openAi().build();

        assertThat(brain.description()).isEqualTo("openai gpt-4o-mini at https://api.openai.com/v1");
        assertThat(brain.toString()).doesNotContain("sk-1");
        assertThat(brain.metrics().turns()).isZero();
        assertThat(brain.circuitOpen()).isFalse();
    }

    @Test
    void should_reject_missing_parts_when_building() {
        assertThatThrownBy(() -> LlmBrain.builder().apiKey("k").build()).hasMessageContaining("provider");
        assertThatThrownBy(() -> LlmBrain.builder().provider(LlmBrain.Provider.OPENAI).build())
                .hasMessageContaining("apiKey");
    }

    @Test
    void should_name_the_field_when_a_value_is_out_of_range() {
        assertThatThrownBy(() -> openAi().temperature(3)).hasMessageContaining("temperature");
        assertThatThrownBy(() -> openAi().maxTokens(10)).hasMessageContaining("maxTokens");
        assertThatThrownBy(() -> openAi().callTimeout(Duration.ZERO)).hasMessageContaining("callTimeout");
        assertThatThrownBy(() -> openAi().maxRetries(11)).hasMessageContaining("maxRetries");
        assertThatThrownBy(() -> openAi().contextTokens(10)).hasMessageContaining("contextTokens");
        assertThatThrownBy(() -> openAi().circuitFailureThreshold(0)).hasMessageContaining("circuitFailureThreshold");
        assertThatThrownBy(() -> openAi().apiKey(" ")).hasMessageContaining("apiKey");
        assertThatThrownBy(() -> openAi().initialBackoff(Duration.ofSeconds(5)).maxBackoff(Duration.ofSeconds(1))
                .build()).hasMessageContaining("initialBackoff");
    }

    @Test
    void should_refuse_a_response_format_anthropic_does_not_take() {
        assertThatThrownBy(() -> LlmBrain.builder().provider(LlmBrain.Provider.ANTHROPIC).apiKey("k")
                .outputMode(OutputMode.JSON_SCHEMA).build()).hasMessageContaining("anthropic");
    }
}
