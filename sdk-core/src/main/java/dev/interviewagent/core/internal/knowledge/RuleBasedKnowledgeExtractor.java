package dev.interviewagent.core.internal.knowledge;

import dev.interviewagent.core.Language;
import dev.interviewagent.core.analysis.AnswerAnalysis;
import dev.interviewagent.core.guide.Stage;
import dev.interviewagent.core.knowledge.KnowledgeExtractor;
import dev.interviewagent.core.knowledge.KnowledgeItem;
import dev.interviewagent.core.knowledge.KnowledgeKind;
import java.util.ArrayList;
import java.util.List;

/** Placeholder: one item per signal the analyzer found. */
public final class RuleBasedKnowledgeExtractor implements KnowledgeExtractor {

    @Override
    public List<KnowledgeItem> extract(String answer, AnswerAnalysis analysis, Stage stage, int turnNumber,
                                       Language language) {
        List<KnowledgeItem> items = new ArrayList<>();
        String text = answer.length() > 300 ? answer.substring(0, 300) : answer;
        if (analysis.hasExample()) {
            items.add(KnowledgeItem.of(KnowledgeKind.EXAMPLE, text, stage, turnNumber, KnowledgeItem.SOURCE_ANALYZER));
        }
        if (analysis.hasSteps()) {
            items.add(KnowledgeItem.of(KnowledgeKind.PROCESS, text, stage, turnNumber, KnowledgeItem.SOURCE_ANALYZER));
        }
        for (String number : analysis.numbers()) {
            items.add(KnowledgeItem.of(KnowledgeKind.METRIC, number, stage, turnNumber, KnowledgeItem.SOURCE_ANALYZER));
        }
        if (analysis.hasFailure()) {
            items.add(KnowledgeItem.of(KnowledgeKind.FAILURE_MODE, text, stage, turnNumber,
                    KnowledgeItem.SOURCE_ANALYZER));
        }
        return items;
    }
}
