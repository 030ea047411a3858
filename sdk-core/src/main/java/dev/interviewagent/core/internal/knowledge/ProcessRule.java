package dev.interviewagent.core.internal.knowledge;

import dev.interviewagent.core.analysis.AnswerAnalysis;
import dev.interviewagent.core.internal.analysis.PhraseMatcher.Match;
import dev.interviewagent.core.internal.analysis.Signal;
import dev.interviewagent.core.internal.knowledge.ExtractionContext.Sentence;
import dev.interviewagent.core.knowledge.KnowledgeKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * PROCESS: a numbered or bulleted list (title: the line before it), or else two or more step markers
 * (first/then/after that/finally; сначала/потом/затем/в конце) cut into steps in order (title: the words before the
 * first marker, the sentence before it, or the first step). A list wins over markers: a respondent who took the
 * trouble to number the steps has already cut them.
 */
final class ProcessRule implements KnowledgeRule {

    private static final Pattern LIST_ITEM = Pattern.compile("^[ \\t]*(?:\\d{1,2}[.)]|[-*•–—·])[ \\t]+(\\S.*)$");
    private static final Pattern INLINE_ITEM = Pattern.compile("(?<![\\p{L}\\p{N}])\\d{1,2}\\)\\s+");

    @Override
    public void apply(ExtractionContext c, AnswerAnalysis analysis) {
        if (!listProcesses(c)) {
            markerProcess(c);
        }
    }

    /** Numbered or bulleted lists, line by line or inline "1) … 2) …"; returns whether any was found. */
    private static boolean listProcesses(ExtractionContext c) {
        String[] lines = c.window.split("\\R", -1);
        boolean found = false;
        List<String> steps = new ArrayList<>();
        String title = null;
        String previous = null;
        for (String line : lines) {
            Matcher item = LIST_ITEM.matcher(line);
            if (item.matches() && !containsInstruction(c, line)) {
                if (steps.isEmpty()) {
                    title = previous;
                }
                steps.add(ItemText.clean(item.group(1)));
                continue;
            }
            if (steps.size() >= 2) {
                found |= addProcess(c, title, steps);
            }
            steps = new ArrayList<>();
            if (!line.isBlank()) {
                previous = lastSentence(line);
            }
            List<String> inline = inlineItems(line);
            if (inline.size() >= 2) {
                int first = INLINE_ITEM.matcher(line).find() ? firstInlineStart(line) : 0;
                String lead = line.substring(0, first).strip();
                found |= addProcess(c, lead.isEmpty() ? null : lead, inline);
            }
        }
        if (steps.size() >= 2) {
            found |= addProcess(c, title, steps);
        }
        return found;
    }

    /** The last sentence of a line: the lead-in of a list that follows it. */
    private static String lastSentence(String line) {
        String s = line.strip();
        int cut = -1;
        for (int i = 0; i < s.length() - 1; i++) {
            char ch = s.charAt(i);
            if ((ch == '.' || ch == '!' || ch == '?' || ch == '…') && Character.isWhitespace(s.charAt(i + 1))) {
                cut = i + 1;
            }
        }
        return cut < 0 ? s : s.substring(cut).strip();
    }

    private static boolean containsInstruction(ExtractionContext c, String line) {
        int at = c.window.indexOf(line);
        for (Match m : c.of(Signal.INSTRUCTION)) {
            int start = c.tokens.start(m.from());
            if (at >= 0 && start >= at && start < at + line.length()) {
                return true;
            }
        }
        return false;
    }

    private static int firstInlineStart(String line) {
        Matcher m = INLINE_ITEM.matcher(line);
        return m.find() ? m.start() : 0;
    }

    private static List<String> inlineItems(String line) {
        Matcher m = INLINE_ITEM.matcher(line);
        List<Integer> starts = new ArrayList<>();
        List<Integer> bodies = new ArrayList<>();
        while (m.find()) {
            starts.add(m.start());
            bodies.add(m.end());
        }
        if (starts.size() < 2) {
            return List.of();
        }
        List<String> items = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            int end = i + 1 < starts.size() ? starts.get(i + 1) : line.length();
            String item = ItemText.trimConnectorTail(ItemText.clean(line.substring(bodies.get(i), end)));
            if (!item.isEmpty()) {
                items.add(item);
            }
        }
        return items;
    }

    private static boolean addProcess(ExtractionContext c, @Nullable String title, List<String> steps) {
        List<String> kept = new ArrayList<>();
        for (String step : steps) {
            String s = ItemText.clean(step);
            if (!s.isEmpty() && kept.size() < RuleBasedKnowledgeExtractor.MAX_STEPS) {
                kept.add(s);
            }
        }
        if (kept.size() < 2) {
            return false;
        }
        String heading = title == null ? "" : ItemText.stripTrailingPunctuation(ItemText.clean(title));
        c.add(KnowledgeKind.PROCESS, heading.isEmpty() ? kept.get(0) : heading, kept, Map.of());
        return true;
    }

    /** Step markers in order, each step running to the next marker or the end of its sentence. */
    private static void markerProcess(ExtractionContext c) {
        List<Match> markers = new ArrayList<>();
        for (Match m : c.of(Signal.STEP)) {
            if (!c.excluded[c.sentenceOf[m.from()]]) {
                markers.add(m);
            }
        }
        if (markers.size() < 2) {
            return;
        }
        List<String> steps = new ArrayList<>();
        for (int k = 0; k < markers.size(); k++) {
            Match m = markers.get(k);
            Sentence sentence = c.sentences.get(c.sentenceOf[m.from()]);
            int end = sentence.end();
            if (k + 1 < markers.size()) {
                Match next = markers.get(k + 1);
                if (c.sentenceOf[next.from()] == c.sentenceOf[m.from()]) {
                    end = c.tokens.start(next.from());
                }
            }
            String step = ItemText.stripTrailingPunctuation(ItemText.trimConnectorTail(ItemText.stripConnector(ItemText.clean(
                    c.window.substring(c.tokens.start(m.from()), end)), c.language)));
            if (!step.isEmpty()) {
                steps.add(step);
            }
        }
        Match first = markers.get(0);
        int s = c.sentenceOf[first.from()];
        Sentence sentence = c.sentences.get(s);
        String title = ItemText.stripTrailingPunctuation(ItemText.clean(c.window.substring(sentence.start(),
                c.tokens.start(first.from()))));
        if (ItemText.wordCount(title) < 2) {
            title = s > 0 && !c.excluded[s - 1] && !c.sentenceHas(s - 1, Signal.STEP) ? c.sentenceText(s - 1) : null;
        }
        addProcess(c, title, steps);
    }
}
