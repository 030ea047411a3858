package dev.interviewagent.core.internal.knowledge;

import dev.interviewagent.core.Language;
import dev.interviewagent.core.internal.analysis.TokenizedText;
import dev.interviewagent.core.internal.text.PackWords;
import java.util.Set;
import java.util.regex.Pattern;

/** The light trimming every extracted text gets, and the step-connector handling processes need. */
final class ItemText {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    /** A list marker at the start of a line: "1." "2)" "-" "•". */
    static final Pattern LEADING_MARKER = Pattern.compile("^(?:\\d{1,2}[.)]|[-*•–—·])\\s+");


    private ItemText() {
    }

    /** Light trimming: whitespace collapsed, a leading list marker dropped, long text cut at a word. */
    static String clean(String raw) {
        // cut first: the regexes below then never run over more than a few thousand characters
        String s = raw.length() > 4 * RuleBasedKnowledgeExtractor.MAX_TEXT ? raw.substring(0, 4 * RuleBasedKnowledgeExtractor.MAX_TEXT) : raw;
        s = WHITESPACE.matcher(s).replaceAll(" ").strip();
        s = LEADING_MARKER.matcher(s).replaceFirst("");
        if (s.length() > RuleBasedKnowledgeExtractor.MAX_TEXT) {
            int cut = s.lastIndexOf(' ', RuleBasedKnowledgeExtractor.MAX_TEXT);
            s = s.substring(0, cut > RuleBasedKnowledgeExtractor.MAX_TEXT / 2 ? cut : RuleBasedKnowledgeExtractor.MAX_TEXT).strip() + "…";
        }
        return s;
    }

    /**
     * Drops a leading step connector ("then", «после этого»: the {@code step_connectors} lists of the packs'
     * {@code words.json}) and the punctuation after it.
     */
    static String stripConnector(String step, Language language) {
        Set<String> connectors = PackWords.sharedWords(language, "step_connectors");
        TokenizedText t = TokenizedText.of(step, step.length());
        for (int n = Math.min(3, t.size() - 1); n >= 1; n--) {
            StringBuilder lead = new StringBuilder();
            for (int i = 0; i < n; i++) {
                lead.append(i == 0 ? "" : " ").append(t.token(i));
            }
            if (connectors.contains(lead.toString()) && t.start(0) == 0) {
                String rest = step.substring(t.end(n - 1)).replaceFirst("^[\\s,:;—–-]+", "");
                return rest.isEmpty() ? step : rest;
            }
        }
        return step;
    }

    /** Drops a dangling ", and" / ", и" / trailing comma left where the next step was cut off. */
    static String trimConnectorTail(String step) {
        String s = step.strip();
        s = s.replaceFirst("(?iu)(?:[\\s,;]+(?:and|и|а|then))?[\\s,;]*$", "");
        return s.strip();
    }

    static String stripTrailingPunctuation(String s) {
        return s.replaceFirst("[\\s,:;.!?…—–-]+$", "").strip();
    }

    static int wordCount(String s) {
        return TokenizedText.of(s, s.length()).wordCount();
    }
}
