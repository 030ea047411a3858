package dev.interviewagent.core.internal.knowledge;

import dev.interviewagent.core.Language;
import dev.interviewagent.core.analysis.AnswerAnalysis;
import dev.interviewagent.core.guide.Stage;
import dev.interviewagent.core.internal.knowledge.RuleBasedKnowledgeExtractor;
import dev.interviewagent.core.knowledge.KnowledgeItem;
import java.util.List;

/**
 * Takes knowledge out of one answer, in the expert's own words (lightly trimmed), linked to the stage and the turn it
 * came from: concrete examples, processes with ordered steps, failure modes with warning signs, consequences and
 * fixes, metrics with units, development milestones, competencies by level, key insights, and gaps ("not my area").
 *
 * <p>Implementations are pure functions of their input: thread-safe, non-blocking (no I/O) and deterministic, so the
 * engine can re-run them on recovery. The items of one call are already deduplicated among themselves; merge them
 * into an interview's collection with the engine's merger (an internal class), which is also the path for items an LLM brain
 * returns. Implementations never log the answer.
 */
public interface KnowledgeExtractor {

    /**
     * Extracts the knowledge in one answer.
     *
     * @param answer     the answer as received (may be empty or very long; never null)
     * @param analysis   the analysis of the same answer, from {@link dev.interviewagent.core.internal.analysis.AnswerAnalyzer}
     * @param stage      the stage the answer was given in; every item carries it
     * @param turnNumber the number of the respondent turn in the interview's turn log (≥ 0); every item carries it
     * @param language   the interview's language (both languages' rules run whatever it is)
     * @return the items found, in order of appearance within each kind, with source
     *         {@link KnowledgeItem#SOURCE_ANALYZER}; empty when nothing was found; never null
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if {@code turnNumber} is negative
     */
    List<KnowledgeItem> extract(String answer, AnswerAnalysis analysis, Stage stage, int turnNumber,
            Language language);

    /**
     * The built-in rule-based extractor for English and Russian. Each call builds a new instance and compiles the
     * lexicons, so create one and share it: instances are immutable and thread-safe. It reads the first 20 000
     * characters of an answer and takes at most 50 items of each kind from one answer.
     */
    static KnowledgeExtractor standard() {
        return new RuleBasedKnowledgeExtractor();
    }
}
