package dev.interviewagent.core.internal.planner;

import dev.interviewagent.core.Interview;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.internal.knowledge.ContentItems;
import dev.interviewagent.core.internal.text.PackWords;
import dev.interviewagent.core.internal.text.TextSanitizer;
import dev.interviewagent.core.knowledge.KnowledgeItem;
import dev.interviewagent.core.knowledge.KnowledgeKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The short summary the member check shows the expert before the interview ends, in their own words. */
final class KeyInsights {

    /** How many key insights the member check presents. */
    static final int MEMBER_CHECK_INSIGHTS = 3;

    private static final Map<Language, Pattern> STEP_MARKERS = new ConcurrentHashMap<>();

    private KeyInsights() {
    }

    /**
     * The key insights presented in the member check: explicit insights first, then the richest examples and
     * failure modes, in the expert's words.
     */
    static List<String> of(Interview interview) {
        List<KnowledgeItem> ranked = new ArrayList<>(interview.knowledge());
        ranked.sort(Comparator.comparingInt(KeyInsights::insightRank)
                .thenComparing(Comparator.comparingInt((KnowledgeItem i) -> i.text().length()).reversed()));
        // One of each kind first — an insight, a mistake, a case — so the summary shows the breadth of what was
        // said (three mistakes in a row read as if nothing else was heard); then the best of what is left. A
        // process is named by its first step ("Then — report the main thing"), no summary of anything: only as a
        // filler.
        List<KnowledgeItem> picked = new ArrayList<>();
        Set<KnowledgeKind> kindsTaken = new HashSet<>();
        for (KnowledgeItem item : ranked) {
            if (insightRank(item) <= 3 && item.kind() != KnowledgeKind.PROCESS && kindsTaken.add(item.kind())) {
                picked.add(item);
            }
        }
        for (KnowledgeItem item : ranked) {
            if (insightRank(item) <= 3 && !picked.contains(item)) {
                picked.add(item);
            }
        }
        List<String> insights = new ArrayList<>();
        for (KnowledgeItem item : picked) {
            if (insights.size() == MEMBER_CHECK_INSIGHTS) {
                break;
            }
            String text = TextSanitizer.excerpt(withoutStepMarker(item.text(), interview.language()), 140);
            if (!insights.contains(text)) {
                insights.add(text);
            }
        }
        if (insights.isEmpty()) {
            for (Interview.Recall recall : interview.recalls()) {
                if (insights.size() == MEMBER_CHECK_INSIGHTS) {
                    break;
                }
                insights.add(recall.quote());
            }
        }
        return insights;
    }

    /**
     * "Then — report the main thing" stood in a list of steps; on its own in a summary it is "Report the main thing".
     * The step words are the {@code step_marker} lists of the packs' {@code patterns.json}, in every language.
     */
    static String withoutStepMarker(String text, Language language) {
        Pattern marker = STEP_MARKERS.computeIfAbsent(language, l -> Pattern.compile(
                "^(?:" + PackWords.sharedAlternation(l, "step_marker") + ")\\s*[,—–:-]?\\s+(?=\\p{L})",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
        Matcher m = marker.matcher(text.strip());
        if (!m.find()) {
            return text;
        }
        String rest = text.strip().substring(m.end());
        return rest.isEmpty() ? text : Character.toUpperCase(rest.charAt(0)) + rest.substring(1);
    }

    /** {@link #withoutStepMarker(String, Language)} with the built-in languages' step words. */
    static String withoutStepMarker(String text) {
        return withoutStepMarker(text, Language.ENGLISH);
    }

    private static int insightRank(KnowledgeItem item) {
        return switch (item.kind()) {
            case INSIGHT -> ContentItems.PRINCIPLE.equals(item.attribute(ContentItems.FROM)) ? 2 : 0;
            case FAILURE_MODE -> 1;
            case PROCESS -> 2;
            case EXAMPLE -> 3;
            default -> 9;
        };
    }
}
