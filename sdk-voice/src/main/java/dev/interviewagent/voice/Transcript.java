package dev.interviewagent.voice;

import dev.interviewagent.core.Language;
import dev.interviewagent.core.channel.QualityTiers;
import dev.interviewagent.core.channel.TranscriptQuality;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What a speech-to-text provider heard.
 *
 * <p>A transcript is not an answer yet: the channel asks its {@link #quality(QualityTiers) quality} and only submits
 * {@link TranscriptQuality#HIGH}/{@link TranscriptQuality#MEDIUM} (or respondent-confirmed) transcripts to the
 * interview. {@link #toString()} never shows the text. Immutable and thread-safe.
 *
 * @param text what was said; may be empty when nothing intelligible was heard
 * @param confidence the provider's overall confidence in [0, 1]
 * @param languageCode the detected (or hinted) language as a lower-case ISO 639-1 code, if known
 * @param languageConfidence the provider's confidence in {@code languageCode} in [0, 1], if it reports one
 * @param words words with timings, in order, where the provider gives them; otherwise empty
 * @param duration the audio's duration as the provider (or the inspector) measured it; not negative
 * @param providerId the {@link SpeechToText#providerId()} that produced it
 */
public record Transcript(
        String text,
        double confidence,
        Optional<String> languageCode,
        OptionalDouble languageConfidence,
        List<Word> words,
        Duration duration,
        String providerId) {

    /**
     * A recognised word and where it is in the audio.
     *
     * @param text the word as written
     * @param start offset of its start from the beginning of the audio
     * @param end offset of its end; not before {@code start}
     * @param confidence the provider's confidence in the word in [0, 1], if given
     */
    public record Word(String text, Duration start, Duration end, OptionalDouble confidence) {

        /** @throws IllegalArgumentException if the timings are negative or reversed, or confidence out of range */
        public Word {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(end, "end");
            Objects.requireNonNull(confidence, "confidence");
            if (start.isNegative()) {
                throw new IllegalArgumentException("start must be >= 0, was " + start);
            }
            if (end.compareTo(start) < 0) {
                throw new IllegalArgumentException("end must be >= start, was " + end + " < " + start);
            }
            confidence.ifPresent(c -> checkUnit("word confidence", c));
        }

        /** Hides the word itself. */
        @Override
        public String toString() {
            return "Word[start=" + start + ", end=" + end + "]";
        }
    }

    /** @throws IllegalArgumentException if a confidence is outside [0, 1] or the duration is negative */
    public Transcript {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(languageCode, "languageCode");
        Objects.requireNonNull(languageConfidence, "languageConfidence");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(providerId, "providerId");
        checkUnit("confidence", confidence);
        languageConfidence.ifPresent(c -> checkUnit("languageConfidence", c));
        if (duration.isNegative()) {
            throw new IllegalArgumentException("duration must be >= 0, was " + duration);
        }
        if (providerId.isBlank()) {
            throw new IllegalArgumentException("providerId must not be blank");
        }
        languageCode = languageCode.map(code -> code.toLowerCase(Locale.ROOT));
        words = List.copyOf(words);
    }

    /** The detected language if it is one the interview engine supports (English or Russian). */
    public Optional<Language> language() {
        return languageCode.flatMap(Language::fromCode);
    }

    /** This transcript's quality under the given tiers. */
    public TranscriptQuality quality(QualityTiers tiers) {
        return tiers.classify(confidence);
    }

    /** Whether nothing intelligible was heard. */
    public boolean isBlank() {
        return text.isBlank();
    }

    /** Shows lengths and scores, never the text. */
    @Override
    public String toString() {
        return "Transcript[provider=" + providerId + ", chars=" + text.length() + ", confidence=" + confidence
                + ", language=" + languageCode.orElse("?") + ", words=" + words.size() + ", duration=" + duration
                + "]";
    }

    private static void checkUnit(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1], was " + value);
        }
    }
}
