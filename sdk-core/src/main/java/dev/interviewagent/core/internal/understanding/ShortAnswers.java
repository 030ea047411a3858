package dev.interviewagent.core.internal.understanding;

import dev.interviewagent.core.Language;
import dev.interviewagent.core.internal.text.PackWords;
import java.util.regex.Pattern;

/**
 * The shapes of short answers that carry no content of their own, beyond fixed phrases: an expert who has run out
 * says it in a hundred ways ("I'm tapped out there", «по этой части, пожалуй, всё»), and one who knows by feel
 * talks in impersonal sense words ("it just looks off", «машина сама скажет»). The word lists catch the common
 * phrasings; these patterns catch the shape — a short answer with no story, steps or numbers, built around a word
 * of exhaustion or of impersonal perception.
 *
 * <p>The patterns are data: the {@code short_done} and {@code short_tacit} lists of the language's
 * {@code patterns.json}.
 */
final class ShortAnswers {

    /** Words an answer may have at most to be read by shape. */
    static final int MAX_WORDS = 14;

    // UNICODE_CHARACTER_CLASS: without it \\b treats Cyrillic letters as non-word characters.
    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE
            | Pattern.UNICODE_CHARACTER_CLASS;
    private static final Pattern DIGIT = Pattern.compile("\\d");

    /** The language's {@code patterns.json} lists (English's when its pack has none). */
    static final String DONE = "short_done";
    static final String TACIT = "short_tacit";

    private ShortAnswers() {
    }

    /** Whether a short answer without content says there is nothing more. */
    static boolean done(String text, Language language) {
        return shortAndBare(text) && PackWords.pattern(language, DONE, FLAGS).matcher(text.strip()).find();
    }

    /** Whether a short answer without content points to a feel, a sense, a knack. */
    static boolean tacit(String text, Language language) {
        return shortAndBare(text) && PackWords.pattern(language, TACIT, FLAGS).matcher(text).find();
    }

    private static boolean shortAndBare(String text) {
        return text.strip().split("\\s+").length <= MAX_WORDS && !DIGIT.matcher(text).find();
    }
}
