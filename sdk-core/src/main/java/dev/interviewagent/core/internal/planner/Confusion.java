package dev.interviewagent.core.internal.planner;

import dev.interviewagent.core.Language;
import dev.interviewagent.core.analysis.AnswerAnalysis;
import dev.interviewagent.core.internal.text.PackWords;
import java.util.regex.Pattern;

/**
 * A respondent who did not understand the question ("What do you mean?", «Не понял вопрос»): the recovery protocol
 * is to ask again, more simply — not to count the answer as evasive or as nothing to add.
 */
final class Confusion {

    /** A confused reply is short; a long answer that says "not sure what you mean" has still answered. */
    static final int MAX_WORDS = 15;

    /** The phrasings: the {@code confused} lists of the packs' {@code patterns.json}, in every language. */
    private static final String PHRASES = "confused";
    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    private Confusion() {
    }

    /** Whether the answer says the respondent did not understand the question. */
    static boolean in(String answer, AnswerAnalysis analysis, Language language) {
        return analysis.wordCount() <= MAX_WORDS && PackWords.sharedPattern(language, PHRASES, FLAGS).matcher(answer).find();
    }
}
