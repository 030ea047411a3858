package dev.interviewagent.core.channel;

import dev.interviewagent.core.Language;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns a spoken answer into text for the {@link ChannelBridge}. sdk-voice adapts its {@code SpeechToText}
 * providers to it; core itself depends on no speech provider. May block; must be thread-safe.
 */
@FunctionalInterface
public interface SpeechTranscriber {

    /**
     * Transcribes one recording.
     *
     * @throws dev.interviewagent.core.exception.InterviewException with {@code unsupported_audio},
     *         {@code too_large} or {@code unavailable} when the audio cannot be used or the provider fails
     */
    Heard transcribe(InboundMessage.Audio audio, Language language);

    /**
     * The longest recording this transcriber takes, when it has a limit, so a channel can tell respondents before
     * they reach it (the web page stops recording there). Default: none known.
     */
    default Optional<Duration> maxDuration() {
        return Optional.empty();
    }

    /**
     * What was heard.
     *
     * @param text       the transcript
     * @param confidence 0–1
     */
    record Heard(String text, double confidence) {
        public Heard {
            Objects.requireNonNull(text, "text");
            if (Double.isNaN(confidence) || confidence < 0 || confidence > 1) {
                throw new IllegalArgumentException("confidence must be 0-1, was " + confidence);
            }
        }
    }

    /** A transcriber for channels without voice: every recording is rejected as unsupported. */
    SpeechTranscriber NONE = (audio, language) -> {
        throw new dev.interviewagent.core.exception.UnsupportedAudioException("voice answers are not enabled");
    };
}
