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
 * @param durationTolerance how far the length measured from the content (frames, pages, blocks, samples) may differ
 *     from the length the container's header declares before the audio is refused, default
 *     {@link #DEFAULT_DURATION_TOLERANCE}
 */
public record AudioLimits(Duration minDuration, Duration maxDuration, long maxBytes, Duration durationTolerance) {

    /** Half a second: anything shorter is a mis-tap, not an answer. */
    public static final Duration DEFAULT_MIN_DURATION = Duration.ofMillis(500);
    /** Ten minutes. */
    public static final Duration DEFAULT_MAX_DURATION = Duration.ofMinutes(10);
    /** 25 MB (25 × 1024 × 1024 bytes), the upload limit of OpenAI's transcription endpoint. */
    public static final long DEFAULT_MAX_BYTES = 25L * 1024 * 1024;
    /**
     * One second. Honest files differ from their headers by encoder delay and end padding (at most one frame or
     * block, well under a second); a forged length differs by much more.
     */
    public static final Duration DEFAULT_DURATION_TOLERANCE = Duration.ofSeconds(1);

    private static final AudioLimits DEFAULTS = new AudioLimits(DEFAULT_MIN_DURATION, DEFAULT_MAX_DURATION,
            DEFAULT_MAX_BYTES, DEFAULT_DURATION_TOLERANCE);

    /** @throws IllegalArgumentException if a value is out of range or min exceeds max */
    public AudioLimits {
        Objects.requireNonNull(minDuration, "minDuration");
        Objects.requireNonNull(maxDuration, "maxDuration");
        Objects.requireNonNull(durationTolerance, "durationTolerance");
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
        if (durationTolerance.isNegative()) {
            throw new IllegalArgumentException("durationTolerance must be >= 0, was " + durationTolerance);
        }
    }

    /**
     * Limits with the default {@link #DEFAULT_DURATION_TOLERANCE}.
     *
     * @throws IllegalArgumentException if a value is out of range or min exceeds max
     */
    public AudioLimits(Duration minDuration, Duration maxDuration, long maxBytes) {
        this(minDuration, maxDuration, maxBytes, DEFAULT_DURATION_TOLERANCE);
    }

    /** The default limits: 0.5 s to 10 min, at most 25 MB, header and content within 1 s of each other. */
    public static AudioLimits defaults() {
        return DEFAULTS;
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these limits. */
    public Builder toBuilder() {
        return new Builder().minDuration(minDuration).maxDuration(maxDuration).maxBytes(maxBytes)
                .durationTolerance(durationTolerance);
    }

    /** Builds {@link AudioLimits}; setters validate their argument, {@link #build()} checks min ≤ max. */
    public static final class Builder {
        private Duration minDuration = DEFAULT_MIN_DURATION;
        private Duration maxDuration = DEFAULT_MAX_DURATION;
        private long maxBytes = DEFAULT_MAX_BYTES;
        private Duration durationTolerance = DEFAULT_DURATION_TOLERANCE;

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

        /**
         * How far measured and declared length may differ; default {@link #DEFAULT_DURATION_TOLERANCE}. Zero
         * demands exact agreement, which encoder padding makes most real files fail.
         *
         * @throws IllegalArgumentException if negative
         */
        public Builder durationTolerance(Duration durationTolerance) {
            Objects.requireNonNull(durationTolerance, "durationTolerance");
            if (durationTolerance.isNegative()) {
                throw new IllegalArgumentException("durationTolerance must be >= 0, was " + durationTolerance);
            }
            this.durationTolerance = durationTolerance;
            return this;
        }

        /** @throws IllegalArgumentException if minDuration exceeds maxDuration */
        public AudioLimits build() {
            return new AudioLimits(minDuration, maxDuration, maxBytes, durationTolerance);
        }
    }
}
