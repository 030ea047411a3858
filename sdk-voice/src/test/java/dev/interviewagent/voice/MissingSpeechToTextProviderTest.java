package dev.interviewagent.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interviewagent.core.config.InterviewConfig;
import dev.interviewagent.core.config.InvalidConfigurationException;
import dev.interviewagent.voice.spi.SpeechToTextProviders;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** sdk-voice alone has no provider module on its classpath: every way to ask for one names the artifact to add. */
class MissingSpeechToTextProviderTest {

    @Test
    void should_find_no_provider_without_a_provider_module() {
        assertThat(SpeechToTextProviders.find("assemblyai")).isEmpty();
        assertThat(SpeechToTextProviders.find("openai")).isEmpty();
    }

    @Test
    void should_name_the_artifact_to_add_when_the_configuration_names_a_missing_provider() {
        InterviewConfig config = InterviewConfig.fromEnvironment(Map.of("ASSEMBLYAI_API_KEY", "a-1",
                "INTERVIEW_VOICE_PROVIDER", "assemblyai"));

        assertThatThrownBy(() -> SpeechToTextFactory.from(config))
                .isInstanceOfSatisfying(MissingSpeechToTextProviderException.class, e -> {
                    assertThat(e.provider()).isEqualTo("assemblyai");
                    assertThat(e.artifact()).isEqualTo("dev.interviewagent:sdk-voice-assemblyai");
                })
                .hasMessage("no speech-to-text provider 'assemblyai' on the classpath: add"
                        + " dev.interviewagent:sdk-voice-assemblyai");
        assertThatThrownBy(() -> SpeechToTextProviders.require("openai"))
                .isInstanceOf(MissingSpeechToTextProviderException.class)
                .hasMessageEndingWith("add dev.interviewagent:sdk-voice-openai");
    }

    @Test
    void should_report_the_missing_key_before_the_missing_module() {
        InterviewConfig config = InterviewConfig.fromEnvironment(Map.of("INTERVIEW_VOICE_PROVIDER", "openai",
                "ASSEMBLYAI_API_KEY", "a-1"));

        assertThatThrownBy(() -> SpeechToTextFactory.from(config))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessage("interview.voice.provider is openai (from environment variable INTERVIEW_VOICE_PROVIDER)"
                        + " but OPENAI_API_KEY or INTERVIEW_VOICE_OPENAI_API_KEY is not set");
    }

    @Test
    void should_stay_without_speech_and_warn_with_the_artifact_when_only_keys_imply_missing_providers() {
        Map<String, String> env = Map.of("ASSEMBLYAI_API_KEY", "a-secret-1", "OPENAI_API_KEY", "sk-secret-1");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream original = System.err;
        Optional<SpeechToText> speech;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            speech = SpeechToTextFactory.fromEnvironment(env);
        } finally {
            System.setErr(original);
        }
        String log = err.toString(StandardCharsets.UTF_8);

        assertThat(speech).isEmpty();
        assertThat(log).contains("dev.interviewagent:sdk-voice-assemblyai is not on the classpath")
                .contains("dev.interviewagent:sdk-voice-openai is not on the classpath")
                .doesNotContain("secret");
    }
}
