package dev.interviewagent.voice.metrics.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interviewagent.core.spi.testkit.MutableClock;
import dev.interviewagent.voice.AudioInput;
import dev.interviewagent.voice.FallbackSpeechToText;
import dev.interviewagent.voice.ResilientSpeechToText;
import dev.interviewagent.voice.SpeechException;
import dev.interviewagent.voice.SpeechToText;
import dev.interviewagent.voice.Transcript;
import dev.interviewagent.voice.TranscriptionOptions;
import dev.interviewagent.voice.assemblyai.AssemblyAiSpeechToText;
import dev.interviewagent.voice.fake.FakeAssemblyAiServer;
import dev.interviewagent.voice.fake.FakeOpenAiServer;
import dev.interviewagent.voice.openai.OpenAiSpeechToText;
import dev.interviewagent.voice.testkit.AudioFixtures;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A real provider stack (AssemblyAI first, OpenAI as fallback, each resilient) against the providers' stand-ins. */
class MeteredSpeechToTextTest {

    private static final AudioInput SPEECH = AudioInput.of(AudioFixtures.resource("speech-en.opus.ogg"));

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MutableClock clock = new MutableClock();

    @Test
    void should_time_transcriptions_count_audio_retries_and_fallbacks_and_tag_failures_with_their_reason() {
        try (FakeAssemblyAiServer assembly = new FakeAssemblyAiServer("a-key");
             FakeOpenAiServer openAi = new FakeOpenAiServer("sk-key")) {
            assembly.pollsBeforeDone(0);
            MeteredSpeechToText speech = MeteredSpeechToText.of(FallbackSpeechToText.of(
                    resilient(AssemblyAiSpeechToText.builder().apiKey("a-key").baseUrl(assembly.baseUrl())
                            .requestTimeout(Duration.ofSeconds(10)).clock(clock).sleeper(clock.sleeper()).build()),
                    resilient(OpenAiSpeechToText.builder().apiKey("sk-key").baseUrl(openAi.baseUrl())
                            .requestTimeout(Duration.ofSeconds(10)).build())));
            speech.bindTo(registry);

            Transcript first = speech.transcribe(SPEECH);
            assembly.failNext("upload", 503, 1);
            speech.transcribe(SPEECH);                                       // retried on AssemblyAI
            assembly.failNext("upload", 401, 1);
            Transcript fallback = speech.transcribe(SPEECH);                 // the key is refused: OpenAI
            assertThatThrownBy(() -> speech.transcribe(AudioInput.of(new byte[0])))
                    .isInstanceOf(SpeechException.class);
            speech.close();

            assertThat(first.providerId()).isEqualTo("assemblyai");
            assertThat(fallback.providerId()).isEqualTo("openai");
            assertThat(timerCount("provider", "assemblyai", "outcome", "ok")).isEqualTo(2);
            assertThat(timerCount("provider", "openai", "outcome", "ok")).isEqualTo(1);
            assertThat(timerCount("provider", "assemblyai+openai", "outcome", "empty")).isEqualTo(1);
            assertThat(registry.get(MeteredSpeechToText.DURATION).timers().stream()
                    .mapToDouble(t -> t.totalTime(TimeUnit.NANOSECONDS)).sum()).isPositive();
            assertThat(registry.get(MeteredSpeechToText.RETRIES).tags("provider", "assemblyai").functionCounter()
                    .count()).isEqualTo(1);
            assertThat(registry.get(MeteredSpeechToText.RETRIES).tags("provider", "openai").functionCounter()
                    .count()).isZero();
            assertThat(registry.get(MeteredSpeechToText.FALLBACKS).tags("from", "assemblyai", "to", "openai")
                    .counter().count()).isEqualTo(1);
            double assemblySeconds = registry.get(MeteredSpeechToText.AUDIO).tags("provider", "assemblyai")
                    .counter().count();
            assertThat(assemblySeconds).isEqualTo(2 * first.duration().toNanos() / 1e9);
            assertThat(registry.get(MeteredSpeechToText.UPLOAD_SIZE).tags("provider", "assemblyai").summary()
                    .totalAmount()).isEqualTo(2.0 * SPEECH.size());
            assertThat(registry.get(MeteredSpeechToText.ACTIVE_CALLS).gauges()).hasSize(2)
                    .allSatisfy(g -> assertThat(g.value()).isZero());
            assertThat(assembly.violations()).isEmpty();
            assertThat(openAi.violations()).isEmpty();
        }
        assertThat(registry.getMeters()).allSatisfy(m -> {
            for (Tag tag : m.getId().getTags()) {
                assertThat(tag.getValue()).as(m.getId().toString()).matches("[a-z_+]{1,32}");
            }
        });
    }

    @Test
    void should_show_a_call_in_progress_on_the_active_calls_gauge() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        SpeechToText slow = new SpeechToText() {
            @Override
            public Transcript transcribe(AudioInput audio, TranscriptionOptions options) {
                entered.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return new Transcript("ok", 0.9, Optional.of("en"), OptionalDouble.empty(), List.of(),
                        Duration.ofSeconds(2), "slow");
            }

            @Override
            public String providerId() {
                return "slow";
            }
        };
        MeteredSpeechToText speech = MeteredSpeechToText.of(resilient(slow), Tags.of("channel", "web"));
        speech.bindTo(registry);
        try {
            CompletableFuture<Transcript> running = CompletableFuture.supplyAsync(() -> speech.transcribe(SPEECH));
            assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

            assertThat(registry.get(MeteredSpeechToText.ACTIVE_CALLS).tags("provider", "slow", "channel", "web")
                    .gauge().value()).isEqualTo(1.0);

            release.countDown();
            running.get(10, TimeUnit.SECONDS);
        } finally {
            release.countDown();
        }
        assertThat(registry.get(MeteredSpeechToText.ACTIVE_CALLS).gauge().value()).isZero();
        assertThat(registry.get(MeteredSpeechToText.AUDIO).tags("provider", "slow", "channel", "web").counter()
                .count()).isEqualTo(2.0);
        assertThat(registry.getMeters()).extracting(Meter::getId)
                .allSatisfy(id -> assertThat(id.getTag("channel")).isEqualTo("web"));
    }

    private static ResilientSpeechToText resilient(SpeechToText provider) {
        return ResilientSpeechToText.builder(provider).initialBackoff(Duration.ofMillis(1))
                .maxBackoff(Duration.ofMillis(8)).build();
    }

    private double timerCount(String... tags) {
        return registry.get(MeteredSpeechToText.DURATION).tags(tags).timer().count();
    }
}
