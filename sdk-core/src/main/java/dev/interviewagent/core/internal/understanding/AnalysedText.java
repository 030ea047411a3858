package dev.interviewagent.core.internal.understanding;

import dev.interviewagent.core.Language;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One answer, tokenised and annotated: stems, number words, past-tense verbs, and the lexicon matches, computed once
 * and cached for the scorers. Lives for one {@code read} call on one thread.
 */
final class AnalysedText {

    private final String text;
    private final Lexicon lexicon;
    private final List<Token> tokens;
    private final boolean[] numeric;
    private final boolean[] past;
    private final int sentenceCount;
    /** First token and end token of each sentence, and whether it has a past verb: asked for per token, so kept. */
    private final int[] sentenceFirst;
    private final int[] sentenceAfter;
    private final boolean[] sentencePast;
    private final Map<Cue, List<Span>> matches = new EnumMap<>(Cue.class);

    AnalysedText(String text, Lexicon lexicon) {
        this.text = text;
        this.lexicon = lexicon;
        this.tokens = Tokenizer.tokenize(text, WordStemmer.forLanguage(lexicon.language()));
        this.sentenceCount = tokens.isEmpty() ? 0 : tokens.get(tokens.size() - 1).sentence() + 1;
        this.numeric = new boolean[tokens.size()];
        PhraseSet numberWords = lexicon.set(Cue.NUMBER_WORD);
        for (int i = 0; i < tokens.size(); i++) {
            numeric[i] = tokens.get(i).digits() || numberWords.startsAt(this, i) || isCompoundNumber(i);
        }
        PastTense tense = lexicon.language() == Language.RUSSIAN ? RussianPastTense.INSTANCE
                : EnglishPastTense.INSTANCE;
        this.past = new boolean[tokens.size()];
        for (int i = 0; i < tokens.size(); i++) {
            past[i] = tense.isPast(this, i);
        }
        this.sentenceFirst = new int[sentenceCount];
        this.sentenceAfter = new int[sentenceCount];
        this.sentencePast = new boolean[sentenceCount];
        java.util.Arrays.fill(sentenceFirst, -1);
        for (int i = 0; i < tokens.size(); i++) {
            int s = tokens.get(i).sentence();
            if (sentenceFirst[s] < 0) {
                sentenceFirst[s] = i;
            }
            sentenceAfter[s] = i + 1;
            sentencePast[s] |= past[i];
        }
    }

    /** "thirty-one", "twenty-five": both halves are number words. */
    private boolean isCompoundNumber(int i) {
        String norm = tokens.get(i).norm();
        int dash = norm.indexOf('-');
        return dash > 0 && lexicon.language() == Language.ENGLISH
                && ENGLISH_TENS.contains(norm.substring(0, dash));
    }

    private static final java.util.Set<String> ENGLISH_TENS =
            java.util.Set.of("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety");

    String text() {
        return text;
    }

    Lexicon lexicon() {
        return lexicon;
    }

    Language language() {
        return lexicon.language();
    }

    int size() {
        return tokens.size();
    }

    Token token(int i) {
        return tokens.get(i);
    }

    int sentenceCount() {
        return sentenceCount;
    }

    /** Whether the token is a number, in digits or in words (needed before {@link #isPast}, so set up first). */
    boolean numeric(int i) {
        return numeric != null && numeric[i];
    }

    boolean isPast(int i) {
        return past[i];
    }

    /** Whether the token is the norm given (already normalised). */
    boolean is(int i, String norm) {
        return i >= 0 && i < tokens.size() && tokens.get(i).norm().equals(norm);
    }

    /**
     * Whether the token is a word of the list {@code key} of the packs' {@code words.json}: the English and Russian
     * entries, plus the text's own language's when it is a pack language.
     */
    boolean inList(int i, String key) {
        return i >= 0 && i < tokens.size() && words(key).contains(tokens.get(i).norm());
    }

    /** The list {@code key} of the packs' {@code words.json}, as {@link #inList} reads it. */
    java.util.Set<String> words(String key) {
        return lexicon.words(key);
    }

    boolean isStopWord(int i) {
        return lexicon.isStopWord(tokens.get(i).norm());
    }

    /**
     * Every match of a word list, cached. A list with an {@linkplain Cue#exceptions() exception list} loses the
     * matches an exception overlaps: "error" in "the error budget" names no mistake.
     */
    List<Span> find(Cue cue) {
        List<Span> found = matches.get(cue);
        if (found == null) {
            List<Span> all = lexicon.set(cue).findAll(this);
            List<Span> excepted = cue.exceptions() == null ? List.of() : find(cue.exceptions());
            found = excepted.isEmpty() ? List.copyOf(all)
                    : all.stream().filter(span -> excepted.stream().noneMatch(span::overlaps)).toList();
            matches.put(cue, found);
        }
        return found;
    }

    boolean has(Cue cue) {
        return !find(cue).isEmpty();
    }

    /** End of the list's match starting at token {@code i}, or -1 (also where an exception overlaps it). */
    int matchAt(Cue cue, int i) {
        int end = lexicon.set(cue).matchAt(this, i);
        if (end > i && cue.exceptions() != null) {
            Span match = new Span(i, end);
            if (find(cue.exceptions()).stream().anyMatch(match::overlaps)) {
                return -1;
            }
        }
        return end;
    }

    boolean startsWith(Cue cue, int i) {
        return i >= 0 && i < tokens.size() && matchAt(cue, i) > i;
    }

    /** Whether any match of the list lies in the sentence. */
    boolean sentenceHas(Cue cue, int sentence) {
        for (Span span : find(cue)) {
            if (tokens.get(span.start()).sentence() == sentence) {
                return true;
            }
        }
        return false;
    }

    /** Index of the first token of the sentence holding token {@code i}. */
    int sentenceStart(int i) {
        if (sentenceFirst == null) {
            // asked while the tense flags are being set up (the English test looks back one or two tokens)
            int s = tokens.get(i).sentence();
            int j = i;
            while (j > 0 && tokens.get(j - 1).sentence() == s) {
                j--;
            }
            return j;
        }
        return sentenceFirst[tokens.get(i).sentence()];
    }

    /** Index after the last token of the sentence holding token {@code i}. */
    int sentenceEnd(int i) {
        return sentenceAfter[tokens.get(i).sentence()];
    }

    /** Whether the sentence holds a past-tense verb. */
    boolean sentenceHasPast(int sentence) {
        return sentencePast[sentence];
    }

    /** Whether a past verb lies within {@code distance} tokens of {@code i}, in the same sentence. */
    boolean pastNear(int i, int distance) {
        int sentence = tokens.get(i).sentence();
        for (int j = Math.max(0, i - distance); j <= Math.min(tokens.size() - 1, i + distance); j++) {
            if (j != i && past[j] && tokens.get(j).sentence() == sentence) {
                return true;
            }
        }
        return false;
    }

    /** The original text from the start of token {@code from} to the end of token {@code to - 1}. */
    String slice(int from, int to) {
        return text.substring(tokens.get(from).start(), tokens.get(to - 1).end());
    }
}
