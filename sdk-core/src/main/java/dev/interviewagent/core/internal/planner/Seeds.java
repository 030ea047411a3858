package dev.interviewagent.core.internal.planner;

import dev.interviewagent.core.Interview;
import dev.interviewagent.core.guide.StageDefinition;
import dev.interviewagent.core.internal.guard.QuestionFingerprint;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Picks a stage's next seed question: never one that asks only for known facts, never one already asked. */
final class Seeds {

    private Seeds() {
    }

    /** The first usable seed at or after index {@code from}. */
    static Optional<String> next(Interview interview, StageDefinition definition, int from) {
        List<String> seeds = definition.seeds(interview.language());
        for (int i = Math.max(0, from); i < seeds.size(); i++) {
            if (usable(interview, definition, i)) {
                return Optional.of(seeds.get(i));
            }
        }
        return Optional.empty();
    }

    /** The index of a seed question in the stage's seeds, or -1. */
    static int indexOf(Interview interview, StageDefinition definition, String seed) {
        return definition.seeds(interview.language()).indexOf(seed);
    }

    private static boolean usable(Interview interview, StageDefinition definition, int index) {
        Set<String> asks = definition.asks(index);
        if (!asks.isEmpty() && asks.stream().allMatch(interview.memory()::knows)) {
            return false;
        }
        String fingerprint = QuestionFingerprint.of(definition.seeds(interview.language()).get(index));
        return interview.askedQuestions().stream().noneMatch(asked -> asked.contains(fingerprint));
    }
}
