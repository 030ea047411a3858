package dev.interviewagent.voice.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interviewagent.voice.AudioFormat;
import dev.interviewagent.voice.SpeechException;
import dev.interviewagent.voice.SpeechException.Reason;
import dev.interviewagent.voice.SynthesizedSpeech;
import dev.interviewagent.voice.TextToSpeech;
import dev.interviewagent.voice.fake.FakeOpenAiServer;
import dev.interviewagent.voice.fake.RecordedRequest;
import dev.interviewagent.voice.testkit.AudioFixtures;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OpenAiTextToSpeechTest {

    private static final String KEY = "sk-tts-0123456789";

    private final FakeOpenAiServer server = new FakeOpenAiServer(KEY);

    @AfterEach
    void stop() {
        server.close();
        assertThat(server.violations()).as("requests that break the published contract").isEmpty();
    }

    private OpenAiTextToSpeech.Builder builder() {
        return OpenAiTextToSpeech.builder().apiKey(KEY).baseUrl(server.baseUrl())
                .requestTimeout(Duration.ofSeconds(10));
    }

    @Test
    void should_return_ogg_opus_voice_for_telegram_by_default() throws Exception {
        byte[] ogg = AudioFixtures.resource("speech-en.opus.ogg");
        server.speechAudio(ogg);

        try (TextToSpeech tts = builder().build()) {
            SynthesizedSpeech speech = tts.synthesize("What did you do first?");

            assertThat(speech.format()).isEqualTo(AudioFormat.OGG_OPUS);
            assertThat(speech.audio()).isEqualTo(ogg);
            assertThat(speech.duration()).get().satisfies(
                    d -> assertThat(d.toMillis() / 1000.0).isCloseTo(2.53, within(0.1)));
        }
        RecordedRequest request = server.requests().get(0);
        assertThat(request.path()).isEqualTo("/v1/audio/speech");
        assertThat(request.header("Authorization")).isEqualTo("Bearer " + KEY);
        JsonNode body = new ObjectMapper().readTree(request.body());
        assertThat(body.get("input").asText()).isEqualTo("What did you do first?");
        assertThat(body.get("model").asText()).isEqualTo(OpenAiTextToSpeech.DEFAULT_MODEL);
        assertThat(body.get("voice").asText()).isEqualTo("alloy");
        assertThat(body.get("response_format").asText()).isEqualTo("opus");
    }

    @Test
    void should_ask_for_mp3_or_wav_with_the_chosen_voice_when_configured_for_the_web() throws Exception {
        server.speechAudio(AudioFixtures.resource("speech-en.cbr.mp3"));
        try (TextToSpeech tts = builder().format(AudioFormat.MP3).voice("nova").model("tts-1")
                .instructions("Speak calmly.").build()) {
            assertThat(tts.synthesize("Hello").format()).isEqualTo(AudioFormat.MP3);
        }
        server.speechAudio(AudioFixtures.resource("speech-en.wav"));
        try (TextToSpeech tts = builder().format(AudioFormat.WAV_PCM).build()) {
            assertThat(tts.synthesize("Hello").duration()).isPresent();
        }

        ObjectMapper json = new ObjectMapper();
        JsonNode mp3 = json.readTree(server.requests().get(0).body());
        JsonNode wav = json.readTree(server.requests().get(1).body());
        assertThat(mp3.get("response_format").asText()).isEqualTo("mp3");
        assertThat(mp3.get("voice").asText()).isEqualTo("nova");
        assertThat(mp3.get("model").asText()).isEqualTo("tts-1");
        assertThat(mp3.get("instructions").asText()).isEqualTo("Speak calmly.");
        assertThat(wav.get("response_format").asText()).isEqualTo("wav");
    }

    @Test
    void should_map_provider_failures_when_the_service_refuses() {
        try (TextToSpeech tts = builder().apiKey("sk-wrong").build()) {
            assertThatThrownBy(() -> tts.synthesize("Hello"))
                    .isInstanceOfSatisfying(SpeechException.class, e -> {
                        assertThat(e.reason()).isEqualTo(Reason.AUTH);
                        assertThat(e.isRetriable()).isFalse();
                    });
        }
        server.failNext("speech", 500, 1);
        try (TextToSpeech tts = builder().build()) {
            assertThatThrownBy(() -> tts.synthesize("Hello"))
                    .isInstanceOfSatisfying(SpeechException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.PROVIDER_ERROR));
        }
    }

    @Test
    void should_reject_blank_or_too_long_text_without_calling_the_service() {
        try (TextToSpeech tts = builder().build()) {
            assertThatThrownBy(() -> tts.synthesize("  ")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> tts.synthesize("a".repeat(OpenAiTextToSpeech.MAX_INPUT_CHARS + 1)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("4096");
        }
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void should_refuse_formats_the_endpoint_cannot_produce_when_building() {
        assertThatThrownBy(() -> OpenAiTextToSpeech.builder().format(AudioFormat.OGG_VORBIS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("format");
        assertThatThrownBy(() -> OpenAiTextToSpeech.builder().build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("apiKey");
    }

    @Test
    void should_build_from_environment_when_the_key_is_set() {
        assertThat(OpenAiTextToSpeech.fromEnvironment(Map.of())).isEmpty();
        try (TextToSpeech tts = OpenAiTextToSpeech.fromEnvironment(Map.of("OPENAI_API_KEY", KEY,
                "OPENAI_BASE_URL", server.baseUrl(), "TTS_FORMAT", "mp3", "TTS_VOICE", "sage")).orElseThrow()) {
            assertThat(((OpenAiTextToSpeech) tts).format()).isEqualTo(AudioFormat.MP3);
            assertThat(tts.toString()).doesNotContain(KEY).contains("sage");
        }
    }

    @Test
    void should_build_from_configuration_with_its_own_settings_and_name_a_bad_format() {
        dev.interviewagent.core.config.InterviewConfig config = dev.interviewagent.core.config.InterviewConfig.of(
                Map.of("OPENAI_API_KEY", KEY, "OPENAI_BASE_URL", "http://127.0.0.1:9/v1"),
                Map.of("interview.voice.tts.base-url", server.baseUrl(), "interview.voice.tts.voice", "verse"),
                Map.of("interview.voice.tts.format", "wav_pcm"));

        try (TextToSpeech tts = OpenAiTextToSpeech.from(config).orElseThrow()) {
            assertThat(((OpenAiTextToSpeech) tts).format()).isEqualTo(AudioFormat.WAV_PCM);
            assertThat(tts.toString()).contains("verse", server.baseUrl()).doesNotContain(KEY);
        }
        assertThatThrownBy(() -> OpenAiTextToSpeech.from(dev.interviewagent.core.config.InterviewConfig
                .fromEnvironment(Map.of("OPENAI_API_KEY", KEY, "INTERVIEW_VOICE_TTS_FORMAT", "ogg_vorbis"))))
                .isInstanceOf(dev.interviewagent.core.config.InvalidConfigurationException.class)
                .hasMessageContaining("interview.voice.tts.format must be one of ogg_opus, mp3, wav_pcm, flac, mp4_aac,"
                        + " was 'ogg_vorbis'");
    }
}
