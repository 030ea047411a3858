package dev.interviewagent.core.internal.planner;

import dev.interviewagent.core.Interview;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.guide.Stage;
import dev.interviewagent.core.internal.text.PackWords;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which earlier words bear on a stage's topic, so that referring back bridges into it: a mistake mentioned in
 * passing before the failure stage, a "you just feel it" before mastery, a first year before the growth path.
 * The words are data: the {@code recall_<stage code>} lists of the packs' {@code patterns.json}, checked in every
 * language (a quote may be in either).
 */
final class RecallTopics {

    /** The stages with a {@code recall_<stage code>} list in the packs' {@code patterns.json}. */
    private static final Set<Stage> TOPICS = EnumSet.of(Stage.OPERATIONS, Stage.EXPERTISE_MAP, Stage.FAILURE_MODES,
            Stage.MASTERY, Stage.GROWTH_PATH);
    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE
            | Pattern.UNICODE_CHARACTER_CLASS;

    private RecallTopics() {
    }

    /** The latest earlier answer whose words bear on the stage's topic, if any. */
    static Optional<Interview.Recall> onTopic(List<Interview.Recall> pool, Stage stage, Language language) {
        if (!TOPICS.contains(stage)) {
            return Optional.empty();
        }
        Pattern topic = PackWords.sharedPattern(language, "recall_" + stage.code(), FLAGS);
        for (int i = pool.size() - 1; i >= 0; i--) {
            if (topic.matcher(pool.get(i).quote()).find()) {
                return Optional.of(pool.get(i));
            }
        }
        return Optional.empty();
    }
}
