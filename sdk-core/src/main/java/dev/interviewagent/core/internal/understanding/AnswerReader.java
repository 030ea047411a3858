package dev.interviewagent.core.internal.understanding;

import dev.interviewagent.core.Language;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Reads one expert answer and says what kind of content it carries, so the interviewer can listen: probe a story
 * that was just told, unpack "you just know", move on when the expert has nothing more, never re-ask a known fact.
 *
 * <p>Deterministic and local: no network, no model. The word lists of both languages are compiled once, in the
 * constructor; {@link #read} makes its own stemmer and scratch state, so one instance serves any number of threads.
 * Input past {@value #MAX_CHARS} characters is not read (an answer is a chat message, not a document), and every
 * step is linear in the input, so a hostile answer costs no more than a long one.
 */
public final class AnswerReader {

    /** How much of an answer is read; the rest is ignored. */
    public static final int MAX_CHARS = 20_000;

    private final Map<Language, Lexicon> lexicons = new TreeMap<>();
    private final Map<Language, FactExtractor> factExtractors = new TreeMap<>();

    /** Compiles the word lists of every supported language. */
    public AnswerReader() {
        for (Language language : Language.available()) {
            lexicons.put(language, Lexicon.forLanguage(language));
        }
        factExtractors.put(Language.ENGLISH, new EnglishFactExtractor());
        factExtractors.put(Language.RUSSIAN, new RussianFactExtractor());
    }

    /**
     * The Snowball stems of a text's content words (three letters or more; no numbers, no function words), for
     * telling whether two texts are about the same thing: "grow fast" in an answer and "people who grow fast" in a
     * question share two stems. Function words are left out because they say nothing about the subject, yet in a
     * language with many word forms («те», «тех») they differ between two texts that say the same thing.
     *
     * @param text any text; null or blank gives an empty set
     */
    public Set<String> stems(@Nullable String text, Language language) {
        Objects.requireNonNull(language, "language");
        if (text == null || text.isBlank()) {
            return Set.of();
        }
        Set<String> stems = new HashSet<>();
        Lexicon lexicon = lexicons.get(language);
        for (Token token : Tokenizer.tokenize(cap(text), WordStemmer.forLanguage(language))) {
            if (!token.digits() && token.stem().length() >= 3 && Character.isLetter(token.stem().charAt(0))
                    && (lexicon == null || !lexicon.isStopWord(token.norm()))) {
                stems.add(token.stem());
            }
        }
        return stems;
    }

    /**
     * Reads one answer.
     *
     * @param text the answer as the expert wrote it; null or blank gives {@link AnswerReading#empty()}
     * @param language the interview's language, which picks the word lists and the stemmer
     * @return what the answer carries; never null
     */
    public AnswerReading read(@Nullable String text, Language language) {
        Objects.requireNonNull(language, "language");
        if (text == null || text.isBlank()) {
            return AnswerReading.empty();
        }
        AnalysedText analysed = new AnalysedText(cap(text), lexicons.get(language));
        if (analysed.size() == 0) {
            return AnswerReading.empty();
        }
        SentenceMood mood = new SentenceMood(analysed);
        EpisodeScorer.Result episode = EpisodeScorer.score(analysed, mood);
        FatigueDetector.Result fatigue = FatigueDetector.detect(analysed, episode.anchors());
        // fact extraction is grammar in code, for the built-in languages only; a pack language reads no facts
        FactExtractor extractor = factExtractors.get(language);
        Map<FactSlot, String> facts = extractor == null ? Map.of() : extractor.extract(analysed);

        Set<ContentLabel> labels = EnumSet.noneOf(ContentLabel.class);
        addIf(labels, ContentLabel.EPISODE, episode.episode());
        addIf(labels, ContentLabel.STEPS, StepsDetector.detect(analysed));
        addIf(labels, ContentLabel.FAILURE, FailureDetector.detect(analysed, mood));
        addIf(labels, ContentLabel.PRINCIPLE, PrincipleDetector.detect(analysed, mood));
        // A retelling ("as I said, …") is never read by shape: it repeats content, it does not close a topic.
        boolean content = episode.episode() || labels.contains(ContentLabel.STEPS) || MetaDetector.detect(analysed);
        boolean done = fatigue.fatigue() || (!content && ShortAnswers.done(text, language));
        addIf(labels, ContentLabel.TACIT, TacitDetector.detect(analysed, mood)
                || (!content && !done && ShortAnswers.tacit(text, language)));
        addIf(labels, ContentLabel.FATIGUE, done);
        addIf(labels, ContentLabel.META, MetaDetector.detect(analysed));
        addIf(labels, ContentLabel.FACT, !facts.isEmpty());

        String anchor = episode.episode() ? AnchorSelector.select(analysed, mood, episode.anchors()) : null;
        List<Span> anchorSpans = new ArrayList<>();
        episode.anchors().forEach(a -> anchorSpans.add(a.span()));
        List<String> cues = CueSelector.select(analysed, anchorSpans);
        return new AnswerReading(labels, anchor, cues, facts, fatigue.tired(),
                episode.episode() && WitnessDetector.detect(analysed, mood), episode.narrative());
    }

    private static void addIf(Set<ContentLabel> labels, ContentLabel label, boolean condition) {
        if (condition) {
            labels.add(label);
        }
    }

    /** The first {@link #MAX_CHARS} characters, never splitting a surrogate pair. */
    private static String cap(String text) {
        if (text.length() <= MAX_CHARS) {
            return text;
        }
        int end = MAX_CHARS;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end);
    }
}
