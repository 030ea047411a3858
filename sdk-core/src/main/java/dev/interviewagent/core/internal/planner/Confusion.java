package dev.interviewagent.core.internal.planner;

import dev.interviewagent.core.analysis.AnswerAnalysis;
import java.util.regex.Pattern;

/**
 * A respondent who did not understand the question ("What do you mean?", «Не понял вопрос»): the recovery protocol
 * is to ask again, more simply — not to count the answer as evasive or as nothing to add.
 */
final class Confusion {

    /** A confused reply is short; a long answer that says "not sure what you mean" has still answered. */
    static final int MAX_WORDS = 15;

    private static final Pattern CONFUSED = Pattern.compile(String.join("|",
            "\\bdon't (?:quite |really )?(?:understand|get) (?:the|your|what you)", "\\bwhat do you mean\\b",
            "\\bnot sure what you(?:'re| are) asking\\b",
            "\\b(?:can|could) you (?:rephrase|clarify|explain the question)",
            "\\bsay that again\\b", "\\brepeat the question\\b", "\\bwhat (?:exactly )?are you asking\\b",
            "\\bне (?:совсем |очень )?понял[аи]? (?:вопрос|вас|о чём)",
            "\\bне (?:совсем |очень )?понимаю (?:вопрос|вас|о чём)",
            "\\bчто вы имеете в виду\\b", "\\bпереформулируйте\\b", "\\bв каком смысле\\b", "\\bповторите вопрос\\b",
            "\\bо чём (?:вы|именно) спрашиваете\\b"), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private Confusion() {
    }

    /** Whether the answer says the respondent did not understand the question. */
    static boolean in(String answer, AnswerAnalysis analysis) {
        return analysis.wordCount() <= MAX_WORDS && CONFUSED.matcher(answer).find();
    }
}
