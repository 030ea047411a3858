package dev.interviewagent.core.internal.understanding;

import dev.interviewagent.core.Language;
import dev.interviewagent.core.internal.text.PackWords;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.ru.RussianAnalyzer;

/**
 * One language's word lists (its pack's {@code understanding.json}: a {@link Cue} name to patterns in
 * {@link PhraseSet} syntax, matched on Snowball stems), compiled once into {@link PhraseSet}s, plus Lucene's stop-word set for the language
 * (what counts as a content word when the reader picks a fragment to quote back). Immutable after construction.
 */
final class Lexicon {

    /** The pack file holding the word lists. */
    static final String FILE = "understanding.json";

    private final Language language;
    private final Map<Cue, PhraseSet> sets = new EnumMap<>(Cue.class);
    private final CharArraySet stopWords;
    /** The pronouns and auxiliaries Lucene's stop sets leave out for search: {@code function_words} of words.json. */
    private final java.util.Set<String> functionWords;
    private final Map<String, java.util.Set<String>> words = new java.util.concurrent.ConcurrentHashMap<>();

    private Lexicon(Language language, Map<Cue, List<String>> lists) {
        this.language = language;
        WordStemmer stemmer = WordStemmer.forLanguage(language);
        for (Cue cue : Cue.values()) {
            sets.put(cue, PhraseSet.compile(lists.getOrDefault(cue, List.of()), stemmer));
        }
        stopWords = language == Language.RUSSIAN
                ? RussianAnalyzer.getDefaultStopSet()
                : EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;
        functionWords = PackWords.sharedWords(language, "function_words");
    }

    static Lexicon forLanguage(Language language) {
        Map<Cue, List<String>> lists = new EnumMap<>(Cue.class);
        language.pack().lists(FILE).forEach((name, entries) -> {
            try {
                lists.put(Cue.valueOf(name), entries);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(language.pack().folder() + FILE + ": unknown cue " + name, e);
            }
        });
        return new Lexicon(language, lists);
    }

    Language language() {
        return language;
    }

    PhraseSet set(Cue cue) {
        return sets.get(cue);
    }

    /** A list of the packs' {@code words.json} as {@link PackWords#sharedWords} gives it, kept per lexicon. */
    java.util.Set<String> words(String key) {
        return words.computeIfAbsent(key, k -> PackWords.sharedWords(language, k));
    }

    /** Function words: Lucene's stop set plus the pronouns and auxiliaries it leaves out for search. */
    boolean isStopWord(String norm) {
        return stopWords.contains(norm) || functionWords.contains(norm);
    }
}
