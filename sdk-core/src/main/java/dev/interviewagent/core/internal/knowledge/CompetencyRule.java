package dev.interviewagent.core.internal.knowledge;

import dev.interviewagent.core.analysis.AnswerAnalysis;
import dev.interviewagent.core.internal.analysis.PhraseMatcher.Match;
import dev.interviewagent.core.internal.analysis.Signal;
import dev.interviewagent.core.knowledge.KnowledgeKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * COMPETENCY: a statement about novices, mid-level people or experts; {@code level}. A sentence naming several
 * levels is filed under the one it names first.
 */
final class CompetencyRule implements KnowledgeRule {

    @Override
    public void apply(ExtractionContext c, AnswerAnalysis analysis) {
        Map<Integer, Match> firstBySentence = new LinkedHashMap<>();
        for (Signal level : List.of(Signal.NOVICE, Signal.INTERMEDIATE, Signal.EXPERT)) {
            for (Match m : c.of(level)) {
                int s = c.sentenceOf[m.from()];
                Match current = firstBySentence.get(s);
                if (!c.excluded[s] && (current == null || m.from() < current.from())) {
                    firstBySentence.put(s, m);
                }
            }
        }
        firstBySentence.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(entry -> c.add(KnowledgeKind.COMPETENCY, c.sentenceText(entry.getKey()), List.of(),
                        Map.of("level", level(entry.getValue().signal()))));
    }

    private static String level(Signal signal) {
        switch (signal) {
            case NOVICE:
                return "novice";
            case INTERMEDIATE:
                return "intermediate";
            default:
                return "expert";
        }
    }
}
