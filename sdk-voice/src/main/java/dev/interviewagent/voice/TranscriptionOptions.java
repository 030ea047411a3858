package dev.interviewagent.voice;

import dev.interviewagent.core.Language;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Per-call options for {@link SpeechToText#transcribe(AudioInput, TranscriptionOptions)}. Immutable; build with
 * {@link #builder()} or take {@link #defaults()}.
 *
 * @param languageHint the language the respondent is expected to speak; when empty the provider detects it
 * @param expectedLanguages languages detection chooses from (providers that support a list); never empty
 * @param redactPii whether the provider should redact personal data from the text (providers that support it)
 */
public record TranscriptionOptions(Optional<Language> languageHint, Set<Language> expectedLanguages,
        boolean redactPii) {

    /** English and Russian. */
    public static final Set<Language> DEFAULT_EXPECTED_LANGUAGES = Set.of(Language.ENGLISH, Language.RUSSIAN);

    private static final TranscriptionOptions DEFAULTS =
            new TranscriptionOptions(Optional.empty(), DEFAULT_EXPECTED_LANGUAGES, false);

    /** @throws IllegalArgumentException if {@code expectedLanguages} is empty */
    public TranscriptionOptions {
        Objects.requireNonNull(languageHint, "languageHint");
        Objects.requireNonNull(expectedLanguages, "expectedLanguages");
        if (expectedLanguages.isEmpty()) {
            throw new IllegalArgumentException("expectedLanguages must not be empty");
        }
        expectedLanguages = Set.copyOf(expectedLanguages);
    }

    /** Detect among English and Russian, no redaction. */
    public static TranscriptionOptions defaults() {
        return DEFAULTS;
    }

    /** A builder starting from {@link #defaults()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link TranscriptionOptions}. */
    public static final class Builder {
        private Optional<Language> languageHint = Optional.empty();
        private Set<Language> expectedLanguages = new TreeSet<>(DEFAULT_EXPECTED_LANGUAGES);
        private boolean redactPii;

        private Builder() {
        }

        /** Skips detection and transcribes in this language. */
        public Builder languageHint(Language language) {
            this.languageHint = Optional.of(Objects.requireNonNull(language, "languageHint"));
            return this;
        }

        /** @throws IllegalArgumentException if empty */
        public Builder expectedLanguages(Set<Language> languages) {
            Objects.requireNonNull(languages, "expectedLanguages");
            if (languages.isEmpty()) {
                throw new IllegalArgumentException("expectedLanguages must not be empty");
            }
            this.expectedLanguages = new TreeSet<>(languages);
            return this;
        }

        /** Default false. */
        public Builder redactPii(boolean redactPii) {
            this.redactPii = redactPii;
            return this;
        }

        public TranscriptionOptions build() {
            return new TranscriptionOptions(languageHint, expectedLanguages, redactPii);
        }
    }
}
