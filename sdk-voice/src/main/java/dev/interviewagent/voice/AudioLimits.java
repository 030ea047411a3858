package dev.interviewagent.voice;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits that {@link AudioInspector} enforces before any upload. Immutable; build with {@link #builder()} or take
 * {@link #defaults()}.
 *
 * @param minDuration shortest accepted audio, default {@link #DEFAULT_MIN_DURATION}
 * @param maxDuration longest accepted audio, default {@link #DEFAULT_MAX_DURATION}
 * @param maxBytes largest accepted input in bytes, default {@link #DEFAULT_MAX_BYTES}
 */
public record AudioLimits(Duration minDuration, Duration maxDuration, long maxBytes) {

    /** Half a second: anything shorter is a mis-tap, not an answer. */
    public static final Duration DEFAULT_MIN_DURATION = Duration.ofMillis(500);
    /** Ten minutes. */
    public static final Duration DEFAULT_MAX_DURATION = Duration.ofMinutes(10);
    /** 25 MB (25 × 1024 × 1024 bytes), the upload limit of OpenAI's transcription endpoint. */
    public static final long DEFAULT_MAX_BYTES = 25L * 1024 * 1024;

    private static final AudioLimits DEFAULTS =
            new AudioLimits(DEFAULT_MIN_DURATION, DEFAULT_MAX_DURATION, DEFAULT_MAX_BYTES);

    /** @throws IllegalArgumentException if a value is out of range or min exceeds max */
    public AudioLimits {
        Objects.requireNonNull(minDuration, "minDuration");
        Objects.requireNonNull(maxDuration, "maxDuration");
        if (minDuration.isNegative()) {
            throw new IllegalArgumentException("minDuration must be >= 0, was " + minDuration);
        }
        if (maxDuration.isNegative() || maxDuration.isZero()) {
            throw new IllegalArgumentException("maxDuration must be > 0, was " + maxDuration);
        }
        if (minDuration.compareTo(maxDuration) > 0) {
            throw new IllegalArgumentException(
                    "minDuration must be <= maxDuration, was " + minDuration + " > " + maxDuration);
        }
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be > 0, was " + maxBytes);
        }
    }

    /** The default limits: 0.5 s to 10 min, at most 25 MB. */
    public static AudioLimits defaults() {
        return DEFAULTS;
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these limits. */
    public Builder toBuilder() {
        return new Builder().minDuration(minDuration).maxDuration(maxDuration).maxBytes(maxBytes);
    }

    /** Builds {@link AudioLimits}; setters validate their argument, {@link #build()} checks min ≤ max. */
    public static final class Builder {
        private Duration minDuration = DEFAULT_MIN_DURATION;
        private Duration maxDuration = DEFAULT_MAX_DURATION;
        private long maxBytes = DEFAULT_MAX_BYTES;

        private Builder() {
        }

        /** @throws IllegalArgumentException if negative */
        public Builder minDuration(Duration minDuration) {
            Objects.requireNonNull(minDuration, "minDuration");
            if (minDuration.isNegative()) {
                throw new IllegalArgumentException("minDuration must be >= 0, was " + minDuration);
            }
            this.minDuration = minDuration;
            return this;
        }

        /** @throws IllegalArgumentException if not positive */
        public Builder maxDuration(Duration maxDuration) {
            Objects.requireNonNull(maxDuration, "maxDuration");
            if (maxDuration.isNegative() || maxDuration.isZero()) {
                throw new IllegalArgumentException("maxDuration must be > 0, was " + maxDuration);
            }
            this.maxDuration = maxDuration;
            return this;
        }

        /** @throws IllegalArgumentException if not positive */
        public Builder maxBytes(long maxBytes) {
            if (maxBytes <= 0) {
                throw new IllegalArgumentException("maxBytes must be > 0, was " + maxBytes);
            }
            this.maxBytes = maxBytes;
            return this;
        }

        /** @throws IllegalArgumentException if minDuration exceeds maxDuration */
        public AudioLimits build() {
            return new AudioLimits(minDuration, maxDuration, maxBytes);
        }
    }
}
