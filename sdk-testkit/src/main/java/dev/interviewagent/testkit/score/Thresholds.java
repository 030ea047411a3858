package dev.interviewagent.testkit.score;

/**
 * What a listening interviewer must achieve in every interview. {@link #DEFAULT} holds the product's bar; a host may
 * set its own.
 *
 * @param maxReAsks               questions for a fact already known
 * @param maxExampleAfterExample  example requests right after an example
 * @param maxBadQuotes            quotes of greetings, pleasantries, meta or fatigue answers
 * @param maxRepeatedQuotes       fragments quoted more than once
 * @param maxExactRepeats         messages sent twice
 * @param maxSentencesOverTwice   question sentences used more than twice
 * @param minTacitProbeShare      share of tacit answers followed by a cue probe, 0–1
 * @param maxFatigueIgnored       questions in a stage after two "nothing more" answers in a row
 * @param maxStageQuestions       questions in one stage
 * @param requireStagesInOrder    every stage reached, in order
 * @param minRecall               report recall per section (examples, processes, failure modes), 0–1
 * @param maxFalseItems           report items made of meta answers or greetings
 */
public record Thresholds(int maxReAsks, int maxExampleAfterExample, int maxBadQuotes, int maxRepeatedQuotes,
                         int maxExactRepeats, int maxSentencesOverTwice, double minTacitProbeShare,
                         int maxFatigueIgnored, int maxStageQuestions, boolean requireStagesInOrder,
                         double minRecall, int maxFalseItems) {

    /** The bar every built-in persona × style must clear on the offline brain. */
    public static final Thresholds DEFAULT = new Thresholds(0, 1, 0, 0, 0, 0, 1.0, 0, 10, true, 0.9, 0);
}
