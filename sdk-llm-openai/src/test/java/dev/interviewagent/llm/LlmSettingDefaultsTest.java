package dev.interviewagent.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewagent.core.config.InterviewConfig;
import dev.interviewagent.core.config.InterviewSettings;
import dev.interviewagent.core.metrics.MicrometerChecks;
import dev.interviewagent.llm.micrometer.LlmMetrics;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code interview.llm.*} settings of sdk-core, written as text there, agree with the brain's defaults. */
class LlmSettingDefaultsTest {

    @Test
    void should_match_the_llm_brains_defaults_when_written_as_text() {
        InterviewConfig empty = InterviewConfig.fromEnvironment(Map.of());

        assertThat(empty.get(InterviewSettings.LLM_CALL_TIMEOUT)).isEqualTo(LlmBrain.DEFAULT_CALL_TIMEOUT);
        assertThat(empty.get(InterviewSettings.LLM_TURN_TIMEOUT)).isEqualTo(LlmBrain.DEFAULT_TURN_TIMEOUT);
        assertThat(empty.get(InterviewSettings.LLM_MAX_RETRIES)).isEqualTo(LlmBrain.DEFAULT_MAX_RETRIES);
        assertThat(empty.get(InterviewSettings.LLM_OPENAI_BASE_URL)).isEqualTo(LlmBrain.DEFAULT_OPENAI_BASE_URL);
        assertThat(empty.get(InterviewSettings.LLM_OPENAI_MODEL)).isEqualTo(LlmBrain.DEFAULT_OPENAI_MODEL);
        assertThat(empty.get(InterviewSettings.LLM_ANTHROPIC_BASE_URL))
                .isEqualTo(LlmBrain.DEFAULT_ANTHROPIC_BASE_URL);
        assertThat(empty.get(InterviewSettings.LLM_ANTHROPIC_MODEL)).isEqualTo(LlmBrain.DEFAULT_ANTHROPIC_MODEL);
    }

    @Test
    void should_document_every_meter_of_the_llm_binder() throws Exception {
        MicrometerChecks.assertMetersDocumented(LlmMetrics.class);
    }
}
