package dev.interviewagent.voice;

import dev.interviewagent.voice.SpeechException.Reason;
import dev.interviewagent.voice.internal.audio.AudioProber;
import dev.interviewagent.voice.internal.audio.Probe;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks audio before anything is uploaded, in pure Java: detects the container and codec from the bytes (Ogg/Opus,
 * Ogg/Vorbis, WAV/PCM, MP3, MP4/M4A, WebM/Matroska, FLAC), reads the duration from headers or pages and enforces
 * {@link AudioLimits}.
 *
 * <p>The file name or declared format of an {@link AudioInput} is never trusted: random bytes named
 * {@code voice.ogg} are {@link Reason#UNKNOWN_FORMAT}. Immutable and thread-safe; never blocks on I/O.
 */
public final class AudioInspector {

    private static final Logger log = LoggerFactory.getLogger(AudioInspector.class);

    private final AudioLimits limits;

    private AudioInspector(AudioLimits limits) {
        this.limits = limits;
    }

    /** An inspector with {@link AudioLimits#defaults()}. */
    public static AudioInspector withDefaults() {
        return new AudioInspector(AudioLimits.defaults());
    }

    /** An inspector enforcing the given limits. */
    public static AudioInspector of(AudioLimits limits) {
        return new AudioInspector(Objects.requireNonNull(limits, "limits"));
    }

    /** The limits this inspector enforces. */
    public AudioLimits limits() {
        return limits;
    }

    /**
     * Detects the format and reads the duration, then checks the limits. Checks run in this order: empty, too large
     * (before parsing), unknown format, truncated or corrupt, too short, too long.
     *
     * @return what was found; the audio is acceptable for upload
     * @throws SpeechException with reason {@link Reason#EMPTY}, {@link Reason#TOO_LARGE},
     *     {@link Reason#UNKNOWN_FORMAT}, {@link Reason#TRUNCATED}, {@link Reason#CORRUPT}, {@link Reason#TOO_SHORT}
     *     or {@link Reason#TOO_LONG}; none is retriable
     */
    public AudioInfo inspect(AudioInput audio) {
        Objects.requireNonNull(audio, "audio");
        byte[] bytes = audio.unsafeBytes();
        if (bytes.length == 0) {
            throw new SpeechException(Reason.EMPTY, "audio is empty");
        }
        if (bytes.length > limits.maxBytes()) {
            throw new SpeechException(Reason.TOO_LARGE,
                    "audio is " + bytes.length + " bytes, the limit is " + limits.maxBytes());
        }
        Probe probe;
        try {
            probe = AudioProber.probe(bytes);
        } catch (SpeechException e) {
            throw e;
        } catch (RuntimeException e) {
            // a reader tripping over impossible values is damaged input, not a bug worth an INTERNAL error
            throw new SpeechException(Reason.CORRUPT, "audio headers could not be read", e);
        }
        Duration duration = Duration.ofNanos(Math.round(probe.seconds() * 1e9));
        if (audio.declaredFormat().isPresent() && audio.declaredFormat().get() != probe.format()) {
            log.debug("declared audio format {} differs from detected {}", audio.declaredFormat().get().code(),
                    probe.format().code());
        }
        if (duration.compareTo(limits.minDuration()) < 0 || duration.isZero()) {
            throw new SpeechException(Reason.TOO_SHORT,
                    "audio lasts " + duration.toMillis() + " ms, the minimum is " + limits.minDuration().toMillis());
        }
        if (duration.compareTo(limits.maxDuration()) > 0) {
            throw new SpeechException(Reason.TOO_LONG,
                    "audio lasts " + duration.toSeconds() + " s, the maximum is " + limits.maxDuration().toSeconds());
        }
        log.debug("audio accepted: format={} durationMs={} bytes={}", probe.format().code(), duration.toMillis(),
                bytes.length);
        return new AudioInfo(probe.format(), duration, bytes.length);
    }

    /**
     * Detects the container and codec from the leading bytes only, without checking completeness or limits.
     *
     * @return the format, or empty when the bytes are not a supported format
     */
    public static Optional<AudioFormat> detectFormat(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        try {
            return AudioProber.sniff(bytes);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
