package dev.interviewagent.core.internal.text;

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

    /** Words of a plain confirmation or a bare rating: a sentence made only of these corrects nothing. */
    private static final Set<String> CONFIRMATION_WORDS = Set.of("yes", "yeah", "yep", "correct", "right", "that",
            "that's", "thats", "is", "it", "exactly", "all", "absolutely", "sure", "fine", "good", "ok", "okay", "i'd",
            "id", "i", "would", "rate", "rating", "give", "score", "out", "of", "a", "mostly", "largely", "broadly",
            "да", "верно", "всё", "все", "так", "точно", "именно", "правильно", "согласен", "согласна", "ставлю",
            "оценка", "оцениваю", "на", "из", "поставлю", "бы", "я", "в", "целом", "основном", "in", "general",
            "overall", "1", "2", "3", "4");

    private static final Pattern POINTED = Pattern.compile(
            "(?:point|item|number|insight|пункт|номер|вывод)\\s*(?:#|№)?\\s*[1-9][^:]{0,60}:\\s*(.+)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
    private static final Pattern LEADING_INDEX = Pattern.compile("^\\s*(?:#|№)?\\s*[1-9]\\s*[.)\\-:—]\\s*");

    private MemberCheckAnswers() {
    }

    /** Whether the answer only confirms and/or rates, correcting nothing. */
    public static boolean isPlainConfirmation(String answer) {
        for (String sentence : sentences(answer)) {
            if (!onlyConfirmation(sentence)) {
                return false;
            }
        }
        return true;
    }

    /** The correction in the expert's words, without the confirmation, the rating or the point number. */
    public static String correctionText(String answer) {
        List<String> kept = new ArrayList<>();
        for (String sentence : sentences(answer)) {
            if (!onlyConfirmation(sentence)) {
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

    private static boolean onlyConfirmation(String sentence) {
        for (String word : sentence.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}']+")) {
            if (!word.isEmpty() && !CONFIRMATION_WORDS.contains(word)) {
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
