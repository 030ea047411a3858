package dev.interviewagent.core;

import java.util.Locale;
import java.util.Optional;

/**
 * The language of an interview. One language holds for the whole interview: questions, buttons, errors and
 * summaries all use it.
 */
public enum Language {
    ENGLISH("en", Locale.ENGLISH),
    RUSSIAN("ru", Locale.forLanguageTag("ru"));

    private final String code;
    private final Locale locale;

    Language(String code, Locale locale) {
        this.code = code;
        this.locale = locale;
    }

    /** The ISO 639-1 code used on the wire and in storage: {@code en} or {@code ru}. */
    @com.fasterxml.jackson.annotation.JsonValue
    public String code() {
        return code;
    }

    /** The locale used to load localised strings. */
    public Locale locale() {
        return locale;
    }

    /**
     * Finds a language by its code, case-insensitively; a region is ignored ({@code ru-RU} is Russian).
     *
     * @return the language, or empty for null, blank or unsupported codes
     */
    public static Optional<Language> fromCode(String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        String primary = code.trim().toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
        for (Language language : values()) {
            if (language.code.equals(primary)) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }

    /**
     * Like {@link #fromCode(String)} but for input that must be valid.
     *
     * @throws IllegalArgumentException for an unsupported code
     */
    @com.fasterxml.jackson.annotation.JsonCreator
    public static Language of(String code) {
        return fromCode(code).orElseThrow(() -> new IllegalArgumentException("unsupported language: " + code));
    }
}
