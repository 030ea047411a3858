package dev.interviewagent.core.internal.planner;

import dev.interviewagent.core.Language;
import dev.interviewagent.core.internal.text.PackWords;
import dev.interviewagent.core.internal.text.Pleasantries;
import dev.interviewagent.core.internal.understanding.AnswerReader;
import dev.interviewagent.core.internal.understanding.AnswerReading;
import dev.interviewagent.core.internal.understanding.ContentLabel;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Short fragments of an answer to quote back: content only, never a greeting, a pleasantry or a meta remark. */
public final class Fragments {

    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?…])\\s+");
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    /** "First," before a first step: the {@code step_lead} lists of the packs' patterns.json. */
    private static final Map<Language, Pattern> STEP_LEAD = new ConcurrentHashMap<>();
    private static final Pattern CLAUSE_BOUNDARY = Pattern.compile("\\s*(?:[,;:]|\\s[—–-])\\s");
    /** Longest fragment quoted, in characters. */
    static final int MAX_FRAGMENT = 90;

    private Fragments() {
    }

    /** The form a fragment is remembered by, so the same words are never quoted twice. */
    public static String normalise(String fragment) {
        return NON_WORD.matcher(fragment.toLowerCase(Locale.ROOT).replace('ё', 'е')).replaceAll(" ").strip();
    }

    /** The first step of a step-by-step answer, as a short fragment. */
    static String firstStep(String answer, Language language) {
        String content = Pleasantries.strip(answer, language);
        String first = firstClause(content);
        Pattern lead = STEP_LEAD.computeIfAbsent(language, l -> Pattern.compile(
                "^(?:" + PackWords.sharedAlternation(l, "step_lead") + ")[,:\\s—-]+",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
        return cut(lead.matcher(first).replaceFirst(""));
    }

    /**
     * The first sentence of an answer that states a rule of thumb or a mistake, as a short fragment to ask for an
     * instance of; null when no sentence does on its own.
     */
    static @Nullable String claim(String answer, Language language, AnswerReader reader) {
        for (String sentence : SENTENCE_END.split(Pleasantries.strip(answer, language))) {
            AnswerReading reading = reader.read(sentence, language);
            if (reading.has(ContentLabel.PRINCIPLE) || reading.has(ContentLabel.FAILURE)) {
                String fragment = cut(firstClause(sentence));
                return normalise(fragment).split(" ").length < 3 ? null : fragment;
            }
        }
        return null;
    }

    private static String firstClause(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c == '.' || c == ';' || c == '!' || c == '?' || c == '\n') && i > 8) {
                return text.substring(0, i).strip();
            }
        }
        return text.strip();
    }

    /**
     * A fragment of at most {@link #MAX_FRAGMENT} characters: cut at the last clause boundary (comma, colon,
     * semicolon, dash) that keeps at least four words, so the quote reads as a whole thought; else at a word boundary.
     */
    static String cut(String text) {
        String s = text.strip();
        if (s.length() <= MAX_FRAGMENT) {
            return s;
        }
        Matcher boundary = CLAUSE_BOUNDARY.matcher(s.substring(0, MAX_FRAGMENT + 1));
        int clauseEnd = -1;
        while (boundary.find()) {
            clauseEnd = boundary.start();
        }
        if (clauseEnd > 0 && s.substring(0, clauseEnd).strip().split("\\s+").length >= 4) {
            return s.substring(0, clauseEnd).strip();
        }
        int space = s.lastIndexOf(' ', MAX_FRAGMENT);
        return s.substring(0, space > MAX_FRAGMENT / 2 ? space : MAX_FRAGMENT).strip();
    }
}
