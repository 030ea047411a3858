package dev.interviewagent.core.internal.analysis;

import dev.interviewagent.core.analysis.AnswerAnalysis;
import java.util.function.Predicate;

/** The boolean facts of {@link AnswerAnalysis}, so rule tables can name the flag they check. */
enum AnalysisFlag {
    EXAMPLE(AnswerAnalysis::hasExample),
    STEPS(AnswerAnalysis::hasSteps),
    NUMBERS(AnswerAnalysis::hasNumbers),
    FAILURE(AnswerAnalysis::hasFailure),
    FIX(AnswerAnalysis::hasFix),
    REFUSAL(AnswerAnalysis::refusal),
    DISCOMFORT(AnswerAnalysis::discomfort),
    STOP(AnswerAnalysis::stopRequest),
    DONT_KNOW(AnswerAnalysis::dontKnow),
    INSTRUCTION(AnswerAnalysis::instructionAttempt),
    EVASIVE(AnswerAnalysis::isEvasive);

    private final Predicate<AnswerAnalysis> read;

    AnalysisFlag(Predicate<AnswerAnalysis> read) {
        this.read = read;
    }

    boolean of(AnswerAnalysis analysis) {
        return read.test(analysis);
    }
}
