package dev.interviewagent.core.internal.understanding;

import dev.interviewagent.core.Language;
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

    private static final java.util.Set<String> EXTRA_FUNCTION_WORDS = java.util.Set.of(
            "i", "we", "you", "he", "she", "me", "us", "him", "her", "them", "my", "our", "your", "his", "its",
            "i'm", "i've", "i'd", "we'd", "it's", "that's", "there's", "you'd", "had", "has", "have", "do",
            "did", "does", "were", "been", "so", "just", "very", "about", "all", "some", "what", "when", "who",
            "which", "those", "up", "out", "from", "over", "again", "also", "too", "get", "got", "really", "only",
            "это", "эта", "этот", "вот", "ну", "же", "там", "тут", "уже", "те", "тех", "теми", "та", "ту", "той");

    private final Language language;
    private final Map<Cue, PhraseSet> sets = new EnumMap<>(Cue.class);
    private final CharArraySet stopWords;

    private Lexicon(Language language, Map<Cue, List<String>> lists) {
        this.language = language;
        WordStemmer stemmer = WordStemmer.forLanguage(language);
        for (Cue cue : Cue.values()) {
            sets.put(cue, PhraseSet.compile(lists.getOrDefault(cue, List.of()), stemmer));
        }
        stopWords = language == Language.RUSSIAN
                ? RussianAnalyzer.getDefaultStopSet()
                : EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;
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

    /** Function words: Lucene's stop set plus the pronouns and auxiliaries it leaves out for search. */
    boolean isStopWord(String norm) {
        return stopWords.contains(norm) || EXTRA_FUNCTION_WORDS.contains(norm);
    }
}
