package dev.interviewagent.core.knowledge;

import dev.interviewagent.core.Language;
import dev.interviewagent.core.analysis.AnswerAnalysis;
import dev.interviewagent.core.guide.Stage;
import java.util.List;

/** Takes knowledge items out of one answer, in the expert's own words. Pure and thread-safe. */
public interface KnowledgeExtractor {

    /** The items found in {@code answer}, linked to {@code stage} and {@code turnNumber}. */
    List<KnowledgeItem> extract(String answer, AnswerAnalysis analysis, Stage stage, int turnNumber, Language language);

    /** The built-in rule-based extractor. */
    static KnowledgeExtractor standard() {
        return new dev.interviewagent.core.internal.knowledge.RuleBasedKnowledgeExtractor();
    }
}
