package dev.interviewagent.core.internal.knowledge;

import dev.interviewagent.core.analysis.AnswerAnalysis;
import dev.interviewagent.core.internal.analysis.PhraseMatcher.Match;
import dev.interviewagent.core.internal.analysis.Signal;
import dev.interviewagent.core.internal.knowledge.ExtractionContext.Sentence;
import dev.interviewagent.core.knowledge.KnowledgeKind;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * EXAMPLE: the sentence with an example marker plus up to two following sentences of the same story; {@code when}
 * is its first time phrase, {@code result} the clause from "as a result"/"в итоге". The story stops early at a
 * sentence that starts something else (a step, an insight, a list line), so one example does not swallow the next.
 */
final class ExampleRule implements KnowledgeRule {

    private static final int EXAMPLE_FOLLOWING_SENTENCES = 2;
    private static final Set<Signal> NOT_EXAMPLE_CONTINUATION = EnumSet.of(
            Signal.EXAMPLE, Signal.STEP, Signal.INSIGHT, Signal.NOVICE, Signal.INTERMEDIATE, Signal.EXPERT);

    @Override
    public void apply(ExtractionContext c, AnswerAnalysis analysis) {
        int covered = -1;
        for (Match m : c.of(Signal.EXAMPLE)) {
            int s = c.sentenceOf[m.from()];
            if (s <= covered || c.excluded[s]) {
                continue;
            }
            int end = s + 1;
            while (end < c.sentences.size() && end - s <= EXAMPLE_FOLLOWING_SENTENCES && !c.excluded[end]
                    && !continuationBlocked(c, end)) {
                end++;
            }
            covered = end - 1;
            StringBuilder text = new StringBuilder();
            for (int i = s; i < end; i++) {
                text.append(c.sentenceText(i)).append(' ');
            }
            Map<String, String> attributes = new LinkedHashMap<>();
            Match when = c.firstIn(Signal.TIME, s, end);
            if (when != null) {
                attributes.put("when", c.tokens.original(when.from(), when.to() - 1));
            }
            Match result = c.firstIn(Signal.RESULT, s, end);
            if (result != null) {
                attributes.put("result", ItemText.clean(c.clauseFrom(result)));
            }
            c.add(KnowledgeKind.EXAMPLE, text.toString(), List.of(), attributes);
        }
    }

    private static boolean continuationBlocked(ExtractionContext c, int s) {
        for (Signal signal : NOT_EXAMPLE_CONTINUATION) {
            if (c.sentenceHas(s, signal)) {
                return true;
            }
        }
        return isListLine(c, s);
    }

    private static boolean isListLine(ExtractionContext c, int s) {
        Sentence sentence = c.sentences.get(s);
        int lineStart = c.window.lastIndexOf('\n', Math.max(0, sentence.start() - 1)) + 1;
        String before = c.window.substring(lineStart, sentence.start()).strip();
        return !before.isEmpty() && ItemText.LEADING_MARKER.matcher(before + " ").find();
    }
}
