package dev.interviewagent.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interviewagent.core.config.InterviewConfig;
import dev.interviewagent.core.config.InterviewSettings;
import dev.interviewagent.core.config.InvalidConfigurationException;
import dev.interviewagent.voice.assemblyai.AssemblyAiSpeechToText;
import dev.interviewagent.voice.fake.FakeAssemblyAiServer;
import dev.interviewagent.voice.fake.FakeOpenAiServer;
import dev.interviewagent.voice.openai.OpenAiSpeechToText;
import dev.interviewagent.voice.openai.OpenAiTextToSpeech;
import dev.interviewagent.voice.testkit.AudioFixtures;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpeechToTextFactoryTest {

    @Test
    void should_return_empty_when_no_key_is_set() {
        assertThat(SpeechToTextFactory.fromEnvironment(Map.of())).isEmpty();
        assertThat(SpeechToTextFactory.fromEnvironment(Map.of("OPENAI_API_KEY", " ", "STT_FALLBACK", "true")))
                .isEmpty();
    }

    @Test
    void should_pick_the_provider_that_has_a_key() {
        try (SpeechToText openAi = SpeechToTextFactory.fromEnvironment(Map.of("OPENAI_API_KEY", "sk-1")).orElseThrow();
                SpeechToText assembly = SpeechToTextFactory.fromEnvironment(Map.of("ASSEMBLYAI_API_KEY", "a-1"))
                        .orElseThrow()) {
            assertThat(openAi).isInstanceOf(ResilientSpeechToText.class);
            assertThat(openAi.providerId()).isEqualTo("openai");
            assertThat(assembly.providerId()).isEqualTo("assemblyai");
            assertThat(openAi.toString() + assembly).doesNotContain("sk-1").doesNotContain("a-1,");
        }
    }

    @Test
    void should_prefer_stt_provider_and_fall_back_to_the_other_when_both_keys_are_set() {
        Map<String, String> env = Map.of("OPENAI_API_KEY", "sk-1", "ASSEMBLYAI_API_KEY", "a-1",
                "STT_PROVIDER", "OpenAI");
        try (SpeechToText stt = SpeechToTextFactory.fromEnvironment(env).orElseThrow()) {
            assertThat(stt).isInstanceOf(FallbackSpeechToText.class);
            assertThat(stt.providerId()).isEqualTo("openai+assemblyai");
        }
        try (SpeechToText stt = SpeechToTextFactory.fromEnvironment(Map.of("OPENAI_API_KEY", "sk-1",
                "ASSEMBLYAI_API_KEY", "a-1", "STT_FALLBACK", "false")).orElseThrow()) {
            assertThat(stt.providerId()).isEqualTo("assemblyai");
        }
    }

    @Test
    void should_fail_loudly_when_stt_provider_is_unknown_or_has_no_key() {
        assertThatThrownBy(() -> SpeechToTextFactory.fromEnvironment(Map.of("STT_PROVIDER", "whisper",
                "OPENAI_API_KEY", "sk"))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("whisper");
        assertThatThrownBy(() -> SpeechToTextFactory.fromEnvironment(Map.of("STT_PROVIDER", "assemblyai",
                "OPENAI_API_KEY", "sk"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ASSEMBLYAI_API_KEY");
    }

    @Test
    void should_reach_the_configured_base_urls_and_fall_back_when_the_primary_is_down() {
        try (FakeAssemblyAiServer assembly = new FakeAssemblyAiServer("a-key");
                FakeOpenAiServer openAi = new FakeOpenAiServer("sk-key")) {
            assembly.failNext("upload", 401, 1);
            Map<String, String> env = Map.of("ASSEMBLYAI_API_KEY", "a-key", "ASSEMBLYAI_BASE_URL", assembly.baseUrl(),
                    "OPENAI_API_KEY", "sk-key", "OPENAI_BASE_URL", openAi.baseUrl());

            try (SpeechToText stt = SpeechToTextFactory.fromEnvironment(env).orElseThrow()) {
                Transcript transcript = stt.transcribe(AudioInput.of(AudioFixtures.resource("speech-en.opus.ogg")));

                assertThat(transcript.providerId()).isEqualTo("openai");
            }
            assertThat(assembly.requests()).hasSize(1);
            assertThat(openAi.requests()).hasSize(1);
            assertThat(assembly.violations()).isEmpty();
            assertThat(openAi.violations()).isEmpty();
        }
    }

    @Test
    void should_transcribe_at_the_speech_base_url_when_it_differs_from_the_llm_one() {
        try (FakeOpenAiServer speech = new FakeOpenAiServer("sk-key")) {
            InterviewConfig config = InterviewConfig.fromEnvironment(Map.of("OPENAI_API_KEY", "sk-key",
                    "OPENAI_BASE_URL", "http://127.0.0.1:9/v1", "INTERVIEW_VOICE_OPENAI_BASE_URL", speech.baseUrl()));

            try (SpeechToText stt = SpeechToTextFactory.from(config).orElseThrow()) {
                assertThat(stt.transcribe(AudioInput.of(AudioFixtures.resource("speech-en.opus.ogg"))).providerId())
                        .isEqualTo("openai");
            }
            assertThat(speech.requests()).hasSize(1);
            assertThat(speech.violations()).isEmpty();
        }
    }

    @Test
    void should_read_keys_from_system_properties_and_urls_from_the_file_when_configured() {
        try (FakeAssemblyAiServer assembly = new FakeAssemblyAiServer("a-key")) {
            assembly.pollsBeforeDone(0);
            InterviewConfig config = InterviewConfig.of(Map.of(),
                    Map.of("interview.voice.assemblyai.api-key", "a-key"),
                    Map.of("interview.voice.assemblyai.base-url", assembly.baseUrl()));

            try (SpeechToText stt = SpeechToTextFactory.from(config).orElseThrow()) {
                assertThat(stt.providerId()).isEqualTo("assemblyai");
                assertThat(stt.transcribe(AudioInput.of(AudioFixtures.resource("speech-en.opus.ogg"))).providerId())
                        .isEqualTo("assemblyai");
            }
            assertThat(assembly.violations()).isEmpty();
        }
    }

    @Test
    void should_return_empty_when_speech_is_turned_off_although_keys_are_set() {
        InterviewConfig config = InterviewConfig.fromEnvironment(Map.of("OPENAI_API_KEY", "sk-1",
                "ASSEMBLYAI_API_KEY", "a-1", "INTERVIEW_VOICE_PROVIDER", "off"));

        assertThat(SpeechToTextFactory.from(config)).isEmpty();
    }

    @Test
    void should_name_the_setting_when_a_base_url_is_bad_or_the_chosen_provider_has_no_key() {
        assertThatThrownBy(() -> SpeechToTextFactory.from(InterviewConfig.fromEnvironment(Map.of(
                "ASSEMBLYAI_API_KEY", "a-secret-1", "ASSEMBLYAI_BASE_URL", "ftp://example.com"))))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageStartingWith("interview.voice.assemblyai.base-url: ")
                .hasMessageEndingWith("(from environment variable ASSEMBLYAI_BASE_URL)")
                .hasMessageNotContaining("a-secret-1");
        assertThatThrownBy(() -> SpeechToTextFactory.from(InterviewConfig.fromEnvironment(Map.of(
                "INTERVIEW_VOICE_PROVIDER", "openai", "ASSEMBLYAI_API_KEY", "a-1"))))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessage("interview.voice.provider is openai (from environment variable INTERVIEW_VOICE_PROVIDER)"
                        + " but OPENAI_API_KEY or INTERVIEW_VOICE_OPENAI_API_KEY is not set");
    }

    @Test
    void should_document_the_voice_defaults_in_the_settings_registry() {
        InterviewConfig empty = InterviewConfig.fromEnvironment(Map.of());

        assertThat(empty.get(InterviewSettings.SPEECH_ASSEMBLYAI_BASE_URL))
                .isEqualTo(AssemblyAiSpeechToText.DEFAULT_BASE_URL);
        assertThat(empty.get(InterviewSettings.SPEECH_OPENAI_BASE_URL)).isEqualTo(OpenAiSpeechToText.DEFAULT_BASE_URL);
        assertThat(empty.get(InterviewSettings.SPEECH_OPENAI_MODEL)).isEqualTo(OpenAiSpeechToText.DEFAULT_MODEL);
        assertThat(empty.get(InterviewSettings.TTS_BASE_URL)).isEqualTo(OpenAiTextToSpeech.DEFAULT_BASE_URL);
        assertThat(empty.get(InterviewSettings.TTS_MODEL)).isEqualTo(OpenAiTextToSpeech.DEFAULT_MODEL);
        assertThat(empty.get(InterviewSettings.TTS_VOICE)).isEqualTo(OpenAiTextToSpeech.DEFAULT_VOICE);
        assertThat(empty.get(InterviewSettings.TTS_FORMAT)).isEqualTo(OpenAiTextToSpeech.DEFAULT_FORMAT.code());
    }
}
