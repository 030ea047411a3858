package dev.interviewagent.core.guide;

import dev.interviewagent.core.Language;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One stage of an {@link InterviewGuide}: its goal, the criteria that end it and the seed questions that open its
 * topics. Immutable.
 *
 * @param stage          which stage
 * @param goal           the goal, per language
 * @param targetMinutes  planned duration, for pacing and the report
 * @param minExamples    concrete examples needed before the stage may end on its criteria
 * @param minDepth       deepest follow-up (1–4) that must be reached on at least one topic
 * @param minAnswers     answers needed before the stage may end on its criteria
 * @param turnCap        interviewer questions after which the stage ends anyway ({@code turn_cap})
 * @param focus          the kind of knowledge the stage is after
 * @param seedQuestions  questions that open a new topic, per language; at least one per language
 */
public record StageDefinition(
        Stage stage,
        Map<Language, String> goal,
        int targetMinutes,
        int minExamples,
        int minDepth,
        int minAnswers,
        int turnCap,
        StageFocus focus,
        Map<Language, List<String>> seedQuestions) {

    public StageDefinition {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(focus, "focus");
        goal = Map.copyOf(Objects.requireNonNull(goal, "goal"));
        requireRange("targetMinutes", targetMinutes, 0, 240);
        requireRange("minExamples", minExamples, 0, 50);
        requireRange("minDepth", minDepth, 1, 4);
        requireRange("minAnswers", minAnswers, 0, 100);
        requireRange("turnCap", turnCap, 1, 200);
        Map<Language, List<String>> copy = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            List<String> seeds = Objects.requireNonNull(seedQuestions, "seedQuestions").get(language);
            if (seeds == null || seeds.isEmpty()) {
                throw new IllegalArgumentException("stage " + stage.code() + " needs seed questions in " + language.code());
            }
            if (!goal.containsKey(language)) {
                throw new IllegalArgumentException("stage " + stage.code() + " needs a goal in " + language.code());
            }
            copy.put(language, List.copyOf(seeds));
        }
        seedQuestions = Map.copyOf(copy);
    }

    private static void requireRange(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be " + min + "-" + max + ", was " + value);
        }
    }

    /** The seed questions in one language. */
    public List<String> seeds(Language language) {
        return seedQuestions.get(language);
    }

    /** The goal in one language. */
    public String goal(Language language) {
        return goal.get(language);
    }
}
