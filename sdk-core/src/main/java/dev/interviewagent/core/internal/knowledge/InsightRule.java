package dev.interviewagent.core.internal.knowledge;

import dev.interviewagent.core.analysis.AnswerAnalysis;
import dev.interviewagent.core.guide.Stage;
import dev.interviewagent.core.internal.analysis.Signal;
import dev.interviewagent.core.internal.knowledge.ExtractionContext.Sentence;
import dev.interviewagent.core.internal.text.PackWords;
import dev.interviewagent.core.knowledge.KnowledgeKind;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * INSIGHT: a sentence with an insight marker ("the secret is", "на самом деле"). In essence and mastery, where the
 * respondent is asked for the heart of the craft, a long answer without a marker still gives its strongest sentence:
 * experts state their insights plainly, without announcing them.
 */
final class InsightRule implements KnowledgeRule {

    private static final int STRONGEST_SENTENCE_MIN_ANSWER_WORDS = 60;
    private static final int STRONGEST_SENTENCE_MIN_SCORE = 3;

    @Override
    public void apply(ExtractionContext c, AnswerAnalysis analysis) {
        int before = c.items.size();
        c.addMarkedSentences(KnowledgeKind.INSIGHT, Signal.INSIGHT);
        boolean found = c.items.size() > before;
        if (found || (c.stage != Stage.ESSENCE && c.stage != Stage.MASTERY)
                || analysis.wordCount() < STRONGEST_SENTENCE_MIN_ANSWER_WORDS) {
            return;
        }
        int best = -1;
        int bestScore = Integer.MIN_VALUE;
        for (int s = 0; s < c.sentences.size(); s++) {
            int score = insightScore(c, s);
            if (score > bestScore) {
                best = s;
                bestScore = score;
            }
        }
        if (best >= 0 && bestScore >= STRONGEST_SENTENCE_MIN_SCORE) {
            c.add(KnowledgeKind.INSIGHT, c.sentenceText(best), List.of(), Map.of("basis", "strongest_sentence"));
        }
    }

    /** Favours mid-length claims with a contrast or an absolute; penalises vague or questioning sentences. */
    private static int insightScore(ExtractionContext c, int s) {
        if (c.excluded[s]) {
            return Integer.MIN_VALUE;
        }
        Sentence sentence = c.sentences.get(s);
        int words = sentence.endToken() - sentence.firstToken();
        if (words < 8 || words > 45) {
            return Integer.MIN_VALUE;
        }
        // the packs' words.json: insight_contrast ("but", «зато»), insight_absolute ("never", «обязательно»)
        Set<String> contrastWords = PackWords.sharedWords(c.language, "insight_contrast");
        Set<String> absoluteWords = PackWords.sharedWords(c.language, "insight_absolute");
        int score = 0;
        boolean contrast = false;
        boolean absolute = false;
        for (int t = sentence.firstToken(); t < sentence.endToken(); t++) {
            String token = c.tokens.token(t);
            contrast |= contrastWords.contains(token);
            absolute |= absoluteWords.contains(token);
        }
        score += contrast ? 2 : 0;
        score += absolute ? 2 : 0;
        score += c.sentenceHas(s, Signal.FAILURE) || c.sentenceHas(s, Signal.FIX) ? 1 : 0;
        score -= c.sentenceHas(s, Signal.EVASIVE) ? 3 : 0;
        score -= c.sentenceText(s).contains("?") ? 2 : 0;
        return score;
    }
}
