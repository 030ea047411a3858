package dev.interviewagent.voice.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.interviewagent.core.Language;
import dev.interviewagent.core.channel.QualityTiers;
import dev.interviewagent.core.channel.TranscriptQuality;
import dev.interviewagent.core.spi.testkit.Multipart;
import dev.interviewagent.voice.AudioInput;
import dev.interviewagent.voice.ResilientSpeechToText;
import dev.interviewagent.voice.SpeechException;
import dev.interviewagent.voice.SpeechException.Reason;
import dev.interviewagent.voice.SpeechToText;
import dev.interviewagent.voice.Transcript;
import dev.interviewagent.voice.TranscriptionOptions;
import dev.interviewagent.voice.fake.FakeOpenAiServer;
import dev.interviewagent.voice.fake.RecordedRequest;
import dev.interviewagent.voice.testkit.AudioFixtures;
import dev.interviewagent.voice.testkit.SpeechToTextContract;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** OpenAI transcription adapter against a local server that follows OpenAI's published OpenAPI contract. */
class OpenAiSpeechToTextTest extends SpeechToTextContract {

    private static final String KEY = "sk-test-0123456789abcdef";

    private final FakeOpenAiServer server = new FakeOpenAiServer(KEY);

    @AfterEach
    void stop() {
        server.close();
        assertThat(server.violations()).as("requests that break the published contract").isEmpty();
    }

    private OpenAiSpeechToText.Builder builder() {
        return OpenAiSpeechToText.builder().apiKey(KEY).baseUrl(server.baseUrl())
                .requestTimeout(Duration.ofSeconds(10));
    }

    @Override
    protected SpeechToText newSpeechToText() {
        return builder().build();
    }

    @Override
    protected SpeechToText newSpeechToTextWithWrongKey() {
        return builder().apiKey("sk-wrong").build();
    }

    @Override
    protected Optional<SpeechToText> newSpeechToTextFailingWith(int httpStatus) {
        server.failNext("transcriptions", httpStatus, 1);
        return Optional.of(builder().build());
    }

    @Override
    protected OptionalLong requestsReceived() {
        return OptionalLong.of(server.requests().size());
    }

    @Override
    protected Optional<String> expectedText() {
        return Optional.of("Hello, this is a short test answer.");
    }

    private static String field(List<Multipart.Part> parts, String name) {
        return parts.stream().filter(p -> p.name().equals(name)).map(Multipart.Part::text).findFirst().orElse(null);
    }

    @Test
    void should_post_multipart_with_bearer_key_file_model_and_verbose_format_when_transcribing() {
        byte[] audio = AudioFixtures.shared(AudioFixtures.TELEGRAM_VOICE_NOTE);

        try (SpeechToText stt = newSpeechToText()) {
            stt.transcribe(AudioInput.of(audio, "voice.oga"));
        }

        RecordedRequest request = server.requests().get(0);
        assertThat(request.path()).isEqualTo("/v1/audio/transcriptions");
        assertThat(request.header("Authorization")).isEqualTo("Bearer " + KEY);
        assertThat(request.header("Content-Type")).startsWith("multipart/form-data; boundary=");
        List<Multipart.Part> parts = server.lastTranscriptionParts();
        Multipart.Part file = parts.stream().filter(p -> p.name().equals("file")).findFirst().orElseThrow();
        assertThat(file.filename()).isEqualTo("audio.ogg");
        assertThat(file.contentType()).isEqualTo("audio/ogg");
        assertThat(file.content()).isEqualTo(audio);
        assertThat(field(parts, "model")).isEqualTo("whisper-1");
        assertThat(field(parts, "response_format")).isEqualTo("verbose_json");
        assertThat(parts.stream().filter(p -> p.name().startsWith("timestamp_granularities")).map(Multipart.Part::text))
                .containsExactlyInAnyOrder("word", "segment");
        assertThat(field(parts, "language")).isNull();
    }

    @Test
    void should_send_the_language_hint_when_given() {
        try (SpeechToText stt = newSpeechToText()) {
            Transcript transcript = stt.transcribe(AudioInput.of(AudioFixtures.resource("speech-en.opus.ogg")),
                    TranscriptionOptions.builder().languageHint(Language.RUSSIAN).build());

            assertThat(transcript.language()).contains(Language.RUSSIAN);
        }
        assertThat(field(server.lastTranscriptionParts(), "language")).isEqualTo("ru");
    }

    @Test
    void should_map_whisper_language_name_words_duration_and_segment_confidence_when_verbose() {
        server.result("Привет, это короткий тестовый ответ.", "russian", -0.2);

        try (SpeechToText stt = newSpeechToText()) {
            Transcript transcript = stt.transcribe(AudioInput.of(AudioFixtures.resource("speech-en.opus.ogg")));

            assertThat(transcript.text()).isEqualTo("Привет, это короткий тестовый ответ.");
            assertThat(transcript.languageCode()).contains("ru");
            assertThat(transcript.languageConfidence()).isEmpty();
            assertThat(transcript.confidence()).isCloseTo(Math.exp(-0.2), within(1e-6));
            assertThat(transcript.quality(QualityTiers.defaults())).isEqualTo(TranscriptQuality.MEDIUM);
            assertThat(transcript.duration()).isEqualTo(Duration.ofMillis(2530));
            assertThat(transcript.words()).hasSize(5);
            assertThat(transcript.words().get(1).start()).isEqualTo(Duration.ofMillis(400));
            assertThat(transcript.providerId()).isEqualTo("openai");
        }
    }

    @Test
    void should_grade_low_when_segments_are_unsure() {
        server.result("mumble", "english", -1.2);

        try (SpeechToText stt = newSpeechToText()) {
            Transcript transcript = stt.transcribe(AudioInput.of(AudioFixtures.resource("speech-en.opus.ogg")));

            assertThat(transcript.quality(QualityTiers.defaults())).isEqualTo(TranscriptQuality.LOW);
            assertThat(transcript.quality(QualityTiers.defaults()).usableWithoutConfirmation()).isFalse();
        }
    }

    @Test
    void should_ask_for_json_with_logprobs_and_use_them_as_confidence_when_the_model_is_not_whisper() {
        server.result("Hello there", "english", -0.1);

        try (SpeechToText stt = builder().model("gpt-4o-transcribe").build()) {
            Transcript transcript = stt.transcribe(AudioInput.of(AudioFixtures.resource("speech-en.m4a")));

            assertThat(transcript.confidence()).isCloseTo(Math.exp(-0.1), within(1e-6));
            assertThat(transcript.words()).isEmpty();
            assertThat(transcript.duration().toMillis()).isBetween(2400L, 2700L);
        }
        List<Multipart.Part> parts = server.lastTranscriptionParts();
        assertThat(field(parts, "model")).isEqualTo("gpt-4o-transcribe");
        assertThat(field(parts, "response_format")).isEqualTo("json");
        assertThat(parts.stream().filter(p -> p.name().startsWith("include")).map(Multipart.Part::text))
                .containsExactly("logprobs");
        assertThat(parts.stream().filter(p -> p.name().equals("file")).findFirst().orElseThrow().filename())
                .isEqualTo("audio.m4a");
    }

    @Test
    void should_fail_with_timeout_when_the_call_stalls_past_the_request_timeout() {
        server.stallNext("transcriptions", Duration.ofSeconds(10));

        try (SpeechToText stt = builder().requestTimeout(Duration.ofMillis(300)).build()) {
            assertThatThrownBy(() -> stt.transcribe(AudioInput.of(AudioFixtures.resource("speech-en.opus.ogg"))))
                    .isInstanceOfSatisfying(SpeechException.class, e -> {
                        assertThat(e.reason()).isEqualTo(Reason.TIMEOUT);
                        assertThat(e.isRetriable()).isTrue();
                    });
        }
    }

    @Test
    void should_retry_429_then_succeed_when_wrapped_in_resilience() {
        server.failNext("transcriptions", 429, 1);
        server.failNext("transcriptions", 502, 1);

        try (SpeechToText stt = ResilientSpeechToText.builder(newSpeechToText())
                .initialBackoff(Duration.ofMillis(1)).maxBackoff(Duration.ofMillis(5)).build()) {
            assertThat(stt.transcribe(AudioInput.of(AudioFixtures.resource("speech-en.opus.ogg"))).text())
                    .isNotBlank();
        }
        assertThat(server.requests()).hasSize(3);
    }

    @Test
    void should_not_retry_auth_or_bad_request_when_wrapped_in_resilience() {
        try (SpeechToText stt = ResilientSpeechToText.builder(newSpeechToTextWithWrongKey())
                .initialBackoff(Duration.ofMillis(1)).build()) {
            assertThatThrownBy(() -> stt.transcribe(AudioInput.of(AudioFixtures.resource("speech-en.opus.ogg"))))
                    .isInstanceOfSatisfying(SpeechException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.AUTH));
        }
        server.failNext("transcriptions", 400, 1);
        try (SpeechToText stt = ResilientSpeechToText.builder(newSpeechToText())
                .initialBackoff(Duration.ofMillis(1)).build()) {
            assertThatThrownBy(() -> stt.transcribe(AudioInput.of(AudioFixtures.resource("speech-en.opus.ogg"))))
                    .isInstanceOfSatisfying(SpeechException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.REJECTED));
        }
        assertThat(server.requests()).hasSize(2);
    }

    @Test
    void should_send_exactly_one_request_per_failed_call_because_retries_belong_to_the_decorator() {
        server.failNext("transcriptions", 429, 5); // the SDK would retry this by default

        try (SpeechToText stt = newSpeechToText()) {
            assertThatThrownBy(() -> stt.transcribe(AudioInput.of(AudioFixtures.resource("speech-en.opus.ogg"))))
                    .isInstanceOf(SpeechException.class);
        }
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void should_mask_the_key_when_printed() {
        try (SpeechToText stt = newSpeechToText()) {
            assertThat(stt.toString()).doesNotContain(KEY).contains("<masked>");
        }
        assertThat(OpenAiSpeechToText.builder().apiKey(KEY).toString()).doesNotContain(KEY);
    }
}
