/**
 * The built-in, rule-based answer analysis (English and Russian). Not a published API.
 *
 * <p><b>What the rules are.</b> Each answer is tokenised once ({@link
 * dev.interviewagent.core.internal.analysis.TokenizedText}: Unicode letter/digit runs, lower-cased, {@code ё} read
 * as {@code е}). Phrase lexicons ({@link dev.interviewagent.core.internal.analysis.Lexicon}) — vague phrases, example
 * markers, step markers, failure and fix words, refusal, discomfort, stop requests, "don't know" and prompt-injection
 * shapes — are compiled once into a first-token index ({@link dev.interviewagent.core.internal.analysis.PhraseMatcher})
 * so one pass over the tokens finds them all. Numbers with units come from one precompiled pattern ({@link
 * dev.interviewagent.core.internal.analysis.NumberFinder}); lists and 1–4 ratings from a few more. The language is
 * told by the share of Cyrillic versus Latin letters.
 *
 * <p><b>Why rules and not a model.</b> The methodology's next move (challenge a vague phrase, ask for an example,
 * ask to quantify, back off on discomfort, stop on request) must be chosen in code, the same for every brain, so it
 * has to be deterministic, explainable and testable, and cheap enough to run on every answer and on recovery
 * (well under a millisecond for a typical answer; bounded for a 1 MB paste by reading a fixed window). The rules
 * lean towards precision: a missed vague phrase costs one less challenge, a false one annoys an expert. Every rule
 * is table-tested in both languages, positive and negative.
 *
 * <p>Respondent text is never logged here.
 */
@NullMarked
package dev.interviewagent.core.internal.analysis;

import org.jspecify.annotations.NullMarked;
