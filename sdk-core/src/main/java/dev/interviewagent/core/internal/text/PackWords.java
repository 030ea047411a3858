package dev.interviewagent.core.internal.text;

import dev.interviewagent.core.Language;
import dev.interviewagent.core.internal.lang.PackFiles;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The word lists and patterns the readers and the planner use, read from the language packs: {@code words.json}
 * (single words, matched against lower-case tokens) and {@code patterns.json} (Java regular expressions, one
 * alternative an entry). Both are JSON objects of string arrays keyed by list name; every key is optional.
 *
 * <p>Two ways to read a list, matching how the code has always used it:
 * <ul>
 *   <li><b>own</b> ({@link #words(Language, String)}, {@link #pattern(Language, String, int)}): the list of the
 *       interview's language; a pack that leaves the key out gets the English list (the same fallback the readers
 *       have always given a language they did not know);</li>
 *   <li><b>shared</b> ({@link #sharedWords(Language, String)}, {@link #sharedPattern(Language, String, int)}): lists
 *       checked whatever the language (respondents mix languages): the English entries, then the Russian ones, then
 *       those of the interview's language when it is a pack language. A pack that leaves the key out simply adds
 *       nothing.</li>
 * </ul>
 * Results are cached per language and key; thread-safe.
 */
public final class PackWords {

    /** The pack file of single-word lists. */
    public static final String WORDS = "words.json";
    /** The pack file of regular-expression lists. */
    public static final String PATTERNS = "patterns.json";

    /** A regular expression that matches nothing: an empty alternation would match everywhere. */
    private static final String NEVER = "(?!)";

    private static final Map<String, Set<String>> WORD_CACHE = new ConcurrentHashMap<>();
    private static final Map<String, Pattern> PATTERN_CACHE = new ConcurrentHashMap<>();

    private PackWords() {
    }

    /** The language's own words under {@code key}, lower case; English's when its pack has no such list. */
    public static Set<String> words(Language language, String key) {
        return WORD_CACHE.computeIfAbsent("own|" + language.code() + "|" + key,
                k -> lowerCase(own(language, WORDS, key)));
    }

    /** The English and Russian words under {@code key}, plus the language's own when it is a pack language. */
    public static Set<String> sharedWords(Language language, String key) {
        return WORD_CACHE.computeIfAbsent("shared|" + language.code() + "|" + key,
                k -> lowerCase(shared(language, WORDS, key)));
    }

    /** The language's own patterns under {@code key} as one alternation; English's when its pack has none. */
    public static Pattern pattern(Language language, String key, int flags) {
        return PATTERN_CACHE.computeIfAbsent("own|" + language.code() + "|" + key + "|" + flags,
                k -> Pattern.compile(alternation(own(language, PATTERNS, key)), flags));
    }

    /** The English and Russian patterns under {@code key}, plus the language's own, as one alternation. */
    public static Pattern sharedPattern(Language language, String key, int flags) {
        return PATTERN_CACHE.computeIfAbsent("shared|" + language.code() + "|" + key + "|" + flags,
                k -> Pattern.compile(alternation(shared(language, PATTERNS, key)), flags));
    }

    /**
     * The entries of {@link #sharedPattern} as one alternation without compiling it, for callers that wrap the
     * alternatives in a pattern of their own ({@code ^(?:…)\s+}).
     */
    public static String sharedAlternation(Language language, String key) {
        return alternation(shared(language, PATTERNS, key));
    }

    /** Whether the language's own pack has the list (an overlay counts), without the English fallback. */
    public static boolean has(Language language, String file, String key) {
        return PackFiles.json(language.pack(), file).has(key);
    }

    private static List<String> own(Language language, String file, String key) {
        if (!has(language, file, key)) {
            return entries(Language.ENGLISH, file, key);
        }
        return entries(language, file, key);
    }

    private static List<String> shared(Language language, String file, String key) {
        List<String> all = new ArrayList<>();
        for (Language builtIn : Language.builtIn()) {
            all.addAll(entries(builtIn, file, key));
        }
        if (!language.isBuiltIn()) {
            all.addAll(entries(language, file, key));
        }
        return List.copyOf(new LinkedHashSet<>(all));
    }

    private static List<String> entries(Language language, String file, String key) {
        return PackFiles.strings(PackFiles.json(language.pack(), file).path(key));
    }

    /** The entries joined by {@code |}; a list without entries gives a pattern that never matches. */
    private static String alternation(List<String> entries) {
        return entries.isEmpty() ? NEVER : String.join("|", entries);
    }

    private static Set<String> lowerCase(List<String> words) {
        Set<String> set = new LinkedHashSet<>();
        words.forEach(word -> set.add(word.toLowerCase(Locale.ROOT)));
        return Set.copyOf(set);
    }
}
