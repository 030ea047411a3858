package dev.interviewagent.voice.metrics.micrometer;

import dev.interviewagent.voice.AudioInput;
import dev.interviewagent.voice.FallbackSpeechToText;
import dev.interviewagent.voice.ResilientSpeechToText;
import dev.interviewagent.voice.SpeechException;
import dev.interviewagent.voice.SpeechToText;
import dev.interviewagent.voice.Transcript;
import dev.interviewagent.voice.TranscriptionOptions;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A {@link SpeechToText} that measures the one it wraps, and the {@link MeterBinder} of those measurements: the
 * latency and outcome of each transcription, the audio transcribed, fallbacks to the second provider, and — for
 * each {@link ResilientSpeechToText} in the stack (directly, or as a {@link FallbackSpeechToText}'s primary or
 * fallback) — its retries and the calls in progress. Use it in place of the provider it wraps.
 *
 * <pre>{@code
 * MeteredSpeechToText speech = MeteredSpeechToText.of(SpeechToTextFactory.from(config).orElseThrow());
 * speech.bindTo(registry);
 * VoiceTranscriber transcriber = VoiceTranscriber.of(speech);
 * }</pre>
 *
 * <p>Tags carry provider ids ({@code assemblyai}, {@code openai}; {@code assemblyai+openai} for a fallback stack that
 * failed as a whole) and {@link SpeechException.Reason} codes; never audio, transcripts or anything per interview.
 *
 * <table>
 *   <caption>Meters</caption>
 *   <tr><th>name</th><th>type</th><th>tags</th><th>what</th></tr>
 *   <tr><td>{@value #DURATION}</td><td>timer</td><td>provider, outcome ({@code ok} or the failure's reason
 *       code)</td><td>each transcription, retries and fallback included</td></tr>
 *   <tr><td>{@value #AUDIO}</td><td>counter (seconds)</td><td>provider</td><td>audio transcribed</td></tr>
 *   <tr><td>{@value #UPLOAD_SIZE}</td><td>summary (bytes)</td><td>provider</td><td>size of each clip sent</td></tr>
 *   <tr><td>{@value #FALLBACKS}</td><td>counter</td><td>from, to</td><td>transcripts the fallback provider
 *       made</td></tr>
 *   <tr><td>{@value #RETRIES}</td><td>function counter</td><td>provider</td><td>attempts repeated after a
 *       transient failure</td></tr>
 *   <tr><td>{@value #ACTIVE_CALLS}</td><td>gauge</td><td>provider</td><td>calls to the provider in
 *       progress</td></tr>
 * </table>
 *
 * <p>Thread-safe. Transcriptions before the first {@link #bindTo} are not timed; retries are those of each
 * {@link ResilientSpeechToText} inside since it was built. Closing it closes the wrapped provider.
 */
public final class MeteredSpeechToText implements SpeechToText, MeterBinder {

    /** Timer of transcriptions. */
    public static final String DURATION = "interview.speech.duration";
    /** Counter of seconds of audio transcribed. */
    public static final String AUDIO = "interview.speech.audio";
    /** Distribution of the size of the clips sent. */
    public static final String UPLOAD_SIZE = "interview.speech.upload.size";
    /** Counter of transcripts made by the fallback provider. */
    public static final String FALLBACKS = "interview.speech.fallbacks";
    /** Function counter of retried attempts. */
    public static final String RETRIES = "interview.speech.retries";
    /** Gauge of calls to a provider in progress. */
    public static final String ACTIVE_CALLS = "interview.speech.calls.active";

    private final SpeechToText delegate;
    private final Tags tags;
    private final Map<String, ResilientSpeechToText> resilient = new LinkedHashMap<>();
    private final List<Meters> bound = new CopyOnWriteArrayList<>();

    private MeteredSpeechToText(SpeechToText delegate, Tags tags) {
        this.delegate = delegate;
        this.tags = tags;
        for (ResilientSpeechToText part : resilientParts(delegate)) {
            resilient.putIfAbsent(part.providerId(), part);
        }
    }

    /** Measures {@code delegate}. */
    public static MeteredSpeechToText of(SpeechToText delegate) {
        return of(delegate, Tags.empty());
    }

    /** Measures {@code delegate}; every meter carries {@code tags} as well. */
    public static MeteredSpeechToText of(SpeechToText delegate, Iterable<Tag> tags) {
        return new MeteredSpeechToText(Objects.requireNonNull(delegate, "delegate"),
                Tags.of(Objects.requireNonNull(tags, "tags")));
    }

    /** The provider this one measures. */
    public SpeechToText delegate() {
        return delegate;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Objects.requireNonNull(registry, "registry");
        bound.add(new Meters(registry, tags));
        resilient.forEach((provider, part) -> {
            FunctionCounter.builder(RETRIES, part, ResilientSpeechToText::retries)
                    .tags(tags).tag("provider", provider)
                    .description("Speech-to-text attempts repeated after a transient failure").register(registry);
            Gauge.builder(ACTIVE_CALLS, part, ResilientSpeechToText::callsInProgress)
                    .tags(tags).tag("provider", provider)
                    .description("Speech-to-text calls to the provider in progress").register(registry);
        });
    }

    @Override
    public Transcript transcribe(AudioInput audio, TranscriptionOptions options) {
        long started = System.nanoTime();
        Transcript transcript;
        try {
            transcript = delegate.transcribe(audio, options);
        } catch (SpeechException e) {
            record(delegate.providerId(), e.reason().code(), started, audio);
            throw e;
        } catch (RuntimeException e) {
            record(delegate.providerId(), "error", started, audio);
            throw e;
        }
        String provider = transcript.providerId();
        record(provider, "ok", started, audio);
        for (Meters m : bound) {
            m.audio.withTags("provider", provider).increment(transcript.duration().toNanos() / 1e9);
        }
        if (delegate instanceof FallbackSpeechToText stack && !provider.equals(stack.primary().providerId())) {
            for (Meters m : bound) {
                m.fallbacks.withTags("from", stack.primary().providerId(), "to", provider).increment();
            }
        }
        return transcript;
    }

    private void record(String provider, String outcome, long started, AudioInput audio) {
        long elapsed = Math.max(0, System.nanoTime() - started);
        for (Meters m : bound) {
            m.duration.withTags("provider", provider, "outcome", outcome)
                    .record(elapsed, TimeUnit.NANOSECONDS);
            m.uploadSize.withTags("provider", provider).record(audio.size());
        }
    }

    @Override
    public String providerId() {
        return delegate.providerId();
    }

    @Override
    public void close() {
        delegate.close();
    }

    @Override
    public String toString() {
        return "MeteredSpeechToText[" + delegate + "]";
    }

    /** The resilient providers in a stack of decorators this module ships. */
    private static List<ResilientSpeechToText> resilientParts(SpeechToText stack) {
        List<ResilientSpeechToText> found = new ArrayList<>();
        if (stack instanceof ResilientSpeechToText resilient) {
            found.add(resilient);
        } else if (stack instanceof FallbackSpeechToText fallback) {
            found.addAll(resilientParts(fallback.primary()));
            found.addAll(resilientParts(fallback.fallback()));
        } else if (stack instanceof MeteredSpeechToText metered) {
            found.addAll(resilientParts(metered.delegate));
        }
        return found;
    }

    /** The event-driven meters of one registry. */
    private static final class Meters {
        final Meter.MeterProvider<Timer> duration;
        final Meter.MeterProvider<Counter> audio;
        final Meter.MeterProvider<DistributionSummary> uploadSize;
        final Meter.MeterProvider<Counter> fallbacks;

        Meters(MeterRegistry registry, Tags tags) {
            duration = Timer.builder(DURATION).tags(tags)
                    .description("Speech-to-text transcriptions, retries and fallback included")
                    .withRegistry(registry);
            audio = Counter.builder(AUDIO).tags(tags).baseUnit("seconds").description("Audio transcribed")
                    .withRegistry(registry);
            uploadSize = DistributionSummary.builder(UPLOAD_SIZE).tags(tags).baseUnit("bytes")
                    .description("Size of each audio clip sent for transcription").withRegistry(registry);
            fallbacks = Counter.builder(FALLBACKS).tags(tags)
                    .description("Transcripts made by the fallback provider after the primary failed")
                    .withRegistry(registry);
        }
    }
}
