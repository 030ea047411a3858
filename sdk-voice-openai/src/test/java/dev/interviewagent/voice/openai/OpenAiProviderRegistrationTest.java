package dev.interviewagent.voice.openai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewagent.core.config.InterviewConfig;
import dev.interviewagent.voice.SpeechToText;
import dev.interviewagent.voice.spi.SpeechToTextProvider;
import dev.interviewagent.voice.spi.SpeechToTextProviders;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The module registers its provider for ServiceLoader, and the provider builds OpenAI speech-to-text. */
class OpenAiProviderRegistrationTest {

    @Test
    void should_be_found_by_service_loader_under_its_name() {
        assertThat(ServiceLoader.load(SpeechToTextProvider.class).stream().map(ServiceLoader.Provider::type))
                .contains(OpenAiSpeechToTextProvider.class);
        assertThat(SpeechToTextProviders.find("openai")).get().isInstanceOf(OpenAiSpeechToTextProvider.class);
    }

    @Test
    void should_build_openai_from_the_speech_settings() {
        InterviewConfig config = InterviewConfig.fromEnvironment(Map.of("OPENAI_API_KEY", "sk-1",
                "INTERVIEW_VOICE_OPENAI_BASE_URL", "http://127.0.0.1:9/v1",
                "INTERVIEW_VOICE_OPENAI_MODEL", "gpt-4o-mini-transcribe"));

        try (SpeechToText stt = SpeechToTextProviders.require(OpenAiSpeechToTextProvider.NAME).create(config)) {
            assertThat(stt).isInstanceOf(OpenAiSpeechToText.class);
            assertThat(stt.toString()).contains("baseUrl=http://127.0.0.1:9/v1")
                    .contains("model=gpt-4o-mini-transcribe").doesNotContain("sk-1");
        }
    }
}
