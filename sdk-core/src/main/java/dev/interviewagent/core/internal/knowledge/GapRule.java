package dev.interviewagent.core.internal.knowledge;

import dev.interviewagent.core.analysis.AnswerAnalysis;
import dev.interviewagent.core.internal.analysis.PhraseMatcher.Match;
import dev.interviewagent.core.internal.analysis.Signal;
import dev.interviewagent.core.internal.analysis.TokenizedText;
import dev.interviewagent.core.internal.knowledge.ExtractionContext.Sentence;
import dev.interviewagent.core.internal.text.PackWords;
import dev.interviewagent.core.knowledge.KnowledgeKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * GAP: for a "don't know" answer, the topic when it can be told ("never dealt with | payroll audits"), or else the
 * answer itself, so the report still shows what the respondent could not speak to.
 */
final class GapRule implements KnowledgeRule {


    @Override
    public void apply(ExtractionContext c, AnswerAnalysis analysis) {
        if (!analysis.dontKnow()) {
            return;
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        String topic = null;
        List<Match> dontKnow = c.of(Signal.DONT_KNOW);
        if (!dontKnow.isEmpty()) {
            Match m = dontKnow.get(0);
            Sentence sentence = c.sentences.get(c.sentenceOf[m.from()]);
            int next = m.to();
            if (next < sentence.endToken() && PackWords.sharedWords(c.language, "gap_topic_prepositions").contains(c.tokens.token(m.to() - 1))) {
                // the phrase ended in its preposition: "never dealt with | payroll audits"
                topic = c.window.substring(c.tokens.start(next), sentence.end());
            } else if (next + 1 < sentence.endToken() && PackWords.sharedWords(c.language, "gap_topic_prepositions").contains(c.tokens.token(next))
                    && !c.tokens.punctuationBefore(next)) {
                topic = c.window.substring(c.tokens.start(next + 1), sentence.end());
            }
        }
        if (topic != null) {
            topic = ItemText.stripTrailingPunctuation(ItemText.clean(topic));
            if (ItemText.wordCount(topic) >= 1 && !PackWords.sharedWords(c.language, "gap_topic_pronouns").contains(TokenizedText.normalise(topic))) {
                attributes.put("topic", topic);
                c.add(KnowledgeKind.GAP, topic, List.of(), attributes);
                return;
            }
        }
        c.add(KnowledgeKind.GAP, c.window, List.of(), attributes);
    }
}
