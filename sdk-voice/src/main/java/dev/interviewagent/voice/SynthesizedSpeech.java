package dev.interviewagent.voice;

import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * Audio produced by a {@link TextToSpeech}: the bytes, their format, and the duration when the inspector could read
 * it (Telegram shows it on voice messages). Immutable; the bytes are copied in and out.
 */
public final class SynthesizedSpeech {

    private final byte[] audio;
    private final AudioFormat format;
    private final Optional<Duration> duration;

    /**
     * @throws IllegalArgumentException if there are no bytes
     */
    public SynthesizedSpeech(byte[] audio, AudioFormat format, Optional<Duration> duration) {
        Objects.requireNonNull(audio, "audio");
        if (audio.length == 0) {
            throw new IllegalArgumentException("audio must not be empty");
        }
        this.audio = audio.clone();
        this.format = Objects.requireNonNull(format, "format");
        this.duration = Objects.requireNonNull(duration, "duration");
    }

    /** A copy of the audio bytes. */
    public byte[] audio() {
        return audio.clone();
    }

    /** The format of {@link #audio()}. */
    public AudioFormat format() {
        return format;
    }

    /** The playing time, if the container declares it. */
    public Optional<Duration> duration() {
        return duration;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SynthesizedSpeech that && Arrays.equals(audio, that.audio)
                && format == that.format && duration.equals(that.duration);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(audio), format, duration);
    }

    @Override
    public String toString() {
        return "SynthesizedSpeech[format=" + format.code() + ", bytes=" + audio.length + ", duration="
                + duration.map(Duration::toString).orElse("?") + "]";
    }
}
