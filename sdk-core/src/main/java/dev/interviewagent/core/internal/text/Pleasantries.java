package dev.interviewagent.core.internal.text;

import dev.interviewagent.core.Language;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Greetings and pleasantries at the start of an answer ("Hello! Happy to help.", «Здравствуйте! Рада помочь.»):
 * polite, and never worth quoting back or keeping as knowledge.
 */
public final class Pleasantries {

    private static final Map<Language, Pattern> LEADING = new ConcurrentHashMap<>();

    private Pleasantries() {
    }

    /** The answer without its leading greeting and pleasantry sentences (the whole answer if that is all it is). */
    public static String strip(String answer, Language language) {
        String rest = leading(language).matcher(answer).replaceFirst("").strip();
        return rest.isEmpty() ? answer.strip() : rest;
    }

    /** Whether the answer is nothing but greetings and pleasantries. */
    public static boolean only(String answer, Language language) {
        return leading(language).matcher(answer).replaceFirst("").isBlank();
    }

    /** {@link #strip(String, Language)} with the built-in languages' pleasantries. */
    public static String strip(String answer) {
        return strip(answer, Language.ENGLISH);
    }

    /** {@link #only(String, Language)} with the built-in languages' pleasantries. */
    public static boolean only(String answer) {
        return only(answer, Language.ENGLISH);
    }

    /** Leading sentences that open on a pleasantry: the {@code pleasantries} lists of the packs' patterns.json. */
    private static Pattern leading(Language language) {
        return LEADING.computeIfAbsent(language, l -> Pattern.compile(
                "^(?:\\s*(?:(?:" + PackWords.sharedAlternation(l, "pleasantries") + ")[^.!?\\n]{0,40}[.!?\\n]+))+",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
    }
}
