package dev.interviewagent.core.internal.knowledge;

import dev.interviewagent.core.analysis.AnswerAnalysis;
import dev.interviewagent.core.guide.Stage;
import dev.interviewagent.core.internal.analysis.PhraseMatcher.Match;
import dev.interviewagent.core.internal.analysis.Signal;
import dev.interviewagent.core.knowledge.KnowledgeKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * FAILURE_MODE: consecutive failure sentences; {@code warning_signs}, {@code consequences} and {@code fix} from the
 * sentences (or clauses) carrying those markers anywhere in the answer.
 */
final class FailureModeRule implements KnowledgeRule {

    @Override
    public void apply(ExtractionContext c, AnswerAnalysis analysis) {
        List<Integer> failureSentences = new ArrayList<>();
        for (Match m : c.of(Signal.FAILURE)) {
            int s = c.sentenceOf[m.from()];
            if (!c.excluded[s] && (failureSentences.isEmpty() || failureSentences.get(failureSentences.size() - 1) != s)) {
                failureSentences.add(s);
            }
        }
        if (failureSentences.isEmpty() && c.stage == Stage.FAILURE_MODES && !c.of(Signal.WARNING_SIGN).isEmpty()) {
            failureSentences.add(c.sentenceOf[c.of(Signal.WARNING_SIGN).get(0).from()]);
        }
        if (failureSentences.isEmpty()) {
            return;
        }
        // Outside the failure stage, words such as "incident", "error" or "broken" are often just the domain's
        // vocabulary; a failure mode needs more there: a fix, a warning sign or a consequence in the same answer.
        if (c.stage != Stage.FAILURE_MODES && c.of(Signal.FIX).isEmpty() && c.of(Signal.WARNING_SIGN).isEmpty()
                && c.of(Signal.CONSEQUENCE).isEmpty()) {
            return;
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        putJoined(c, attributes, "warning_signs", Signal.WARNING_SIGN);
        putJoined(c, attributes, "consequences", Signal.CONSEQUENCE);
        putJoined(c, attributes, "fix", Signal.FIX);
        int i = 0;
        while (i < failureSentences.size()) {
            int from = failureSentences.get(i);
            int to = from;
            while (i + 1 < failureSentences.size() && failureSentences.get(i + 1) == to + 1) {
                to = failureSentences.get(++i);
            }
            StringBuilder text = new StringBuilder();
            for (int s = from; s <= to; s++) {
                text.append(c.sentenceText(s)).append(' ');
            }
            c.add(KnowledgeKind.FAILURE_MODE, text.toString(), List.of(), attributes);
            i++;
        }
    }

    /** The sentences carrying a marker (from the marker on when the sentence also states the failure). */
    private static void putJoined(ExtractionContext c, Map<String, String> attributes, String name, Signal signal) {
        StringBuilder joined = new StringBuilder();
        int last = -1;
        for (Match m : c.of(signal)) {
            int s = c.sentenceOf[m.from()];
            if (s == last || c.excluded[s]) {
                continue;
            }
            last = s;
            String part = c.sentenceHas(s, Signal.FAILURE) ? c.clauseFrom(m) : c.sentenceText(s);
            joined.append(ItemText.clean(part)).append(' ');
        }
        String value = ItemText.clean(joined.toString());
        if (!value.isEmpty()) {
            attributes.put(name, value);
        }
    }
}
