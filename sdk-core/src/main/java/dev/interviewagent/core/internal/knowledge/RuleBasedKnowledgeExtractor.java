package dev.interviewagent.core.internal.knowledge;

import dev.interviewagent.core.Language;
import dev.interviewagent.core.analysis.AnswerAnalysis;
import dev.interviewagent.core.guide.Stage;
import dev.interviewagent.core.internal.analysis.Lexicon;
import dev.interviewagent.core.internal.analysis.PhraseMatcher;
import dev.interviewagent.core.internal.knowledge.KnowledgeMerger;
import dev.interviewagent.core.knowledge.KnowledgeItem;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The built-in knowledge extractor: sentence-level rules over the same tokens and lexicons as the analyzer.
 *
 * <ul>
 *   <li>EXAMPLE — the sentence with an example marker plus up to two following sentences of the same story;
 *       {@code when} is its first time phrase, {@code result} the clause from "as a result"/"в итоге".</li>
 *   <li>PROCESS — a numbered or bulleted list (title: the line before it), or else two or more step markers
 *       (first/then/after that/finally; сначала/потом/затем/в конце) cut into steps in order (title: the words before
 *       the first marker, the sentence before it, or the first step). Leading connectors are dropped from steps.</li>
 *   <li>FAILURE_MODE — consecutive failure sentences; {@code warning_signs}, {@code consequences} and {@code fix}
 *       from the sentences (or clauses) carrying those markers anywhere in the answer.</li>
 *   <li>METRIC — every number with a unit, with the clause around it; {@code value}, {@code unit}.</li>
 *   <li>MILESTONE — a time-anchored development statement ("after two years I…", "через год"); {@code when}.</li>
 *   <li>COMPETENCY — a statement about novices, mid-level people or experts; {@code level}.</li>
 *   <li>INSIGHT — a sentence with an insight marker ("the secret is", "на самом деле"); in essence and mastery, a
 *       long answer's strongest sentence when no marker was found.</li>
 *   <li>GAP — for a "don't know" answer: the topic when it can be told ("never dealt with payroll audits"), or the
 *       answer trimmed.</li>
 * </ul>
 * Texts are trimmed lightly: whitespace collapsed, list markers dropped, anything over {@link #MAX_TEXT} characters
 * cut at a word. Each kind has its rule class ({@code GapRule}, {@code ExampleRule}, …); this class runs them in
 * order over one {@link ExtractionContext}. Immutable and thread-safe.
 */
public final class RuleBasedKnowledgeExtractor implements KnowledgeExtractor {

    /** Longest item text or attribute kept, in characters. */
    public static final int MAX_TEXT = 600;

    /**
     * Most items of one kind taken from one answer (exact repeats are not counted). Bounds the work on pasted
     * documents; a real answer never comes close.
     */
    public static final int MAX_ITEMS_PER_KIND = 50;

    /** Most steps kept in one process; the rest of a pasted list is dropped. */
    public static final int MAX_STEPS = 50;

    // the order matters only for which of two equal texts is kept; it is the order of the list above
    private static final List<KnowledgeRule> RULES = List.of(new GapRule(), new ExampleRule(), new ProcessRule(),
            new FailureModeRule(), new MetricRule(), new MilestoneRule(), new CompetencyRule(), new InsightRule());

    private final PhraseMatcher matcher;
    private final Map<Language, PhraseMatcher> packMatchers = new ConcurrentHashMap<>();
    private final KnowledgeMerger merger;

    /** Compiles the analysis and extraction lexicons of both languages. */
    public RuleBasedKnowledgeExtractor() {
        this.matcher = new PhraseMatcher(List.of(Lexicon.ENGLISH_ANALYSIS, Lexicon.RUSSIAN_ANALYSIS,
                Lexicon.ENGLISH_KNOWLEDGE, Lexicon.RUSSIAN_KNOWLEDGE));
        this.merger = new KnowledgeMerger();
    }

    /** The built-in lexicons, plus a pack language's own for an interview in that language. */
    private PhraseMatcher matcher(Language language) {
        if (language.isBuiltIn()) {
            return matcher;
        }
        return packMatchers.computeIfAbsent(language, pack -> new PhraseMatcher(List.of(Lexicon.ENGLISH_ANALYSIS,
                Lexicon.RUSSIAN_ANALYSIS, Lexicon.ENGLISH_KNOWLEDGE, Lexicon.RUSSIAN_KNOWLEDGE,
                Lexicon.analysis(pack), Lexicon.knowledge(pack))));
    }

    @Override
    public List<KnowledgeItem> extract(String answer, AnswerAnalysis analysis, Stage stage, int turnNumber,
            Language language) {
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(analysis, "analysis");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(language, "language");
        if (turnNumber < 0) {
            throw new IllegalArgumentException("turnNumber must be >= 0, was " + turnNumber);
        }
        if (answer.isBlank()) {
            return List.of();
        }
        ExtractionContext c = new ExtractionContext(answer, stage, turnNumber, matcher(language), language);
        for (KnowledgeRule rule : RULES) {
            rule.apply(c, analysis);
        }
        return merger.merge(List.of(), c.items);
    }
}
