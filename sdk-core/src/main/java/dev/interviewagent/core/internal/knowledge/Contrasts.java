package dev.interviewagent.core.internal.knowledge;

import dev.interviewagent.core.Language;
import dev.interviewagent.core.guide.Stage;
import dev.interviewagent.core.internal.text.PackWords;
import dev.interviewagent.core.knowledge.KnowledgeItem;
import dev.interviewagent.core.knowledge.KnowledgeKind;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The expert half of a novice-versus-expert contrast ("A newcomer reads the thermometer; an old hand reads the
 * rind", «Новичок смотрит на растение, а опытный — на почву»), for the competency map. The extractor keeps the
 * sentence under the level it names first, so the expert half would otherwise be lost.
 */
final class Contrasts {

    /** A novice named, and the expert side after it: {@code contrast_novice|expert} of the packs' patterns.json. */
    private static final String NOVICE = "contrast_novice";
    private static final String EXPERT = "contrast_expert";
    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS;

    private Contrasts() {
    }

    /** The expert side of a contrast in {@code content} as a competency, unless one is already among the items. */
    static List<KnowledgeItem> expertSide(String content, List<KnowledgeItem> items, Stage stage, int turn,
                                          Language language) {
        boolean hasExpert = items.stream().anyMatch(i -> i.kind() == KnowledgeKind.COMPETENCY
                && "expert".equals(i.attribute("level")));
        if (hasExpert || !PackWords.sharedPattern(language, NOVICE, FLAGS).matcher(content).find()) {
            return List.of();
        }
        Matcher expert = PackWords.sharedPattern(language, EXPERT, FLAGS).matcher(content);
        if (!expert.find()) {
            return List.of();
        }
        String side = expert.group().replaceFirst("^[\\s;,—–]+", "").strip();
        if (side.split("\\s+").length < 3) {
            return List.of();
        }
        String text = Character.toUpperCase(side.charAt(0)) + side.substring(1);
        return List.of(new KnowledgeItem(KnowledgeKind.COMPETENCY, text, stage, turn, KnowledgeItem.SOURCE_ANALYZER,
                List.of(), Map.of("level", "expert")));
    }
}
