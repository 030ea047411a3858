package dev.interviewagent.core.internal.knowledge;

import dev.interviewagent.core.internal.text.Pleasantries;
import dev.interviewagent.core.internal.text.TextSanitizer;
import dev.interviewagent.core.knowledge.KnowledgeItem;
import dev.interviewagent.core.knowledge.KnowledgeKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The answer to a follow-up about a mistake (its warning sign, its fix, its cost) belongs to that mistake: it is
 * added to the latest failure mode as its {@code warning_signs}, {@code fix} or {@code consequences}, by what the
 * question asked.
 */
public final class FailureDetails {

    /** Longest detail kept, in characters. */
    static final int DETAIL_CHARS = 300;

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    private static final Pattern SIGN = Pattern.compile("sign|notice|early|first|признак|замет|рань|сигнал", FLAGS);
    private static final Pattern FIX = Pattern.compile("fix|put it right|catch|repair|recover|исправ|лов|устран",
            FLAGS);
    private static final Pattern COST = Pattern.compile("cost|consequence|price|lead to|обход|послед|стоит|чем это",
            FLAGS);

    private FailureDetails() {
    }

    /** Whether a failure mode was recorded from the respondent turn {@code turn} (the mistake being followed up). */
    public static boolean onRecord(List<KnowledgeItem> knowledge, int turn) {
        return knowledge.stream().anyMatch(i -> i.kind() == KnowledgeKind.FAILURE_MODE && i.turn() == turn);
    }

    /** The knowledge with {@code answer} added to the latest failure mode as the detail {@code question} asked. */
    public static List<KnowledgeItem> attach(List<KnowledgeItem> knowledge, String question, String answer) {
        int last = -1;
        for (int i = knowledge.size() - 1; i >= 0; i--) {
            if (knowledge.get(i).kind() == KnowledgeKind.FAILURE_MODE) {
                last = i;
                break;
            }
        }
        String detail = TextSanitizer.excerpt(Pleasantries.strip(answer), DETAIL_CHARS);
        if (last < 0 || detail.isBlank()) {
            return knowledge;
        }
        String key = SIGN.matcher(question).find() ? "warning_signs" : FIX.matcher(question).find() ? "fix"
                : COST.matcher(question).find() ? "consequences" : "warning_signs";
        KnowledgeItem item = knowledge.get(last);
        Map<String, String> attributes = new LinkedHashMap<>(item.attributes());
        attributes.merge(key, detail, (a, b) -> a + " " + b);
        List<KnowledgeItem> result = new ArrayList<>(knowledge);
        result.set(last, new KnowledgeItem(item.kind(), item.text(), item.stage(), item.turn(), item.source(),
                item.steps(), attributes));
        return result;
    }
}
