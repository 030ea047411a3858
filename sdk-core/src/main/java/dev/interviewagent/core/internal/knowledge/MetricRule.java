package dev.interviewagent.core.internal.knowledge;

import dev.interviewagent.core.analysis.AnswerAnalysis;
import dev.interviewagent.core.internal.analysis.NumberFinder;
import dev.interviewagent.core.internal.knowledge.ExtractionContext.Sentence;
import dev.interviewagent.core.knowledge.KnowledgeKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * METRIC: every number with a unit, with the clause around it; {@code value}, {@code unit} and the {@code quote} as
 * written. A bare number is no metric: without its unit it cannot be compared with anything.
 */
final class MetricRule implements KnowledgeRule {

    private final NumberFinder numbers = new NumberFinder();

    @Override
    public void apply(ExtractionContext c, AnswerAnalysis analysis) {
        for (NumberFinder.Found found : numbers.find(c.tokens, c.window.length(), -1, -1)) {
            if (found.unit().isEmpty()) {
                continue;
            }
            int token = tokenAt(c, found.start());
            if (token < 0) {
                continue;
            }
            int s = c.sentenceOf[token];
            if (c.excluded[s]) {
                continue;
            }
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put("value", found.value());
            attributes.put("unit", found.unit());
            attributes.put("quote", found.phrase());
            c.add(KnowledgeKind.METRIC, clauseAround(c, s, found.start(), found.end()), List.of(), attributes);
        }
    }

    /** The first token ending after {@code charIndex} (binary search: tokens are in text order). */
    private static int tokenAt(ExtractionContext c, int charIndex) {
        int low = 0;
        int high = c.tokens.size() - 1;
        int found = -1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            if (c.tokens.end(mid) > charIndex) {
                found = mid;
                high = mid - 1;
            } else {
                low = mid + 1;
            }
        }
        return found;
    }

    /** The comma/semicolon/dash clause holding the number, or the whole sentence when that clause is too short. */
    private static String clauseAround(ExtractionContext c, int s, int start, int end) {
        Sentence sentence = c.sentences.get(s);
        int from = start;
        while (from > sentence.start() && !isClauseBreak(c.window.charAt(from - 1))) {
            from--;
        }
        int to = end;
        while (to < sentence.end() && !isClauseBreak(c.window.charAt(to))) {
            to++;
        }
        String clause = c.window.substring(from, to);
        if (ItemText.wordCount(clause) >= 4) {
            return clause;
        }
        if (sentence.end() - sentence.start() <= RuleBasedKnowledgeExtractor.MAX_TEXT) {
            return c.sentenceText(s);
        }
        // a run-on "sentence": keep a stretch of words around the number instead
        int left = Math.max(sentence.start(), start - RuleBasedKnowledgeExtractor.MAX_TEXT / 4);
        int right = Math.min(sentence.end(), end + RuleBasedKnowledgeExtractor.MAX_TEXT / 4);
        while (left > sentence.start() && !Character.isWhitespace(c.window.charAt(left - 1))) {
            left--;
        }
        while (right < sentence.end() && !Character.isWhitespace(c.window.charAt(right))) {
            right++;
        }
        return c.window.substring(left, right);
    }

    private static boolean isClauseBreak(char ch) {
        return ch == ',' || ch == ';' || ch == '—' || ch == '–' || ch == ':' || ch == '(' || ch == ')';
    }
}
