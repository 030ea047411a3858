package dev.interviewagent.core.internal.knowledge;

import dev.interviewagent.core.analysis.AnswerAnalysis;

/**
 * The rule for one {@link dev.interviewagent.core.knowledge.KnowledgeKind}: finds items of its kind in an answer
 * and adds them to the context. Rules run in a fixed order over one shared context, so that the item limit and the
 * duplicate check see every kind.
 */
interface KnowledgeRule {

    /** Adds what this rule finds in the answer {@code c} holds; {@code analysis} is the analyzer's view of it. */
    void apply(ExtractionContext c, AnswerAnalysis analysis);
}
