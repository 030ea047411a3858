package dev.interviewagent.voice;

import dev.interviewagent.voice.SpeechException.Reason;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tries a primary provider and, when it fails for a provider reason (auth, rate limit, rejection, outage, timeout,
 * failed job, busy), the fallback. Audio problems ({@link Reason#audioProblem()}) and interrupts are not retried on the
 * fallback: the other provider would refuse the same audio. If both fail, the fallback's exception is thrown with the
 * primary's attached as suppressed. Thread-safe; closing it closes both.
 */
public final class FallbackSpeechToText implements SpeechToText {

    private static final Logger log = LoggerFactory.getLogger(FallbackSpeechToText.class);

    private final SpeechToText primary;
    private final SpeechToText fallback;

    private FallbackSpeechToText(SpeechToText primary, SpeechToText fallback) {
        this.primary = primary;
        this.fallback = fallback;
    }

    /** Primary first, then fallback. */
    public static FallbackSpeechToText of(SpeechToText primary, SpeechToText fallback) {
        return new FallbackSpeechToText(Objects.requireNonNull(primary, "primary"),
                Objects.requireNonNull(fallback, "fallback"));
    }

    @Override
    public Transcript transcribe(AudioInput audio, TranscriptionOptions options) {
        try {
            return primary.transcribe(audio, options);
        } catch (SpeechException e) {
            if (e.reason().audioProblem() || e.reason() == Reason.INTERRUPTED) {
                throw e;
            }
            log.debug("{} failed ({}), falling back to {}", primary.providerId(), e.reason().code(),
                    fallback.providerId());
            try {
                return fallback.transcribe(audio, options);
            } catch (SpeechException second) {
                second.addSuppressed(e);
                throw second;
            }
        }
    }

    /** {@code primary+fallback}, e.g. {@code assemblyai+openai}; each transcript names the provider that made it. */
    @Override
    public String providerId() {
        return primary.providerId() + "+" + fallback.providerId();
    }

    /** The provider tried first. */
    public SpeechToText primary() {
        return primary;
    }

    /** The provider tried second. */
    public SpeechToText fallback() {
        return fallback;
    }

    @Override
    public void close() {
        try {
            primary.close();
        } finally {
            fallback.close();
        }
    }

    @Override
    public String toString() {
        return "FallbackSpeechToText[" + primary + " -> " + fallback + "]";
    }
}
