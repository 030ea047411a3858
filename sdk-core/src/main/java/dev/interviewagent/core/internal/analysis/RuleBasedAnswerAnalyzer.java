package dev.interviewagent.core.internal.analysis;

import dev.interviewagent.core.Language;
import dev.interviewagent.core.analysis.AnswerAnalysis;
import dev.interviewagent.core.analysis.AnswerAnalyzer;
import dev.interviewagent.core.analysis.AnswerLength;
import dev.interviewagent.core.analysis.Engagement;
import java.util.List;

/** Placeholder replaced by the rule-based analyzer (word count only). */
public final class RuleBasedAnswerAnalyzer implements AnswerAnalyzer {

    @Override
    public AnswerAnalysis analyze(String text, Language language) {
        int words = text.isBlank() ? 0 : text.strip().split("\\s+").length;
        return new AnswerAnalysis(words, AnswerLength.ofWords(words), List.of(), false, false, false, false, false,
                false, false, false, false, false, words > 200 ? Engagement.HIGH : words >= 50 ? Engagement.MEDIUM
                : Engagement.LOW, null, List.of(), null);
    }
}
