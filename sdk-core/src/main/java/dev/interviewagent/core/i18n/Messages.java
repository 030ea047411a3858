package dev.interviewagent.core.i18n;

import dev.interviewagent.core.InterviewStatus;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.exception.ErrorCode;
import dev.interviewagent.core.guide.Stage;
import dev.interviewagent.core.internal.text.Bundles;
import java.text.MessageFormat;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeMap;

/**
 * The user-facing strings of one language: stage names and emoji, statuses, error texts, buttons, prompts and
 * help. Channels use it so that everything the respondent sees is in the interview's one language.
 *
 * <p>Backed by the resource bundle {@value #BUNDLE} ({@code messages.properties} in English, the default, and
 * {@code messages_ru.properties}), read as UTF-8. The JVM's default locale never leaks in: English is the base
 * bundle and Russian is looked up explicitly. Values are {@link MessageFormat} patterns, so {@code {0}} is the
 * first argument and a literal apostrophe must be written {@code ''} (the bundles use the typographic {@code ’}).
 *
 * <p>Immutable and thread-safe; an instance holds a copy of the bundle's strings. {@link #forLanguage} reads the
 * bundle (cached by the JDK), so hosts may call it per message or keep one instance per language.
 *
 * <pre>{@code
 * Messages ru = Messages.forLanguage(Language.RUSSIAN);
 * String title = ru.stageName(Stage.OPERATIONS);          // "Рабочие процессы"
 * String line = ru.get("progress.stage", 4, 9, title);   // "Этап 4 из 9: Рабочие процессы"
 * }</pre>
 */
public final class Messages {

    /** The base name of the resource bundle. */
    public static final String BUNDLE = "dev.interviewagent.core.i18n.messages";

    private final Language language;
    private final Map<String, String> strings;

    private Messages(Language language, Map<String, String> strings) {
        this.language = language;
        this.strings = strings;
    }

    /**
     * The strings of one language.
     *
     * @throws NullPointerException     if {@code language} is null
     * @throws MissingResourceException if the bundle is not on the classpath (a packaging error)
     */
    public static Messages forLanguage(Language language) {
        Objects.requireNonNull(language, "language");
        ResourceBundle bundle = Bundles.load(BUNDLE, language.locale(), Messages.class.getClassLoader(),
                name -> Messages.class.getResourceAsStream(name));
        Map<String, String> strings = new TreeMap<>();
        for (Enumeration<String> keys = bundle.getKeys(); keys.hasMoreElements(); ) {
            String key = keys.nextElement();
            strings.put(key, bundle.getString(key));
        }
        return new Messages(language, Collections.unmodifiableMap(strings));
    }

    /** The language of these strings. */
    public Language language() {
        return language;
    }

    /**
     * The string for {@code key}, formatted with {@code args} by {@link MessageFormat} in the language's locale.
     *
     * @param key  a key such as {@code error.busy} or {@code stage.operations}
     * @param args the values of the pattern's {@code {0}}, {@code {1}} … placeholders
     * @throws IllegalArgumentException if there is no string for {@code key} in this language
     * @throws NullPointerException     if {@code key} is null
     */
    public String get(String key, Object... args) {
        return new MessageFormat(pattern(key), language.locale()).format(args);
    }

    /**
     * The raw pattern for {@code key}, unformatted.
     *
     * @throws IllegalArgumentException if there is no string for {@code key} in this language
     */
    public String pattern(String key) {
        Objects.requireNonNull(key, "key");
        String pattern = strings.get(key);
        if (pattern == null) {
            throw new IllegalArgumentException("no localised message '" + key + "' for language " + language.code()
                    + " in bundle " + BUNDLE);
        }
        return pattern;
    }

    /** Whether there is a string for {@code key}. */
    public boolean contains(String key) {
        return strings.containsKey(key);
    }

    /** Every key available in this language (including those inherited from the English base bundle). */
    public Set<String> keys() {
        return strings.keySet();
    }

    /** The display name of a stage ({@code stage.<code>}). */
    public String stageName(Stage stage) {
        return get("stage." + stage.code());
    }

    /** The emoji of a stage ({@code stage.<code>.emoji}). */
    public String stageEmoji(Stage stage) {
        return get("stage." + stage.code() + ".emoji");
    }

    /** The display text of an interview status ({@code status.<code>}). */
    public String status(InterviewStatus status) {
        return get("status." + status.code());
    }

    /** A friendly text for an error ({@code error.<wire value>}). */
    public String error(ErrorCode code) {
        return get("error." + code.wireValue());
    }

    @Override
    public String toString() {
        return "Messages[" + language.code() + ", " + strings.size() + " keys]";
    }
}
