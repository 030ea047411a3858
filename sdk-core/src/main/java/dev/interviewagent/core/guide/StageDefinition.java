package dev.interviewagent.core.guide;

import dev.interviewagent.core.Language;
import dev.interviewagent.core.i18n.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

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
 * @param seedAsks       per seed (by index, the same in every language), the fact slots it asks for
 *                       ({@code years}, {@code role}, {@code organisation}); a seed whose slots are all known from
 *                       the profile or an earlier answer is skipped, so a known fact is never asked again
 * @param title          the stage's name shown to respondents, per language; a language without one shows the
 *                       built-in name of the stage ({@code Messages.stageName}), see {@link #title(Language)}
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
        Map<Language, List<String>> seedQuestions,
        List<Set<String>> seedAsks,
        Map<Language, String> title) {

    public StageDefinition {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(focus, "focus");
        goal = Map.copyOf(Objects.requireNonNull(goal, "goal"));
        requireRange("targetMinutes", targetMinutes, 0, 240);
        requireRange("minExamples", minExamples, 0, 50);
        requireRange("minDepth", minDepth, 1, 4);
        requireRange("minAnswers", minAnswers, 0, 100);
        requireRange("turnCap", turnCap, 1, 200);
        // the built-in languages are required; a pack language is optional, but complete when present
        Map<Language, List<String>> copy = new TreeMap<>();
        Objects.requireNonNull(seedQuestions, "seedQuestions");
        for (Language language : Language.available()) {
            List<String> seeds = seedQuestions.get(language);
            if (!language.isBuiltIn() && seeds == null && !goal.containsKey(language)) {
                continue;
            }
            if (seeds == null || seeds.isEmpty()) {
                throw new IllegalArgumentException("stage " + stage.code() + " needs seed questions in " + language.code());
            }
            if (!goal.containsKey(language)) {
                throw new IllegalArgumentException("stage " + stage.code() + " needs a goal in " + language.code());
            }
            copy.put(language, List.copyOf(seeds));
        }
        seedQuestions = Map.copyOf(copy);
        List<Set<String>> asks = new ArrayList<>();
        for (Set<String> slots : seedAsks == null ? List.<Set<String>>of() : seedAsks) {
            asks.add(slots == null ? Set.of() : Set.copyOf(slots));
        }
        seedAsks = List.copyOf(asks);
        title = Map.copyOf(title == null ? Map.of() : title);
        title.forEach((language, text) -> {
            if (text.isBlank()) {
                throw new IllegalArgumentException("stage " + stage.code() + " has a blank title in " + language.code());
            }
        });
    }

    /** A stage with the built-in title. */
    public StageDefinition(Stage stage, Map<Language, String> goal, int targetMinutes, int minExamples, int minDepth,
                           int minAnswers, int turnCap, StageFocus focus, Map<Language, List<String>> seedQuestions,
                           List<Set<String>> seedAsks) {
        this(stage, goal, targetMinutes, minExamples, minDepth, minAnswers, turnCap, focus, seedQuestions, seedAsks,
                Map.of());
    }

    /** A stage whose seeds ask for no known fact. */
    public StageDefinition(Stage stage, Map<Language, String> goal, int targetMinutes, int minExamples, int minDepth,
                           int minAnswers, int turnCap, StageFocus focus, Map<Language, List<String>> seedQuestions) {
        this(stage, goal, targetMinutes, minExamples, minDepth, minAnswers, turnCap, focus, seedQuestions, List.of());
    }

    /**
     * The name respondents see for this stage in {@code language}: the guide's own title, else the built-in name of
     * the stage (so a guide without titles reads as before).
     */
    public String title(Language language) {
        String own = title.get(language);
        return own != null ? own : Messages.forLanguage(language).stageName(stage);
    }

    /** The fact slots seed {@code index} asks for; empty when it asks for none. */
    public Set<String> asks(int index) {
        return index < seedAsks.size() ? seedAsks.get(index) : Set.of();
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
