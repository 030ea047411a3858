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
 * Ogg/Vorbis, WAV/PCM, MP3, MP4/M4A, WebM/Matroska, FLAC), measures the duration from the content itself (pages and
 * packets, frames, blocks, sample tables, data chunks), refuses audio whose header declares a length the content
 * does not match, and enforces {@link AudioLimits}. The work is linear in the input, which is size-checked first.
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
     * Detects the format and measures the duration, then checks the limits. Checks run in this order: empty, too
     * large (before parsing), unknown format, truncated or corrupt, declared length against measured length
     * ({@link AudioLimits#durationTolerance()}), too short, too long.
     *
     * @return what was found; the audio is acceptable for upload
     * @throws SpeechException with reason {@link Reason#EMPTY}, {@link Reason#TOO_LARGE},
     *     {@link Reason#UNKNOWN_FORMAT}, {@link Reason#TRUNCATED}, {@link Reason#CORRUPT},
     *     {@link Reason#DURATION_MISMATCH}, {@link Reason#TOO_SHORT} or {@link Reason#TOO_LONG}; none is retriable
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
        Duration duration = checkDeclaredLength(probe);
        if (audio.declaredFormat().isPresent() && audio.declaredFormat().get() != probe.format()) {
            log.debug("declared audio format {} differs from detected {}", audio.declaredFormat().get().code(),
                    probe.format().code());
        }
        if (duration.compareTo(limits.minDuration()) < 0 || duration.isZero()) {
            throw new SpeechException(Reason.TOO_SHORT,
                    "audio lasts " + duration.toMillis() + " ms, the minimum is " + limits.minDuration().toMillis());
        }
        // the longer of content and header counts against the maximum, so the tolerance gains nobody time
        Duration longest = probe.declares() ? max(duration, seconds(probe.seconds())) : duration;
        if (longest.compareTo(limits.maxDuration()) > 0) {
            throw new SpeechException(Reason.TOO_LONG,
                    "audio lasts " + longest.toSeconds() + " s, the maximum is " + limits.maxDuration().toSeconds());
        }
        log.debug("audio accepted: format={} durationMs={} bytes={}", probe.format().code(), duration.toMillis(),
                bytes.length);
        return new AudioInfo(probe.format(), duration, bytes.length);
    }

    /**
     * Compares the length measured from the content with the one the headers declare. Content longer than declared
     * is a forged or broken header: providers decode (and bill) the content, so it is refused. Content ending before
     * the declared length is a cut-off file (or a header that lies the other way). Within the tolerance the declared
     * length is the playing time: it accounts for encoder delay and end padding, which the content count does not.
     */
    private Duration checkDeclaredLength(Probe probe) {
        Duration measured = seconds(probe.seconds());
        if (!probe.declares()) {
            return measured;
        }
        Duration declared = seconds(probe.declaredSeconds());
        Duration tolerance = limits.durationTolerance();
        if (measured.compareTo(declared.plus(tolerance)) > 0) {
            log.debug("audio refused: format={} measuredMs={} declaredMs={}", probe.format().code(),
                    measured.toMillis(), declared.toMillis());
            throw new SpeechException(Reason.DURATION_MISMATCH, probe.format().code() + " audio lasts "
                    + measured.toMillis() + " ms but its header declares " + declared.toMillis() + " ms");
        }
        if (measured.plus(tolerance).compareTo(declared) < 0) {
            log.debug("audio refused: format={} measuredMs={} declaredMs={}", probe.format().code(),
                    measured.toMillis(), declared.toMillis());
            throw new SpeechException(Reason.TRUNCATED, probe.format().code() + " audio ends after "
                    + measured.toMillis() + " ms but its header declares " + declared.toMillis() + " ms");
        }
        return declared;
    }

    private static Duration seconds(double seconds) {
        if (!(seconds >= 0) || seconds > 1e9) {
            // NaN, negative or absurd values come only from impossible headers
            throw new SpeechException(Reason.CORRUPT, "audio length is impossible");
        }
        return Duration.ofNanos(Math.round(seconds * 1e9));
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
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
