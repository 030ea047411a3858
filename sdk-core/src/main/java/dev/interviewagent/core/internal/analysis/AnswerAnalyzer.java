package dev.interviewagent.core.internal.analysis;

import dev.interviewagent.core.Language;
import dev.interviewagent.core.analysis.AnswerAnalysis;

/**
 * Reads one answer and reports what the methodology needs: vague phrases, length, concrete examples, steps,
 * numbers, failures and fixes, refusal and discomfort, engagement and language, in English and Russian.
 *
 * <p>Implementations are pure functions of their input: thread-safe, fast (no I/O) and deterministic, so the
 * engine can re-run them on recovery. {@link #standard()} is the built-in rule set.
 */
public interface AnswerAnalyzer {

    /**
     * Analyses one answer.
     *
     * @param text     the answer as received (may be empty; never null)
     * @param language the interview's language; the answer may still be written in another one
     */
    AnswerAnalysis analyze(String text, Language language);

    /**
     * The built-in rule-based analyzer for English and Russian. Each call builds a new instance and compiles the
     * lexicons (a few milliseconds), so create one and share it: instances are immutable and thread-safe. Phrase and
     * number rules read the first 20 000 characters of an answer; the word count covers all of it.
     */
    static AnswerAnalyzer standard() {
        return new dev.interviewagent.core.internal.analysis.RuleBasedAnswerAnalyzer();
    }
}
