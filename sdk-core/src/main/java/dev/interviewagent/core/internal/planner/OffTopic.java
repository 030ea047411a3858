package dev.interviewagent.core.internal.planner;

import dev.interviewagent.core.analysis.AnswerAnalysis;
import dev.interviewagent.core.internal.understanding.AnswerReading;
import java.util.regex.Pattern;

/**
 * A respondent who drifts off the subject ("By the way, did you see the match last night?", «Кстати, не по теме…»):
 * the recovery protocol is to steer back gently to the topic, without credit for the answer. Only a short answer
 * that announces the drift and carries no content counts: a story that starts "by the way" is still a story.
 */
final class OffTopic {

    /** Words an off-topic remark has at most. */
    static final int MAX_WORDS = 30;

    private static final Pattern DRIFT = Pattern.compile(String.join("|",
            "^\\W*(?:by the way|btw|speaking of which|off topic|unrelated,? but|random question"
                    + "|changing the subject)\\b",
            "\\bnothing to do with (?:work|this|the job)\\b", "\\boff[- ]topic\\b",
            "^\\W*(?:кстати|к слову|не по теме|совсем о другом|отвлекусь)\\b", "\\bне по теме\\b",
            "\\bне про работу\\b"),
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);

    private OffTopic() {
    }

    /** Whether the answer drifts off the subject and carries nothing of it. */
    static boolean in(String answer, AnswerAnalysis analysis, AnswerReading reading) {
        return analysis.wordCount() <= MAX_WORDS && reading.labels().isEmpty() && !analysis.isConcrete()
                && DRIFT.matcher(answer).find();
    }
}
