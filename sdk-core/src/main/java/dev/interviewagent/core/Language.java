package dev.interviewagent.core;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.interviewagent.core.lang.LanguagePack;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The language of an interview. One language holds for the whole interview: questions, buttons, errors and
 * summaries all use it.
 *
 * <p>A language is a value backed by a {@link LanguagePack}: a folder of resources
 * ({@code dev/interviewagent/core/lang/<code>/}) holding its word lists, guard patterns, templates and stage texts.
 * English and Russian are built in; a host adds a language by putting a pack on the classpath and naming its code in
 * a {@code META-INF/interview-agent/languages} index (see {@link LanguagePack} and {@code docs/languages.md}).
 * {@link #available()} lists them all.
 *
 * <p>There is one instance per code, so languages may be compared with {@code ==} as well as {@code equals}.
 * Ordered as listed by {@link #available()}: the built-in languages first, then the packs found on the classpath
 * by code.
 */
public final class Language implements Comparable<Language> {

    /** English, built in. */
    public static final Language ENGLISH = new Language("en", Locale.ENGLISH, 0);
    /** Russian, built in. */
    public static final Language RUSSIAN = new Language("ru", Locale.forLanguageTag("ru"), 1);

    private static final List<Language> BUILT_IN = List.of(ENGLISH, RUSSIAN);

    private final String code;
    private final Locale locale;
    private final int order;

    private Language(String code, Locale locale, int order) {
        this.code = code;
        this.locale = locale;
        this.order = order;
    }

    /** Creates the language of a pack found on the classpath; only the registry calls it. */
    static Language discovered(String code, Locale locale, int order) {
        return new Language(code, locale, order);
    }

    /** The ISO 639-1 code used on the wire and in storage, such as {@code en} or {@code ru}. */
    @JsonValue
    public String code() {
        return code;
    }

    /** The locale used to load localised strings. */
    public Locale locale() {
        return locale;
    }

    /** The resources of this language: word lists, guard patterns, templates and stage texts. */
    public LanguagePack pack() {
        return LanguagePack.of(this);
    }

    /** Whether this is one of the languages built into the SDK (English and Russian). */
    public boolean isBuiltIn() {
        return BUILT_IN.contains(this);
    }

    /** The built-in languages, English then Russian. */
    public static List<Language> builtIn() {
        return BUILT_IN;
    }

    /**
     * Every language available: the built-in ones, then the packs listed by a
     * {@code META-INF/interview-agent/languages} index on the classpath, by code. Replaces the enum's
     * {@code values()}.
     */
    public static List<Language> available() {
        return LanguageRegistry.available();
    }

    /**
     * Finds a language by its code, case-insensitively; a region is ignored ({@code ru-RU} is Russian).
     *
     * @return the language, or empty for null, blank or unavailable codes
     */
    public static Optional<Language> fromCode(String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        String primary = code.trim().toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
        for (Language language : available()) {
            if (language.code.equals(primary)) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }

    /**
     * Like {@link #fromCode(String)} but for input that must be valid.
     *
     * @throws IllegalArgumentException for an unavailable code
     */
    @JsonCreator
    public static Language of(String code) {
        return fromCode(code).orElseThrow(() -> new IllegalArgumentException("unsupported language: " + code));
    }

    @Override
    public int compareTo(Language other) {
        return Integer.compare(order, other.order);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Language that && code.equals(that.code);
    }

    @Override
    public int hashCode() {
        return Objects.hash(code);
    }

    /** The upper-case name, as the enum this class replaces printed it: {@code ENGLISH}, {@code RUSSIAN}, {@code DE}. */
    @Override
    public String toString() {
        return this == ENGLISH ? "ENGLISH" : this == RUSSIAN ? "RUSSIAN" : code.toUpperCase(Locale.ROOT);
    }
}
