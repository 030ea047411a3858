package dev.interviewagent.core.internal.analysis;

import dev.interviewagent.core.Language;
import dev.interviewagent.core.analysis.AnswerAnalysis;
import dev.interviewagent.core.analysis.AnswerLength;
import dev.interviewagent.core.analysis.Engagement;
import dev.interviewagent.core.internal.analysis.PhraseMatcher.Match;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The built-in answer analyzer: English and Russian phrase rules from {@link Lexicon}, numbers from
 * {@link NumberFinder}, lists and ratings from precompiled patterns. Both languages' rules run on every answer,
 * whatever the interview language, because respondents mix languages and the two lexicons cannot collide (different
 * scripts). Pure, deterministic and thread-safe: all state is built in the constructor and never changes.
 *
 * <p>Phrase, number, list and language rules read at most the first {@link #ANALYSIS_WINDOW} characters; the word
 * count always covers the whole text. That keeps a 1 MB paste to a bounded cost, and a respondent who writes that
 * much is long, engaged and due for a summary check whatever the tail says.
 */
public final class RuleBasedAnswerAnalyzer implements AnswerAnalyzer {

    /** Characters read by the phrase, number, list and language rules. */
    public static final int ANALYSIS_WINDOW = 20_000;

    /** A "don't know" phrase marks a gap when the answer is shorter than this many words… */
    static final int DONT_KNOW_SHORT_ANSWER = 25;
    /** …or when it leads the answer (starts within these first tokens) and nothing concrete follows. */
    static final int DONT_KNOW_LEADING_TOKENS = 3;

    private static final String BULLETS = "-*•–—·";
    private static final Set<String> RATING_KEYWORDS = Set.of("rate", "rating", "score", "give", "оценка", "оценки",
            "оценку", "оценке", "оцениваю", "оценил", "оценила", "оценили", "ставлю", "поставлю", "поставил",
            "поставила", "поставили");
    private static final Set<String> RATING_VALUES = Set.of("1", "2", "3", "4", "one", "two", "three", "four",
            "один", "одна", "два", "две", "три", "четыре");

    private static final String RATING_WORD = "[1-4]|one|two|three|four|один|одна|одну|два|две|три|четыре"
            + "|единиц[ау]|двойк[ау]|тройк[ау]|четв[её]рк[ау]";
    private static final Pattern RATING_OUT_OF = Pattern.compile(
            "(?<![\\p{L}\\p{N}])(?<r>[1-4]|one|two|three|four|один|одна|два|две|три|четыре)\\s*"
                    + "(?:/|out of|из)\\s*(?:4|four|четыр[её]х)(?![\\p{N}])(?!\\s*of\\b)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern RATING_KEYWORD = Pattern.compile(
            "(?<![\\p{L}])(?:rate(?:\\s+(?:it|this|that|the summary|you|the"
                    + " interview))?|rating|score|give\\s+(?:it|this"
                    + "|that|the summary)|оценк[аиуе]|оцениваю|оценил[аи]?|ставлю|поставлю|поставил[аи]?)"
                    + "[\\s:—–-]*(?:(?:is|of|as|на|это|a|an)\\s+)?(?<r>" + RATING_WORD + ")(?![\\p{L}\\p{N}])"
                    + "(?!\\s*(?:/|out of|из)\\s*(?:[5-9]|10|five|ten|пяти|десяти))"
                    + "(?=\\s*(?:$|[.,;:!?)—–-]|/|out of|из|because|since|for|as|потому|за|так как|i\\s|я\\s))",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern RATING_ONLY = Pattern.compile(
            "^\\s*(?<r>[1-4])\\s*[.!)]?\\s*$");

    private final PhraseMatcher matcher;
    private final Map<Language, PhraseMatcher> packMatchers = new ConcurrentHashMap<>();
    private final NumberFinder numbers;

    /** Compiles the English and Russian analysis lexicons. */
    public RuleBasedAnswerAnalyzer() {
        this.matcher = new PhraseMatcher(List.of(Lexicon.ENGLISH_ANALYSIS, Lexicon.RUSSIAN_ANALYSIS));
        this.numbers = new NumberFinder();
    }

    /**
     * The built-in lexicons, plus the pack's own for an interview in a pack language (compiled on first use), so
     * English and Russian answers read exactly the same whichever packs are on the classpath.
     */
    private PhraseMatcher matcher(Language language) {
        if (language == null || language.isBuiltIn()) {
            return matcher;
        }
        return packMatchers.computeIfAbsent(language, pack -> new PhraseMatcher(
                List.of(Lexicon.ENGLISH_ANALYSIS, Lexicon.RUSSIAN_ANALYSIS, Lexicon.analysis(pack))));
    }

    @Override
    public AnswerAnalysis analyze(String text, Language language) {
        String answer = text == null ? "" : text;
        TokenizedText tokens = TokenizedText.of(answer, ANALYSIS_WINDOW);
        String window = answer.length() > ANALYSIS_WINDOW ? answer.substring(0, ANALYSIS_WINDOW) : answer;
        Map<Signal, List<Match>> found = PhraseMatcher.bySignal(matcher(language).find(tokens));
        int words = tokens.wordCount();

        List<String> evasive = quotes(tokens, found.getOrDefault(Signal.EVASIVE, List.of()));
        boolean hasExample = found.containsKey(Signal.EXAMPLE);
        boolean hasSteps = found.getOrDefault(Signal.STEP, List.of()).size() >= 2 || hasList(tokens, window);

        RatingHit rating = rating(tokens, window);
        List<String> numberPhrases = new ArrayList<>();
        for (NumberFinder.Found number : numbers.find(tokens, window.length(), rating.start(), rating.end())) {
            numberPhrases.add(number.phrase());
        }
        boolean hasNumbers = !numberPhrases.isEmpty();

        boolean dontKnow = dontKnow(found.getOrDefault(Signal.DONT_KNOW, List.of()), words,
                hasExample || hasSteps || hasNumbers);

        return new AnswerAnalysis(
                words,
                AnswerLength.ofWords(words),
                evasive,
                hasExample,
                hasSteps,
                hasNumbers,
                found.containsKey(Signal.FAILURE),
                found.containsKey(Signal.FIX),
                found.containsKey(Signal.REFUSAL),
                found.containsKey(Signal.DISCOMFORT),
                found.containsKey(Signal.STOP),
                dontKnow,
                found.containsKey(Signal.INSTRUCTION),
                engagement(words, hasExample),
                detectLanguage(window, language),
                numberPhrases,
                rating.value());
    }

    /** The matched phrases exactly as written, first occurrence of each, in order of appearance. */
    private static List<String> quotes(TokenizedText tokens, List<Match> matches) {
        Set<String> out = new LinkedHashSet<>();
        for (Match m : matches) {
            out.add(tokens.original(m.from(), m.to() - 1));
        }
        return List.copyOf(out);
    }

    /**
     * A list of two or more items: bullet lines ("- a", "• b"), or numbered items 1 and 2, on their own lines or
     * inline ("1) … 2) …"). Written as plain loops: this runs on every answer.
     */
    static boolean hasList(TokenizedText tokens, String window) {
        if (bulletLines(window) >= 2) {
            return true;
        }
        boolean one = false;
        boolean two = false;
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.token(i);
            if (!token.equals("1") && !token.equals("2")) {
                continue;
            }
            int start = tokens.start(i);
            int end = tokens.end(i);
            if (end + 1 >= window.length()) {
                continue;
            }
            char marker = window.charAt(end);
            char after = window.charAt(end + 1);
            boolean markerOk = (marker == '.' || marker == ')') && (after == ' ' || after == '\t');
            char before = start == 0 ? '\n' : window.charAt(start - 1);
            boolean beforeOk = Character.isWhitespace(before) || before == ':' || before == ';';
            if (markerOk && beforeOk) {
                one |= token.equals("1");
                two |= token.equals("2");
                if (one && two) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int bulletLines(String text) {
        int count = 0;
        int lineStart = 0;
        int length = text.length();
        while (lineStart < length) {
            int i = lineStart;
            while (i < length && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
                i++;
            }
            if (i + 1 < length && BULLETS.indexOf(text.charAt(i)) >= 0
                    && (text.charAt(i + 1) == ' ' || text.charAt(i + 1) == '\t')) {
                count++;
            }
            int next = text.indexOf('\n', i);
            if (next < 0) {
                break;
            }
            lineStart = next + 1;
        }
        return count;
    }

    /**
     * "I don't know" is a gap only when the answer is short, or when the phrase leads the answer and nothing
     * concrete follows: "I don't know how people manage without checklists — first I…, then I…" is an answer.
     */
    private static boolean dontKnow(List<Match> matches, int words, boolean concrete) {
        if (matches.isEmpty()) {
            return false;
        }
        if (words < DONT_KNOW_SHORT_ANSWER) {
            return true;
        }
        return matches.get(0).from() < DONT_KNOW_LEADING_TOKENS && !concrete;
    }

    static Engagement engagement(int words, boolean hasExample) {
        if (words > 200 || (words >= 50 && hasExample)) {
            return Engagement.HIGH;
        }
        return words >= 50 ? Engagement.MEDIUM : Engagement.LOW;
    }

    /**
     * Cyrillic versus Latin letters: 60 % or more of either decides (the interview's language when it is written
     * in that script, else Russian or English); a mix in between falls back to the interview's language; no Latin
     * or Cyrillic letters at all gives null.
     */
    static @Nullable Language detectLanguage(String text, Language hint) {
        int cyrillic = 0;
        int latin = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z')) {
                latin++;
                continue;
            }
            if (cp >= 0x0400 && cp <= 0x04FF) {
                if (Character.isLetter(cp)) {
                    cyrillic++;
                }
                continue;
            }
            if (cp < 0xC0 || !Character.isLetter(cp)) {
                continue;
            }
            Character.UnicodeScript script = Character.UnicodeScript.of(cp);
            if (script == Character.UnicodeScript.CYRILLIC) {
                cyrillic++;
            } else if (script == Character.UnicodeScript.LATIN) {
                latin++;
            }
        }
        int total = cyrillic + latin;
        if (total == 0) {
            return null;
        }
        String hintScript = hint == null ? "" : hint.pack().script();
        if (cyrillic * 10 >= total * 6) {
            return hintScript.equals("cyrillic") ? hint : Language.RUSSIAN;
        }
        if (latin * 10 >= total * 6) {
            return hintScript.equals("latin") ? hint : Language.ENGLISH;
        }
        return hint;
    }

    private record RatingHit(@Nullable Integer value, int start, int end) {
        static final RatingHit NONE = new RatingHit(null, -1, -1);
    }

    /**
     * A 1–4 rating clearly given: "3/4", "3 out of 4", "I'd rate it 3", "оценка 4", "ставлю 3", or just "4". The
     * patterns are anchored at candidate tokens only, so an answer without a rating costs one pass over its tokens.
     */
    private static RatingHit rating(TokenizedText tokens, String window) {
        Matcher m = RATING_ONLY.matcher(window);
        if (m.matches()) {
            return new RatingHit(ratingValue(m.group("r")), m.start("r"), m.end("r"));
        }
        Matcher outOf = null;
        Matcher keyword = null;
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.token(i);
            int start = tokens.start(i);
            if (start >= window.length()) {
                break;
            }
            if (RATING_VALUES.contains(token)) {
                if (outOf == null) {
                    outOf = anchored(RATING_OUT_OF, window);
                }
                outOf.region(start, window.length());
                if (outOf.lookingAt()) {
                    return new RatingHit(ratingValue(outOf.group("r")), outOf.start(), outOf.end());
                }
            } else if (RATING_KEYWORDS.contains(token)) {
                if (keyword == null) {
                    keyword = anchored(RATING_KEYWORD, window);
                }
                keyword.region(start, window.length());
                if (keyword.lookingAt()) {
                    return new RatingHit(ratingValue(keyword.group("r")), keyword.start("r"), keyword.end("r"));
                }
            }
        }
        return RatingHit.NONE;
    }

    private static Matcher anchored(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        matcher.useTransparentBounds(true);
        matcher.useAnchoringBounds(false);
        return matcher;
    }

    private static @Nullable Integer ratingValue(String word) {
        String w = TokenizedText.normalise(word);
        if (w.length() == 1 && Character.isDigit(w.charAt(0))) {
            return w.charAt(0) - '0';
        }
        if (w.equals("one") || w.startsWith("один") || w.equals("одна") || w.equals("одну") || w.startsWith("единиц")) {
            return 1;
        }
        if (w.equals("two") || w.equals("два") || w.equals("две") || w.startsWith("двойк")) {
            return 2;
        }
        if (w.equals("three") || w.equals("три") || w.startsWith("тройк")) {
            return 3;
        }
        if (w.equals("four") || w.equals("четыре") || w.startsWith("четверк")) {
            return 4;
        }
        return null;
    }
}
