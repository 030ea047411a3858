package dev.interviewagent.voice.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.interviewagent.core.Language;
import dev.interviewagent.core.channel.QualityTiers;
import dev.interviewagent.core.exception.ErrorCode;
import dev.interviewagent.voice.AudioInput;
import dev.interviewagent.voice.SpeechException;
import dev.interviewagent.voice.SpeechException.Reason;
import dev.interviewagent.voice.SpeechToText;
import dev.interviewagent.voice.Transcript;
import dev.interviewagent.voice.TranscriptionOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link SpeechToText} passes, ours and third parties'. Extend it, supply the factory hooks and
 * run it with JUnit 5. Our AssemblyAI and OpenAI adapters run it against local fakes of the published APIs; a third
 * party can run it against a fake of its own or (as an {@code *IT}) against the live service.
 *
 * <p>Use it through the test-jar: {@code dev.interviewagent:sdk-voice} with {@code <classifier>tests</classifier>}
 * and {@code <type>test-jar</type>}. A test-jar brings no transitive test dependencies, so declare
 * {@code junit-jupiter} and {@code assertj-core} yourself. The audio comes from this jar's {@code audio/} resources
 * (see their README).
 *
 * <p>Hooks that return {@code Optional}/{@code OptionalLong} are capabilities: an implementation that cannot inject
 * failures or count requests returns empty and the matching checks are skipped (reported as skipped, not passed).
 *
 * <p>The temporary-file check compares the contents of {@code java.io.tmpdir} before and after a call; give the test
 * JVM a private one (as {@code sdk-voice}'s own Surefire configuration does) so other processes cannot disturb it.
 */
public abstract class SpeechToTextContract {

    /** A provider configured against a healthy service. A new instance per call; the kit closes it. */
    protected abstract SpeechToText newSpeechToText();

    /** A provider whose key the service rejects. */
    protected abstract SpeechToText newSpeechToTextWithWrongKey();

    /**
     * A provider whose service answers the next request with the given HTTP status (the kit uses 400, 429, 500 and
     * 503), or empty if failures cannot be injected (a live service).
     */
    protected abstract Optional<SpeechToText> newSpeechToTextFailingWith(int httpStatus);

    /** How many requests the service has received so far, or empty if that cannot be observed. */
    protected abstract OptionalLong requestsReceived();

    /** The text the service returns for {@link #speech()}, when it is known exactly (a scripted fake). */
    protected Optional<String> expectedText() {
        return Optional.empty();
    }

    /** The clip to transcribe; default the committed English espeak clip, Ogg/Opus 2.5 s. */
    protected AudioInput speech() {
        return AudioInput.of(AudioFixtures.resource("speech-en.opus.ogg"), "speech.ogg");
    }

    @Test
    void should_return_text_confidence_duration_and_provider_when_audio_is_speech() {
        try (SpeechToText stt = newSpeechToText()) {
            Transcript transcript = stt.transcribe(speech());

            assertThat(transcript.text()).isNotBlank();
            expectedText().ifPresent(text -> assertThat(transcript.text()).isEqualTo(text));
            assertThat(transcript.confidence()).isBetween(0.0, 1.0);
            assertThat(transcript.providerId()).isEqualTo(stt.providerId());
            assertThat(transcript.duration()).isPositive();
            transcript.languageConfidence().ifPresent(c -> assertThat(c).isBetween(0.0, 1.0));
        }
    }

    @Test
    void should_detect_one_of_the_expected_languages_when_no_hint_is_given() {
        try (SpeechToText stt = newSpeechToText()) {
            Transcript transcript = stt.transcribe(speech(), TranscriptionOptions.defaults());

            assertThat(transcript.languageCode()).isPresent();
            assertThat(transcript.language()).get().isIn(Language.ENGLISH, Language.RUSSIAN);
        }
    }

    @Test
    void should_report_the_hinted_language_when_a_hint_is_given() {
        try (SpeechToText stt = newSpeechToText()) {
            Transcript transcript = stt.transcribe(speech(),
                    TranscriptionOptions.builder().languageHint(Language.ENGLISH).build());

            assertThat(transcript.language()).contains(Language.ENGLISH);
        }
    }

    @Test
    void should_give_ordered_word_timings_within_the_audio_when_words_are_returned() {
        try (SpeechToText stt = newSpeechToText()) {
            Transcript transcript = stt.transcribe(speech());

            Duration previous = Duration.ZERO;
            for (Transcript.Word word : transcript.words()) {
                assertThat(word.text()).isNotBlank();
                assertThat(word.start()).isGreaterThanOrEqualTo(previous);
                assertThat(word.end()).isLessThanOrEqualTo(transcript.duration().plusSeconds(1));
                word.confidence().ifPresent(c -> assertThat(c).isBetween(0.0, 1.0));
                previous = word.start();
            }
        }
    }

    @Test
    void should_map_confidence_to_a_quality_tier_when_classified() {
        try (SpeechToText stt = newSpeechToText()) {
            Transcript transcript = stt.transcribe(speech());

            assertThat(transcript.quality(QualityTiers.defaults()))
                    .isEqualTo(QualityTiers.defaults().classify(transcript.confidence()));
        }
    }

    @Test
    void should_reject_without_any_request_when_audio_is_empty() {
        assertRejectedLocally(new byte[0], Reason.EMPTY);
    }

    @Test
    void should_reject_without_any_request_when_bytes_are_not_audio() {
        byte[] noise = new byte[8192];
        new java.util.Random(7).nextBytes(noise);
        noise[0] = 0x12;
        assertRejectedLocally(noise, Reason.UNKNOWN_FORMAT);
    }

    @Test
    void should_reject_without_any_request_when_audio_is_truncated() {
        byte[] good = AudioFixtures.resource("speech-en.opus.ogg");
        assertRejectedLocally(Arrays.copyOf(good, good.length / 2), Reason.TRUNCATED);
    }

    @Test
    void should_reject_without_any_request_when_audio_is_too_short() {
        assertRejectedLocally(AudioFixtures.wav(200, 8000), Reason.TOO_SHORT);
    }

    @Test
    void should_fail_with_auth_and_not_retriable_when_the_key_is_wrong() {
        try (SpeechToText stt = newSpeechToTextWithWrongKey()) {
            assertThatThrownBy(() -> stt.transcribe(speech()))
                    .isInstanceOfSatisfying(SpeechException.class, e -> {
                        assertThat(e.reason()).isEqualTo(Reason.AUTH);
                        assertThat(e.code()).isEqualTo(ErrorCode.UNAUTHORIZED);
                        assertThat(e.isRetriable()).isFalse();
                    });
        }
    }

    @Test
    void should_fail_retriable_with_rate_limited_when_the_service_answers_429() {
        assertProviderFailure(429, Reason.RATE_LIMITED, true);
    }

    @Test
    void should_fail_retriable_with_provider_error_when_the_service_answers_500_or_503() {
        assertProviderFailure(500, Reason.PROVIDER_ERROR, true);
        assertProviderFailure(503, Reason.PROVIDER_ERROR, true);
    }

    @Test
    void should_fail_not_retriable_with_rejected_when_the_service_answers_400() {
        assertProviderFailure(400, Reason.REJECTED, false);
    }

    @Test
    void should_serve_concurrent_callers_when_called_from_several_threads() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (SpeechToText stt = newSpeechToText()) {
            List<Future<Transcript>> results = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                results.add(pool.submit(() -> stt.transcribe(speech())));
            }
            for (Future<Transcript> result : results) {
                assertThat(result.get(60, TimeUnit.SECONDS).text()).isNotBlank();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void should_leave_no_temporary_files_when_transcribing() throws IOException {
        Path tmp = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
        Set<Path> before = list(tmp);
        try (SpeechToText stt = newSpeechToText()) {
            stt.transcribe(speech());
        }
        assertThat(list(tmp)).containsExactlyInAnyOrderElementsOf(before);
    }

    private static Set<Path> list(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.collect(Collectors.toSet());
        }
    }

    private void assertRejectedLocally(byte[] audio, Reason reason) {
        OptionalLong before = requestsReceived();
        try (SpeechToText stt = newSpeechToText()) {
            assertThatThrownBy(() -> stt.transcribe(AudioInput.of(audio, "voice.ogg")))
                    .isInstanceOfSatisfying(SpeechException.class, e -> {
                        assertThat(e.reason()).isEqualTo(reason);
                        assertThat(e.isRetriable()).isFalse();
                        assertThat(e.reason().audioProblem()).isTrue();
                    });
        }
        if (before.isPresent()) {
            assertThat(requestsReceived().getAsLong()).as("requests sent for rejected audio")
                    .isEqualTo(before.getAsLong());
        }
    }

    private void assertProviderFailure(int status, Reason reason, boolean retriable) {
        Optional<SpeechToText> failing = newSpeechToTextFailingWith(status);
        assumeThat(failing).as("failure injection supported").isPresent();
        try (SpeechToText stt = failing.get()) {
            assertThatThrownBy(() -> stt.transcribe(speech()))
                    .isInstanceOfSatisfying(SpeechException.class, e -> {
                        assertThat(e.reason()).isEqualTo(reason);
                        assertThat(e.isRetriable()).isEqualTo(retriable);
                        assertThat(e.getMessage()).contains(String.valueOf(status));
                    });
        }
    }
}
