/**
 * The knowledge items an interview collects, per stage, with a link to the turn they came from.
 * {@link dev.interviewagent.core.internal.knowledge.KnowledgeExtractor} takes them out of each answer (the built-in one by
 * rules, in English and Russian); the engine adds them, and any an LLM brain returns, to the collection without
 * duplicates.
 */
@NullMarked
package dev.interviewagent.core.knowledge;

import org.jspecify.annotations.NullMarked;
