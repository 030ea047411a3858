package dev.interviewagent.core.internal.brain;

import dev.interviewagent.core.Interview;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Fits a message to the style's length target: the respondent's words (quote, recall, anchor, insights) are rendered
 * once per length budget, longest first, and a combination of slot variants is joined at the first budget where it
 * fits. Shortening the quotes, rather than dropping a slot, keeps the message's shape while it shrinks.
 */
final class MessageFitter {

    private static final int[] QUOTE_BUDGETS = {160, 120};
    private static final int[] SHORT_QUOTE_BUDGETS = {80, 60, 44, 30, 20};
    private static final int INSIGHT_BUDGET = 160;
    private static final int SHORT_INSIGHT_BUDGET = 48;
    private static final int MAX_INSIGHTS = 7;

    private static final Pattern SPACE_BEFORE_NEWLINE = Pattern.compile("[ \\t]+\\n");
    private static final Pattern SPACE_AFTER_NEWLINE = Pattern.compile("\\n[ \\t]+");
    private static final Pattern LIST_MARKER = Pattern.compile("^(?:\\d{1,2}[.)]|[-•*–—])\\s*");
    private static final Pattern QUOTE_MARKS = Pattern.compile("[«»“”„\"]");
    private static final Pattern EDGE_PUNCTUATION = Pattern.compile("^[\\s,;:.–—-]+|[\\s,;:.–—-]+$");
    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[\\s,;:.–—-]+$");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private MessageFitter() {
    }

    /** The quote lengths tried, longest first: a short style gets shorter quotes sooner. */
    static int[] budgets(PhraseContext ctx) {
        return ctx.shortStyle() ? SHORT_QUOTE_BUDGETS : QUOTE_BUDGETS;
    }

    /** Joins a combination, with shorter quotes until the message fits the style's length target, if any. */
    static String fit(String[][][] rendered, int[] choice, int max) {
        String message = "";
        for (String[][] atBudget : rendered) {
            message = compose(atBudget, choice);
            if (max <= 0 || message.length() <= max) {
                return message;
            }
        }
        return message;
    }

    private static String compose(String[][] parts, int[] choice) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i][choice[i]];
            if (part.isBlank()) {
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != '\n' && part.charAt(0) != '\n') {
                out.append(' ');
            }
            out.append(part);
        }
        return out.toString().strip();
    }

    /** The values with the respondent's words (quote, recall, insights) rendered for one length budget. */
    static Map<String, String> filled(PhraseContext ctx, Map<String, String> values, int budget) {
        Map<String, String> filled = new HashMap<>(values);
        String source = PlaceholderValues.quoteSource(ctx);
        if (source != null) {
            filled.put("quote", quoted(ctx.t(), source, budget));
        }
        Interview.Recall recall = ctx.move().recall();
        if (recall != null && !recall.quote().isBlank()) {
            filled.put("recall", quoted(ctx.t(), recall.quote(), budget));
        }
        String anchor = PlaceholderValues.anchorSource(ctx);
        if (anchor != null) {
            filled.put("anchor", quoted(ctx.t(), anchor, budget));
        }
        if (!ctx.move().insights().isEmpty()) {
            filled.put("insights", insights(ctx, budget));
        }
        return filled;
    }

    static String render(String template, Map<String, String> filled) {
        String text = PhraseTemplates.render(template, filled);
        if (text.indexOf('\n') >= 0) {
            text = SPACE_BEFORE_NEWLINE.matcher(text).replaceAll("\n");
            text = SPACE_AFTER_NEWLINE.matcher(text).replaceAll("\n");
        }
        return capitaliseFirst(text);
    }

    static String insights(PhraseContext ctx, int quoteBudget) {
        int budget = ctx.shortStyle() ? Math.min(SHORT_INSIGHT_BUDGET, quoteBudget + 10) : INSIGHT_BUDGET;
        StringBuilder out = new StringBuilder("\n");
        List<String> items = ctx.move().insights();
        int n = Math.min(items.size(), MAX_INSIGHTS);
        for (int i = 0; i < n; i++) {
            String item = LIST_MARKER.matcher(clean(items.get(i))).replaceFirst("")
                    .replace("?", "").replace("？", "");
            out.append(i + 1).append(". ").append(truncate(item, budget, ctx.t().text("ellipsis"))).append('\n');
        }
        return out.toString();
    }

    /** The respondent's words in the language's quotation marks, cleaned and cut to {@code budget} characters. */
    static String quoted(PhraseTemplates t, String text, int budget) {
        String cleaned = EDGE_PUNCTUATION.matcher(QUOTE_MARKS.matcher(clean(text)).replaceAll("")).replaceAll("");
        return t.text("quote.open") + truncate(cleaned, budget, t.text("ellipsis")) + t.text("quote.close");
    }

    private static String clean(String text) {
        return WHITESPACE.matcher(text).replaceAll(" ").strip();
    }

    static String truncate(String text, int budget, String ellipsis) {
        if (text.length() <= budget) {
            return text;
        }
        int cut = text.lastIndexOf(' ', budget - 1);
        if (cut < budget / 2) {
            cut = budget - 1;
        }
        return TRAILING_PUNCTUATION.matcher(text.substring(0, cut)).replaceAll("") + ellipsis;
    }

    private static String capitaliseFirst(String text) {
        if (text.isEmpty() || !Character.isLowerCase(text.charAt(0))) {
            return text;
        }
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
