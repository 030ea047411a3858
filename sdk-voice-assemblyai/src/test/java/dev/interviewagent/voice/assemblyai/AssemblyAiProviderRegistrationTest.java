package dev.interviewagent.voice.assemblyai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interviewagent.core.config.InterviewConfig;
import dev.interviewagent.voice.MissingSpeechToTextProviderException;
import dev.interviewagent.voice.ResilientSpeechToText;
import dev.interviewagent.voice.SpeechToText;
import dev.interviewagent.voice.SpeechToTextFactory;
import dev.interviewagent.voice.spi.SpeechToTextProvider;
import dev.interviewagent.voice.spi.SpeechToTextProviders;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The module registers its provider for ServiceLoader; sdk-voice-openai is not on this module's classpath. */
class AssemblyAiProviderRegistrationTest {

    @Test
    void should_be_found_by_service_loader_under_its_name() {
        assertThat(ServiceLoader.load(SpeechToTextProvider.class).stream().map(ServiceLoader.Provider::type))
                .containsExactly(AssemblyAiSpeechToTextProvider.class);
        assertThat(SpeechToTextProviders.find("assemblyai")).get()
                .isInstanceOf(AssemblyAiSpeechToTextProvider.class);
    }

    @Test
    void should_build_assemblyai_from_its_settings() {
        InterviewConfig config = InterviewConfig.fromEnvironment(Map.of("ASSEMBLYAI_API_KEY", "a-1",
                "ASSEMBLYAI_BASE_URL", "http://127.0.0.1:9"));

        try (SpeechToText stt = SpeechToTextProviders.require(AssemblyAiSpeechToTextProvider.NAME).create(config)) {
            assertThat(stt).isInstanceOf(AssemblyAiSpeechToText.class);
            assertThat(stt.toString()).contains("baseUrl=http://127.0.0.1:9").doesNotContain("a-1,");
        }
    }

    @Test
    void should_use_assemblyai_alone_when_the_openai_key_is_set_but_its_module_is_missing() {
        Map<String, String> env = Map.of("ASSEMBLYAI_API_KEY", "a-1", "OPENAI_API_KEY", "sk-1");

        try (SpeechToText stt = SpeechToTextFactory.fromEnvironment(env).orElseThrow()) {
            assertThat(stt).isInstanceOf(ResilientSpeechToText.class);
            assertThat(stt.providerId()).isEqualTo("assemblyai");
        }
    }

    @Test
    void should_name_the_openai_artifact_when_the_configuration_names_openai() {
        Map<String, String> env = Map.of("ASSEMBLYAI_API_KEY", "a-1", "OPENAI_API_KEY", "sk-1",
                "INTERVIEW_VOICE_PROVIDER", "openai");

        assertThatThrownBy(() -> SpeechToTextFactory.fromEnvironment(env))
                .isInstanceOf(MissingSpeechToTextProviderException.class)
                .hasMessage("no speech-to-text provider 'openai' on the classpath: add"
                        + " dev.interviewagent:sdk-voice-openai");
    }
}
