package dev.interviewagent.core.internal.knowledge;

import dev.interviewagent.core.analysis.AnswerAnalysis;
import dev.interviewagent.core.internal.analysis.Signal;
import dev.interviewagent.core.knowledge.KnowledgeKind;

/**
 * MILESTONE: a time-anchored development statement ("after two years I…", "через год"); {@code when} is the time
 * phrase.
 */
final class MilestoneRule implements KnowledgeRule {

    @Override
    public void apply(ExtractionContext c, AnswerAnalysis analysis) {
        c.addMarkedSentences(KnowledgeKind.MILESTONE, Signal.MILESTONE);
    }
}
