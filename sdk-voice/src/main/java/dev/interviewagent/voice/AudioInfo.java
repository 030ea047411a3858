package dev.interviewagent.voice;

import java.time.Duration;
import java.util.Objects;

/**
 * What {@link AudioInspector} read from the bytes of an accepted audio file.
 *
 * @param format the container and codec detected from the bytes
 * @param duration the playing time, measured from the content (packets, frames, blocks, samples); when the container
 *     also declares a length within {@link AudioLimits#durationTolerance()} of it, that declared length (it accounts
 *     for encoder delay and end padding); positive
 * @param sizeBytes the size of the input in bytes; positive
 */
public record AudioInfo(AudioFormat format, Duration duration, long sizeBytes) {

    /** @throws IllegalArgumentException if the duration or size is not positive */
    public AudioInfo {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("duration must be > 0, was " + duration);
        }
        if (sizeBytes <= 0) {
            throw new IllegalArgumentException("sizeBytes must be > 0, was " + sizeBytes);
        }
    }
}
