package dev.interviewagent.voice.assemblyai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.channel.QualityTiers;
import dev.interviewagent.core.channel.TranscriptQuality;
import dev.interviewagent.core.spi.testkit.MutableClock;
import dev.interviewagent.voice.AudioInput;
import dev.interviewagent.voice.ResilientSpeechToText;
import dev.interviewagent.voice.SpeechException;
import dev.interviewagent.voice.SpeechException.Reason;
import dev.interviewagent.voice.SpeechToText;
import dev.interviewagent.voice.Transcript;
import dev.interviewagent.voice.TranscriptionOptions;
import dev.interviewagent.voice.fake.FakeAssemblyAiServer;
import dev.interviewagent.voice.fake.RecordedRequest;
import dev.interviewagent.voice.testkit.AudioFixtures;
import dev.interviewagent.voice.testkit.SpeechToTextContract;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** AssemblyAI adapter against a local server that follows AssemblyAI's published OpenAPI contract. */
class AssemblyAiSpeechToTextTest extends SpeechToTextContract {

    private static final String KEY = "aai-test-key-0123456789";

    private final FakeAssemblyAiServer server = new FakeAssemblyAiServer(KEY);
    private final MutableClock clock = new MutableClock();

    @AfterEach
    void stop() {
        server.close();
        assertThat(server.violations()).as("requests that break the published contract").isEmpty();
    }

    private AssemblyAiSpeechToText.Builder builder() {
        return AssemblyAiSpeechToText.builder()
                .apiKey(KEY)
                .baseUrl(server.baseUrl())
                .requestTimeout(Duration.ofSeconds(10))
                .clock(clock)
                .sleeper(clock.sleeper());
    }

    @Override
    protected SpeechToText newSpeechToText() {
        return builder().build();
    }

    @Override
    protected SpeechToText newSpeechToTextWithWrongKey() {
        return builder().apiKey("wrong-key").build();
    }

    @Override
    protected Optional<SpeechToText> newSpeechToTextFailingWith(int httpStatus) {
        server.failNext("upload", httpStatus, 1);
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

    @Test
    void should_upload_then_create_then_poll_with_the_raw_key_when_transcribing() {
        byte[] audio = AudioFixtures.shared(AudioFixtures.TELEGRAM_VOICE_NOTE);
        server.pollsBeforeDone(3);

        try (SpeechToText stt = newSpeechToText()) {
            Transcript transcript = stt.transcribe(AudioInput.of(audio, "voice.oga"));

            assertThat(transcript.duration().toMillis() / 1000.0).isCloseTo(12.56, within(0.05));
        }

        List<RecordedRequest> requests = server.requests();
        assertThat(requests).extracting(r -> r.method() + " " + r.path().replaceAll("[0-9a-f-]{36}", "{id}"))
                .containsExactly("POST /v2/upload", "POST /v2/transcript", "GET /v2/transcript/{id}",
                        "GET /v2/transcript/{id}", "GET /v2/transcript/{id}", "GET /v2/transcript/{id}",
                        "DELETE /v2/transcript/{id}");
        assertThat(requests).allSatisfy(r -> assertThat(r.header("Authorization")).isEqualTo(KEY));
        assertThat(requests.get(0).body()).isEqualTo(audio);
        assertThat(requests.get(0).header("Content-Type")).isEqualTo("application/octet-stream");
    }

    @Test
    void should_ask_for_detection_among_expected_languages_with_punctuation_when_no_hint_is_given() {
        try (SpeechToText stt = newSpeechToText()) {
            stt.transcribe(AudioInput.of(AudioFixtures.resource("speech-en.opus.ogg")));
        }

        JsonNode body = server.transcriptRequests().get(0);
        assertThat(body.get("audio_url").asText()).startsWith("https://cdn.assemblyai.com/upload/");
        assertThat(body.get("language_detection").asBoolean()).isTrue();
        assertThat(body.at("/language_detection_options/expected_languages"))
                .extracting(JsonNode::asText).containsExactly("en", "ru");
        assertThat(body.has("language_code")).isFalse();
        assertThat(body.get("punctuate").asBoolean()).isTrue();
        assertThat(body.get("format_text").asBoolean()).isTrue();
        assertThat(body.get("speech_models")).extracting(JsonNode::asText)
                .containsExactlyElementsOf(AssemblyAiSpeechToText.DEFAULT_SPEECH_MODELS);
        assertThat(body.has("redact_pii")).isFalse();
    }

    @Test
    void should_send_the_language_code_and_skip_detection_when_a_hint_is_given() {
        try (SpeechToText stt = newSpeechToText()) {
            Transcript transcript = stt.transcribe(AudioInput.of(AudioFixtures.resource("speech-en.opus.ogg")),
                    TranscriptionOptions.builder().languageHint(Language.RUSSIAN).build());

            assertThat(transcript.language()).contains(Language.RUSSIAN);
        }

        JsonNode body = server.transcriptRequests().get(0);
        assertThat(body.get("language_code").asText()).isEqualTo("ru");
        assertThat(body.has("language_detection")).isFalse();
        assertThat(body.has("language_detection_options")).isFalse();
    }

    @Test
    void should_request_pii_redaction_when_asked() {
        try (SpeechToText stt = newSpeechToText()) {
            stt.transcribe(AudioInput.of(AudioFixtures.resource("speech-en.opus.ogg")),
                    TranscriptionOptions.builder().redactPii(true).build());
        }

        JsonNode body = server.transcriptRequests().get(0);
        assertThat(body.get("redact_pii").asBoolean()).isTrue();
        assertThat(body.get("redact_pii_policies")).extracting(JsonNode::asText)
                .containsExactlyElementsOf(AssemblyAiSpeechToText.DEFAULT_PII_POLICIES);
        assertThat(body.get("redact_pii_sub").asText()).isEqualTo("entity_name");
    }

    @Test
    void should_map_detected_language_confidence_and_words_when_transcript_completes() {
        server.result("Привет, это короткий тестовый ответ.", 0.71, "ru", 0.88);

        try (SpeechToText stt = newSpeechToText()) {
            Transcript transcript = stt.transcribe(AudioInput.of(AudioFixtures.resource("speech-en.opus.ogg")));

            assertThat(transcript.text()).isEqualTo("Привет, это короткий тестовый ответ.");
            assertThat(transcript.confidence()).isEqualTo(0.71);
            assertThat(transcript.quality(QualityTiers.defaults())).isEqualTo(TranscriptQuality.MEDIUM);
            assertThat(transcript.languageCode()).contains("ru");
            assertThat(transcript.language()).contains(Language.RUSSIAN);
            assertThat(transcript.languageConfidence()).hasValue(0.88);
            assertThat(transcript.words()).hasSize(5);
            assertThat(transcript.words().get(0).start()).isEqualTo(Duration.ofMillis(100));
            assertThat(transcript.words().get(0).end()).isEqualTo(Duration.ofMillis(350));
            assertThat(transcript.words().get(0).confidence()).hasValue(0.71);
            assertThat(transcript.providerId()).isEqualTo("assemblyai");
        }
    }

    @Test
    void should_fail_as_transcription_failed_and_not_retriable_when_the_job_ends_in_error() {
        server.outcome(FakeAssemblyAiServer.Outcome.ERROR);

        try (SpeechToText stt = newSpeechToText()) {
            assertThatThrownBy(() -> stt.transcribe(AudioInput.of(AudioFixtures.resource("speech-en.opus.ogg"))))
                    .isInstanceOfSatisfying(SpeechException.class, e -> {
                        assertThat(e.reason()).isEqualTo(Reason.TRANSCRIPTION_FAILED);
                        assertThat(e.isRetriable()).isFalse();
                        assertThat(e.getMessage()).doesNotContain("decoded");
                    });
        }
    }

    @Test
    void should_time_out_after_the_overall_timeout_when_the_job_never_completes() {
        server.outcome(FakeAssemblyAiServer.Outcome.NEVER);

        try (SpeechToText stt = builder().overallTimeout(Duration.ofSeconds(20)).build()) {
            assertThatThrownBy(() -> stt.transcribe(AudioInput.of(AudioFixtures.resource("speech-en.opus.ogg"))))
                    .isInstanceOfSatisfying(SpeechException.class, e -> {
                        assertThat(e.reason()).isEqualTo(Reason.TIMEOUT);
                        assertThat(e.isRetriable()).isTrue();
                    });
        }

        Duration waited = clock.sleeps().stream().reduce(Duration.ZERO, Duration::plus);
        assertThat(waited).isEqualTo(Duration.ofSeconds(20));
        assertThat(server.requests("GET", "/v2/transcript/")).hasSize(clock.sleeps().size());
    }

    @Test
    void should_poll_with_growing_capped_intervals_when_waiting() {
        server.pollsBeforeDone(6);

        try (SpeechToText stt = builder().initialPollInterval(Duration.ofMillis(400))
                .maxPollInterval(Duration.ofSeconds(1)).pollBackoffMultiplier(2).build()) {
            stt.transcribe(AudioInput.of(AudioFixtures.resource("speech-en.opus.ogg")));
        }

        assertThat(clock.sleeps()).containsExactly(Duration.ofMillis(400), Duration.ofMillis(800),
                Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1),
                Duration.ofSeconds(1));
    }

    @Test
    void should_keep_polling_when_a_poll_gets_a_transient_error() {
        server.failNext("get", 503, 2);

        try (SpeechToText stt = newSpeechToText()) {
            Transcript transcript = stt.transcribe(AudioInput.of(AudioFixtures.resource("speech-en.opus.ogg")));

            assertThat(transcript.text()).isNotBlank();
        }
        assertThat(server.requests("POST", "/v2/upload")).hasSize(1);
    }

    @Test
    void should_fail_with_timeout_when_a_request_stalls_past_the_request_timeout() {
        server.stallNext("upload", Duration.ofSeconds(10));

        try (SpeechToText stt = builder().requestTimeout(Duration.ofMillis(300)).build()) {
            assertThatThrownBy(() -> stt.transcribe(AudioInput.of(AudioFixtures.resource("speech-en.opus.ogg"))))
                    .isInstanceOfSatisfying(SpeechException.class, e -> {
                        assertThat(e.reason()).isEqualTo(Reason.TIMEOUT);
                        assertThat(e.isRetriable()).isTrue();
                    });
        }
    }

    @Test
    void should_fail_with_provider_error_when_nothing_listens() {
        String deadUrl = server.baseUrl();
        server.close();

        try (SpeechToText stt = builder().baseUrl(deadUrl).build()) {
            assertThatThrownBy(() -> stt.transcribe(AudioInput.of(AudioFixtures.resource("speech-en.opus.ogg"))))
                    .isInstanceOfSatisfying(SpeechException.class, e -> {
                        assertThat(e.reason()).isIn(Reason.PROVIDER_ERROR, Reason.TIMEOUT);
                        assertThat(e.isRetriable()).isTrue();
                    });
        }
    }

    @Test
    void should_retry_429_and_5xx_with_backoff_then_succeed_when_wrapped_in_resilience() {
        server.failNext("upload", 429, 1);
        server.failNext("upload", 503, 1);

        try (SpeechToText stt = ResilientSpeechToText.builder(newSpeechToText())
                .initialBackoff(Duration.ofMillis(1)).maxBackoff(Duration.ofMillis(5)).build()) {
            Transcript transcript = stt.transcribe(AudioInput.of(AudioFixtures.resource("speech-en.opus.ogg")));

            assertThat(transcript.text()).isNotBlank();
        }
        assertThat(server.requests("POST", "/v2/upload")).hasSize(3);
    }

    @Test
    void should_not_retry_when_the_key_is_wrong_even_when_wrapped_in_resilience() {
        try (SpeechToText stt = ResilientSpeechToText.builder(newSpeechToTextWithWrongKey())
                .initialBackoff(Duration.ofMillis(1)).build()) {
            assertThatThrownBy(() -> stt.transcribe(AudioInput.of(AudioFixtures.resource("speech-en.opus.ogg"))))
                    .isInstanceOfSatisfying(SpeechException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.AUTH));
        }
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void should_give_up_after_max_attempts_when_the_service_keeps_failing() {
        server.failNext("upload", 500, 10);

        try (SpeechToText stt = ResilientSpeechToText.builder(newSpeechToText()).maxAttempts(3)
                .initialBackoff(Duration.ofMillis(1)).maxBackoff(Duration.ofMillis(5)).build()) {
            assertThatThrownBy(() -> stt.transcribe(AudioInput.of(AudioFixtures.resource("speech-en.opus.ogg"))))
                    .isInstanceOfSatisfying(SpeechException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.PROVIDER_ERROR));
        }
        assertThat(server.requests("POST", "/v2/upload")).hasSize(3);
    }

    @Test
    void should_send_exactly_one_request_per_failed_call_because_retries_belong_to_the_decorator() {
        server.failNext("upload", 503, 5); // the SDK's own interceptor would retry this three times

        try (SpeechToText stt = newSpeechToText()) {
            assertThatThrownBy(() -> stt.transcribe(AudioInput.of(AudioFixtures.resource("speech-en.opus.ogg"))))
                    .isInstanceOf(SpeechException.class);
        }
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void should_restore_the_interrupt_flag_and_stop_when_interrupted_while_polling() {
        try (SpeechToText stt = builder().sleeper(d -> {
            throw new InterruptedException("test");
        }).build()) {
            assertThatThrownBy(() -> stt.transcribe(AudioInput.of(AudioFixtures.resource("speech-en.opus.ogg"))))
                    .isInstanceOfSatisfying(SpeechException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.INTERRUPTED));
            assertThat(Thread.interrupted()).isTrue(); // also clears it for the next test
        }
    }

    @Test
    void should_delete_the_transcript_and_its_upload_at_the_provider_when_the_transcript_is_read() {
        try (SpeechToText stt = newSpeechToText()) {
            Transcript transcript = stt.transcribe(AudioInput.of(AudioFixtures.resource("speech-en.opus.ogg")));

            assertThat(transcript.text()).isEqualTo("Hello, this is a short test answer.");
        }

        assertThat(server.createdTranscripts()).hasSize(1);
        assertThat(server.deletedTranscripts()).isEqualTo(server.createdTranscripts());
        List<RecordedRequest> requests = server.requests();
        assertThat(requests.get(requests.size() - 1).method()).isEqualTo("DELETE");
        assertThat(requests.get(requests.size() - 1).header("Authorization")).isEqualTo(KEY);
    }

    @Test
    void should_delete_the_transcript_when_the_job_ends_in_error() {
        server.outcome(FakeAssemblyAiServer.Outcome.ERROR);

        try (SpeechToText stt = newSpeechToText()) {
            assertThatThrownBy(() -> stt.transcribe(AudioInput.of(AudioFixtures.resource("speech-en.opus.ogg"))))
                    .isInstanceOf(SpeechException.class);
        }

        assertThat(server.deletedTranscripts()).hasSize(1).isEqualTo(server.createdTranscripts());
    }

    @Test
    void should_delete_the_abandoned_transcript_when_the_overall_timeout_passes() {
        server.outcome(FakeAssemblyAiServer.Outcome.NEVER);

        try (SpeechToText stt = builder().overallTimeout(Duration.ofSeconds(5)).build()) {
            assertThatThrownBy(() -> stt.transcribe(AudioInput.of(AudioFixtures.resource("speech-en.opus.ogg"))))
                    .isInstanceOfSatisfying(SpeechException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.TIMEOUT));
        }

        assertThat(server.deletedTranscripts()).hasSize(1).isEqualTo(server.createdTranscripts());
    }

    @Test
    void should_delete_the_abandoned_transcript_and_keep_the_interrupt_flag_when_interrupted() {
        try (SpeechToText stt = builder().sleeper(d -> {
            throw new InterruptedException("test");
        }).build()) {
            assertThatThrownBy(() -> stt.transcribe(AudioInput.of(AudioFixtures.resource("speech-en.opus.ogg"))))
                    .isInstanceOfSatisfying(SpeechException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.INTERRUPTED));
            assertThat(Thread.interrupted()).isTrue(); // also clears it for the next test
        }

        assertThat(server.deletedTranscripts()).hasSize(1).isEqualTo(server.createdTranscripts());
    }

    @Test
    void should_delete_the_transcript_on_a_second_attempt_when_the_first_fails_for_a_moment() {
        // found by the speech fault drill (bench, docs/reliability.md): one 500 or 429 on DELETE left the
        // respondent's audio at the provider
        server.failNext("delete", 500, 1);
        server.failNext("delete", 429, 1);

        try (SpeechToText stt = newSpeechToText()) {
            Transcript transcript = stt.transcribe(AudioInput.of(AudioFixtures.resource("speech-en.opus.ogg")));

            assertThat(transcript.text()).isEqualTo("Hello, this is a short test answer.");
        }
        assertThat(server.requests("DELETE", "/v2/transcript/")).hasSize(3);
        assertThat(server.deletedTranscripts()).hasSize(1).isEqualTo(server.createdTranscripts());
    }

    @Test
    void should_return_the_transcript_and_delete_it_in_the_background_when_the_provider_is_down_for_a_while() {
        server.failNext("delete", 503, 5);

        try (SpeechToText stt = builder().deferredDeleteDelay(Duration.ofMillis(20)).build()) {
            Transcript transcript = stt.transcribe(AudioInput.of(AudioFixtures.resource("speech-en.opus.ogg")));

            assertThat(transcript.text()).isEqualTo("Hello, this is a short test answer.");
            assertThat(server.deletedTranscripts()).isEmpty();   // three attempts failed before the result came
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (server.deletedTranscripts().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        assertThat(server.requests("DELETE", "/v2/transcript/")).hasSize(6);
        assertThat(server.deletedTranscripts()).hasSize(1).isEqualTo(server.createdTranscripts());
    }

    @Test
    void should_try_a_waiting_deletion_once_more_when_closed() {
        server.failNext("delete", 500, 3);

        try (SpeechToText stt = builder().deferredDeleteDelay(Duration.ofHours(1)).build()) {
            stt.transcribe(AudioInput.of(AudioFixtures.resource("speech-en.opus.ogg")));
            assertThat(server.deletedTranscripts()).isEmpty();
        }
        assertThat(server.requests("DELETE", "/v2/transcript/")).hasSize(4);
        assertThat(server.deletedTranscripts()).hasSize(1).isEqualTo(server.createdTranscripts());
    }

    @Test
    void should_not_try_again_when_the_provider_refuses_the_deletion() {
        server.failNext("delete", 401, 1);

        try (SpeechToText stt = newSpeechToText()) {
            stt.transcribe(AudioInput.of(AudioFixtures.resource("speech-en.opus.ogg")));
        }
        assertThat(server.requests("DELETE", "/v2/transcript/")).hasSize(1);
        assertThat(server.deletedTranscripts()).isEmpty();
    }

    @Test
    void should_keep_the_transcript_at_the_provider_when_deletion_is_turned_off() {
        try (SpeechToText stt = builder().deleteTranscripts(false).build()) {
            stt.transcribe(AudioInput.of(AudioFixtures.resource("speech-en.opus.ogg")));
            assertThat(stt.toString()).contains("deleteTranscripts=false");
        }

        assertThat(server.requests("DELETE", "/v2/transcript/")).isEmpty();
    }

    @Test
    void should_mask_the_key_when_printed() {
        try (SpeechToText stt = newSpeechToText()) {
            assertThat(stt.toString()).doesNotContain(KEY).contains("<masked>").contains(server.baseUrl());
        }
    }

    @Test
    void should_reject_bad_settings_when_building() {
        assertThatThrownBy(() -> AssemblyAiSpeechToText.builder().build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("apiKey");
        assertThatThrownBy(() -> AssemblyAiSpeechToText.builder().overallTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("overallTimeout");
        assertThatThrownBy(() -> AssemblyAiSpeechToText.builder().baseUrl("ftp://x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("baseUrl");
        assertThatThrownBy(() -> AssemblyAiSpeechToText.builder().apiKey("k")
                .initialPollInterval(Duration.ofSeconds(9)).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("initialPollInterval");
    }
}
