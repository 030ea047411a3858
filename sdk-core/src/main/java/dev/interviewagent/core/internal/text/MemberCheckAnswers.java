package dev.interviewagent.core.internal.text;

import dev.interviewagent.core.Language;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an answer to the member check: tells a plain confirmation ("Yes, that's right. 4") from a correction, and
 * takes the correction itself out of the courtesy around it ("Mostly right. Point 2 should say: X. I'd rate it 3."
 * gives "X").
 */
public final class MemberCheckAnswers {

    /**
     * Words of a plain confirmation or a bare rating: a sentence made only of these corrects nothing. The
     * {@code confirmation_words} lists of the packs' words.json.
     */
    private static final String CONFIRMATION_WORDS = "confirmation_words";

    private static final Pattern POINTED = Pattern.compile(
            "(?:point|item|number|insight|пункт|номер|вывод)\\s*(?:#|№)?\\s*[1-9][^:]{0,60}:\\s*(.+)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
    private static final Pattern LEADING_INDEX = Pattern.compile("^\\s*(?:#|№)?\\s*[1-9]\\s*[.)\\-:—]\\s*");

    private MemberCheckAnswers() {
    }

    /** {@link #isPlainConfirmation(String, Language)} with the built-in languages' words. */
    public static boolean isPlainConfirmation(String answer) {
        return isPlainConfirmation(answer, Language.ENGLISH);
    }

    /** Whether the answer only confirms and/or rates, correcting nothing. */
    public static boolean isPlainConfirmation(String answer, Language language) {
        Set<String> words = PackWords.sharedWords(language, CONFIRMATION_WORDS);
        for (String sentence : sentences(answer)) {
            if (!onlyConfirmation(sentence, words)) {
                return false;
            }
        }
        return true;
    }

    /** {@link #correctionText(String, Language)} with the built-in languages' words. */
    public static String correctionText(String answer) {
        return correctionText(answer, Language.ENGLISH);
    }

    /** The correction in the expert's words, without the confirmation, the rating or the point number. */
    public static String correctionText(String answer, Language language) {
        Set<String> words = PackWords.sharedWords(language, CONFIRMATION_WORDS);
        List<String> kept = new ArrayList<>();
        for (String sentence : sentences(answer)) {
            if (!onlyConfirmation(sentence, words)) {
                kept.add(sentence);
            }
        }
        String text = String.join(" ", kept).strip();
        Matcher pointed = POINTED.matcher(text);
        if (pointed.find()) {
            text = pointed.group(1).strip();
        }
        text = LEADING_INDEX.matcher(text).replaceFirst("").strip();
        return text.isEmpty() ? answer.strip() : text;
    }

    private static boolean onlyConfirmation(String sentence, Set<String> words) {
        for (String word : sentence.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}']+")) {
            if (!word.isEmpty() && !words.contains(word)) {
                return false;
            }
        }
        return true;
    }

    private static List<String> sentences(String text) {
        List<String> out = new ArrayList<>();
        for (String part : text.strip().split("(?<=[.!?…])\\s+")) {
            if (!part.isBlank()) {
                out.add(part.strip());
            }
        }
        return out;
    }
}
