package dev.interviewagent.core.scenario;

import dev.interviewagent.core.Language;
import dev.interviewagent.core.Profile;
import dev.interviewagent.core.guide.Stage;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * An expert written for the tests: a profession, a language, and answers per stage in the expert's own words, which
 * the tests feed to the engine in order (cycling when a stage asks more than the script holds).
 */
public record ScriptedExpert(String profession, Language language, Profile profile, Map<Stage, List<String>> answers,
                             String memberCheckAnswer) {

    /** The next answer for a stage, given how many answers the expert already gave in it. */
    public String answer(Stage stage, int alreadyGiven) {
        List<String> list = answers.get(stage);
        return list.get(alreadyGiven % list.size());
    }

    static Builder builder(String profession, Language language, Profile profile) {
        return new Builder(profession, language, profile);
    }

    static final class Builder {
        private final String profession;
        private final Language language;
        private final Profile profile;
        private final Map<Stage, List<String>> answers = new EnumMap<>(Stage.class);

        private Builder(String profession, Language language, Profile profile) {
            this.profession = profession;
            this.language = language;
            this.profile = profile;
        }

        Builder stage(Stage stage, String... texts) {
            answers.put(stage, List.of(texts));
            return this;
        }

        ScriptedExpert memberCheck(String answer) {
            for (Stage stage : Stage.values()) {
                if (!answers.containsKey(stage)) {
                    throw new IllegalStateException(profession + " has no answers for " + stage.code());
                }
            }
            return new ScriptedExpert(profession, language, profile, Map.copyOf(answers), answer);
        }
    }
}
