package dev.interviewagent.core.internal.planner;

import dev.interviewagent.core.Interview;
import dev.interviewagent.core.guide.Stage;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which earlier words bear on a stage's topic, so that referring back bridges into it: a mistake mentioned in
 * passing before the failure stage, a "you just feel it" before mastery, a first year before the growth path.
 */
final class RecallTopics {

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE
            | Pattern.UNICODE_CHARACTER_CLASS;
    private static final Map<Stage, Pattern> TOPICS = new EnumMap<>(Stage.class);

    static {
        TOPICS.put(Stage.OPERATIONS, Pattern.compile("\\b(?:first|then|step|every (?:day|morning)|routine|check)\\b"
                + "|сначала|потом|шаг|каждое утро|каждый день|провер", FLAGS));
        TOPICS.put(Stage.EXPERTISE_MAP, Pattern.compile("\\b(?:newcomers?|novices?|juniors?|beginners?|rookies?"
                + "|apprentices?|experienced)\\b|новичк|новичок|начинающ|опытн|стажёр|стажер", FLAGS));
        TOPICS.put(Stage.FAILURE_MODES, Pattern.compile("\\b(?:mistakes?|errors?|wrong|failed|lost|missed|forgot)\\b"
                + "|ошиб|не так|потеря|списал|упустил|забыл", FLAGS));
        TOPICS.put(Stage.MASTERY, Pattern.compile("\\b(?:feel|feeling|instinct|just know|sense|automatically)\\b"
                + "|чувству|чутьё|чутье|интуиц|на автомате|само", FLAGS));
        TOPICS.put(Stage.GROWTH_PATH, Pattern.compile("\\b(?:first year|learn(?:ed|t)?|mentor|years? in|grew|took me)"
                + "\\b|первый год|научил|научился|наставник|вырос|за годы", FLAGS));
    }

    private RecallTopics() {
    }

    /** The latest earlier answer whose words bear on the stage's topic, if any. */
    static Optional<Interview.Recall> onTopic(List<Interview.Recall> pool, Stage stage) {
        Pattern topic = TOPICS.get(stage);
        if (topic == null) {
            return Optional.empty();
        }
        for (int i = pool.size() - 1; i >= 0; i--) {
            if (topic.matcher(pool.get(i).quote()).find()) {
                return Optional.of(pool.get(i));
            }
        }
        return Optional.empty();
    }
}
