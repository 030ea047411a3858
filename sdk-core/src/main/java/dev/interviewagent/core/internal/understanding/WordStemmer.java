package dev.interviewagent.core.internal.understanding;

import dev.interviewagent.core.Language;
import org.tartarus.snowball.SnowballStemmer;
import org.tartarus.snowball.ext.EnglishStemmer;
import org.tartarus.snowball.ext.RussianStemmer;

/**
 * Folds an inflected word to its Snowball stem, so one lexicon entry matches every form: {@code заметил},
 * {@code заметила} and {@code заметили} all give {@code замет}; {@code mentioned} and {@code mentions} give
 * {@code mention}.
 *
 * <p>A Snowball stemmer keeps the word it works on in fields, so one instance serves one thread: the reader makes a
 * new one for each answer (cheap: the stemming tables are static).
 */
final class WordStemmer {

    private final SnowballStemmer snowball;

    private WordStemmer(SnowballStemmer snowball) {
        this.snowball = snowball;
    }

    /** A new stemmer for the language; not to be shared between threads. */
    static WordStemmer forLanguage(Language language) {
        return new WordStemmer(language == Language.RUSSIAN ? new RussianStemmer() : new EnglishStemmer());
    }

    /** The stem of a word already normalised by {@link Tokenizer#normalise(String)}. */
    String stem(String norm) {
        if (norm.isEmpty() || !Character.isLetter(norm.charAt(0))) {
            return norm;
        }
        snowball.setCurrent(norm);
        snowball.stem();
        return snowball.getCurrent();
    }
}
