package dev.interviewagent.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interviewagent.core.spi.testkit.MutableClock;
import dev.interviewagent.voice.SpeechException.Reason;
import dev.interviewagent.voice.testkit.AudioFixtures;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ResilientSpeechToTextTest {

    private static final AudioInput AUDIO = AudioInput.of(AudioFixtures.resource("speech-en.wav"));

    private final ExecutorService pool = Executors.newFixedThreadPool(4);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    /** Fails with the scripted reasons in order, then succeeds. */
    private static final class Scripted implements SpeechToText {
        private final Deque<Reason> failures;
        private final AtomicInteger calls = new AtomicInteger();

        Scripted(Reason... failures) {
            this.failures = new ArrayDeque<>(List.of(failures));
        }

        @Override
        public synchronized Transcript transcribe(AudioInput audio, TranscriptionOptions options) {
            calls.incrementAndGet();
            Reason next = failures.poll();
            if (next != null) {
                throw new SpeechException(next, "scripted " + next.code());
            }
            return transcript(providerId());
        }

        @Override
        public String providerId() {
            return "scripted";
        }
    }

    static Transcript transcript(String provider) {
        return new Transcript("ok", 0.9, java.util.Optional.of("en"), OptionalDouble.empty(), List.of(),
                Duration.ofSeconds(1), provider);
    }

    private static ResilientSpeechToText.Builder fast(SpeechToText delegate) {
        return ResilientSpeechToText.builder(delegate).initialBackoff(Duration.ofMillis(1))
                .maxBackoff(Duration.ofMillis(8));
    }

    @Test
    void should_retry_transient_failures_with_exponential_backoff_then_succeed() {
        Scripted delegate = new Scripted(Reason.RATE_LIMITED, Reason.PROVIDER_ERROR, Reason.TIMEOUT);
        MutableClock clock = new MutableClock();
        ResilientSpeechToText stt = fast(delegate).maxAttempts(4).backoffMultiplier(2).sleeper(clock.sleeper())
                .build();

        Transcript transcript = stt.transcribe(AUDIO);

        assertThat(transcript.text()).isEqualTo("ok");
        assertThat(delegate.calls).hasValue(4);
        assertThat(clock.sleeps()).containsExactly(Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(4));
        assertThat(stt.retries()).isEqualTo(3);
    }

    @Test
    void should_not_retry_when_the_failure_is_auth_rejection_or_audio() {
        for (Reason reason : List.of(Reason.AUTH, Reason.REJECTED, Reason.TRANSCRIPTION_FAILED, Reason.TOO_SHORT,
                Reason.UNKNOWN_FORMAT)) {
            Scripted delegate = new Scripted(reason);

            assertThatThrownBy(() -> fast(delegate).build().transcribe(AUDIO))
                    .isInstanceOfSatisfying(SpeechException.class, e -> assertThat(e.reason()).isEqualTo(reason));
            assertThat(delegate.calls).as(reason.code()).hasValue(1);
        }
    }

    @Test
    void should_stop_after_max_attempts_and_throw_the_last_failure() {
        Scripted delegate = new Scripted(Reason.PROVIDER_ERROR, Reason.PROVIDER_ERROR, Reason.RATE_LIMITED);

        assertThatThrownBy(() -> fast(delegate).maxAttempts(3).build().transcribe(AUDIO))
                .isInstanceOfSatisfying(SpeechException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.RATE_LIMITED));
        assertThat(delegate.calls).hasValue(3);
    }

    @Test
    void should_limit_concurrent_calls_and_answer_busy_when_no_permit_frees_in_time() throws Exception {
        CountDownLatch entered = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        SpeechToText blocking = new SpeechToText() {
            @Override
            public Transcript transcribe(AudioInput audio, TranscriptionOptions options) {
                entered.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return transcript(providerId());
            }

            @Override
            public String providerId() {
                return "blocking";
            }
        };
        ResilientSpeechToText stt = fast(blocking).maxAttempts(1).maxConcurrentCalls(2)
                .maxWaitForPermit(Duration.ZERO).build();

        CompletableFuture<Transcript> first = CompletableFuture.supplyAsync(() -> stt.transcribe(AUDIO), pool);
        CompletableFuture<Transcript> second = CompletableFuture.supplyAsync(() -> stt.transcribe(AUDIO), pool);
        assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();

        assertThatThrownBy(() -> stt.transcribe(AUDIO)).isInstanceOfSatisfying(SpeechException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.BUSY);
            assertThat(e.isRetriable()).isTrue();
        });
        release.countDown();
        assertThat(first.get(5, TimeUnit.SECONDS).text()).isEqualTo("ok");
        assertThat(second.get(5, TimeUnit.SECONDS).text()).isEqualTo("ok");
        assertThat(stt.callsInProgress()).isZero();
    }

    @Test
    void should_reject_bad_settings_when_building() {
        Scripted delegate = new Scripted();
        assertThatThrownBy(() -> ResilientSpeechToText.builder(delegate).maxAttempts(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxAttempts");
        assertThatThrownBy(() -> ResilientSpeechToText.builder(delegate).maxConcurrentCalls(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxConcurrentCalls");
        assertThatThrownBy(() -> ResilientSpeechToText.builder(delegate).initialBackoff(Duration.ofSeconds(9))
                .maxBackoff(Duration.ofSeconds(1)).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("initialBackoff");
    }

    @Test
    void should_fall_back_on_provider_failures_but_not_on_audio_problems() {
        Scripted primary = new Scripted(Reason.PROVIDER_ERROR);
        SpeechToText fallback = new SpeechToText() {
            @Override
            public Transcript transcribe(AudioInput audio, TranscriptionOptions options) {
                return transcript(providerId());
            }

            @Override
            public String providerId() {
                return "second";
            }
        };

        FallbackSpeechToText stt = FallbackSpeechToText.of(primary, fallback);
        assertThat(stt.transcribe(AUDIO).providerId()).isEqualTo("second");
        assertThat(stt.providerId()).isEqualTo("scripted+second");

        Scripted badAudio = new Scripted(Reason.TRUNCATED);
        assertThatThrownBy(() -> FallbackSpeechToText.of(badAudio, fallback).transcribe(AUDIO))
                .isInstanceOfSatisfying(SpeechException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.TRUNCATED));
    }

    @Test
    void should_throw_the_fallback_failure_with_the_primary_suppressed_when_both_fail() {
        Scripted primary = new Scripted(Reason.AUTH);
        Scripted fallback = new Scripted(Reason.RATE_LIMITED);

        assertThatThrownBy(() -> FallbackSpeechToText.of(primary, fallback).transcribe(AUDIO))
                .isInstanceOfSatisfying(SpeechException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.RATE_LIMITED);
                    assertThat(e.getSuppressed()).singleElement()
                            .satisfies(s -> assertThat(((SpeechException) s).reason()).isEqualTo(Reason.AUTH));
                });
    }
}
