package dev.interviewagent.core.internal.planner;

import dev.interviewagent.core.Language;
import dev.interviewagent.core.analysis.AnswerAnalysis;
import dev.interviewagent.core.internal.text.PackWords;
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

    /** The phrasings: the {@code off_topic} lists of the packs' {@code patterns.json}, in every language. */
    private static final String PHRASES = "off_topic";
    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS;

    private OffTopic() {
    }

    /** Whether the answer drifts off the subject and carries nothing of it. */
    static boolean in(String answer, AnswerAnalysis analysis, AnswerReading reading, Language language) {
        return analysis.wordCount() <= MAX_WORDS && reading.labels().isEmpty() && !analysis.isConcrete()
                && PackWords.sharedPattern(language, PHRASES, FLAGS).matcher(answer).find();
    }
}
