package dev.interviewagent.core.internal.planner;

import dev.interviewagent.core.Language;
import dev.interviewagent.core.internal.text.PackWords;
import dev.interviewagent.core.internal.text.Pleasantries;
import dev.interviewagent.core.internal.understanding.AnswerReader;
import dev.interviewagent.core.internal.understanding.AnswerReading;
import dev.interviewagent.core.internal.understanding.ContentLabel;
import java.util.List;
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
    /** Sentences, and the clauses a semicolon ends: the parts a statement's main claim is looked for in. */
    private static final Pattern CLAUSE_END = Pattern.compile("(?<=[.!?…;])\\s+");
    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[.!?…;:]+$");
    /** A sentence this long says enough to be referred back to on its own. */
    private static final int RECALL_MIN_WORDS = 8;
    /** A shorter answer is no statement to ask an instance of. */
    private static final int CLAIM_MIN_ANSWER_WORDS = 8;

    private Fragments() {
    }

    /** The form a fragment is remembered by, so the same words are never quoted twice. */
    public static String normalise(String fragment) {
        return NON_WORD.matcher(fragment.toLowerCase(Locale.ROOT).replace('ё', 'е')).replaceAll(" ").strip();
    }

    /**
     * The part of an answer worth referring back to later ("Earlier you said …"): from its first sentence of at least
     * {@value #RECALL_MIN_WORDS} words, else from its longest. A short opener says less than what follows it:
     * "Twenty-two years. Eight of them in a mixed practice, then equine surgery…" is remembered by the career, and
     * "Nothing was off, I was a kid. The calf was stuck in a breech position…" by the calf, not by the denial.
     */
    public static String recallable(String answer) {
        List<String> sentences = List.of(SENTENCE_END.split(answer.strip()));
        for (int i = 0; i < sentences.size(); i++) {
            if (words(sentences.get(i)) >= RECALL_MIN_WORDS) {
                return String.join(" ", sentences.subList(i, sentences.size()));
            }
        }
        return String.join(" ", sentences.subList(longest(sentences), sentences.size()));
    }

    /** The index of the part with the most words; the first of them on a tie. */
    private static int longest(List<String> parts) {
        int longest = 0;
        for (int i = 1; i < parts.size(); i++) {
            if (words(parts.get(i)) > words(parts.get(longest))) {
                longest = i;
            }
        }
        return longest;
    }

    /** The number of words in {@code text}, as {@link #normalise} splits it. */
    private static int words(String text) {
        String normalised = normalise(text);
        return normalised.isEmpty() ? 0 : normalised.split(" ").length;
    }

    /**
     * The first item of an answer that lists several ("Turning points: my first on-call rotation in my first year,
     * leading my first major incident after two years, …" gives "my first on-call rotation in my first year"), as a
     * short fragment to ask about; null when the answer is no list or its first item is under three words.
     */
    static @Nullable String firstItem(String answer, Language language) {
        String content = firstClause(Pleasantries.strip(answer, language));
        int colon = content.indexOf(':');
        if (colon > 0 && words(content.substring(0, colon)) <= 4) {
            content = content.substring(colon + 1).strip();   // "Turning points:" labels the list
        }
        String[] items = CLAUSE_BOUNDARY.split(content, 3);
        if (items.length < 2) {
            return null;
        }
        String item = cut(items[0]);
        return words(item) < 3 ? null : item;
    }

    /**
     * The clause of a statement that carries most of it, to ask for an instance of in the expert's words ("The
     * cutting is the easy part; deciding whether to cut, and when, is the job." gives "deciding whether to cut, and
     * when, is the job"): the longest sentence or semicolon clause, cut to a fragment; null for an answer under
     * {@value #CLAIM_MIN_ANSWER_WORDS} words or a clause under four.
     */
    static @Nullable String mainClause(String answer, Language language) {
        String content = Pleasantries.strip(answer, language).strip();
        if (words(content) < CLAIM_MIN_ANSWER_WORDS) {
            return null;
        }
        List<String> clauses = List.of(CLAUSE_END.split(content));
        String best = clauses.get(longest(clauses));
        return words(best) < 4 ? null : cut(TRAILING_PUNCTUATION.matcher(best).replaceFirst(""));
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
                return words(fragment) < 3 ? null : fragment;
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
