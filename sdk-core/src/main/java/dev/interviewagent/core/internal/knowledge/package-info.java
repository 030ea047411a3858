/**
 * The built-in, rule-based knowledge extraction (English and Russian). Not a published API.
 *
 * <p>It reuses the analysis tokeniser, phrase matcher and number finder, adds extraction lexicons (time, result,
 * warning sign, consequence, milestone, level and insight markers) and works sentence by sentence, so every item is a
 * sentence or clause the expert actually said. Sentences that try to instruct the interviewer are never taken as
 * knowledge. Each knowledge kind has its own rule class behind {@code KnowledgeRule}; the extractor runs them over
 * one shared context. Respondent text is never logged here.
 */
@NullMarked
package dev.interviewagent.core.internal.knowledge;

import org.jspecify.annotations.NullMarked;
