package dev.interviewagent.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interviewagent.voice.fake.FakeAssemblyAiServer;
import dev.interviewagent.voice.fake.FakeOpenAiServer;
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
}
