package dev.interviewagent.testkit.intent;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One row of a rule table: an intent and the phrasings that signal it.
 *
 * <p>The rule matches when any of its {@code asks} patterns is found in the question ({@link QuestionFocus#asked()})
 * and, if it has {@code lead} patterns, any of those is found in the sentences before the question. Patterns are
 * regular expressions over normalised text (lower case, {@code ё} as {@code е}, quotations as
 * {@link MessageParser#QUOTE}); {@code \b} and {@code \w} are Unicode-aware, so Cyrillic stems work as prefixes.
 *
 * @param intent what the question asks for when the rule matches
 * @param asks   phrasings of the question, any of which suffices
 * @param lead   phrasings required before the question (any of them); empty when the question alone decides
 */
record IntentRule(QuestionIntent intent, List<Pattern> asks, List<Pattern> lead) {

    private static final int FLAGS = Pattern.UNICODE_CASE | Pattern.CASE_INSENSITIVE
            | Pattern.UNICODE_CHARACTER_CLASS;

    IntentRule {
        asks = List.copyOf(asks);
        lead = List.copyOf(lead);
    }

    /** A rule that looks at the question only. */
    static IntentRule when(QuestionIntent intent, String... asks) {
        return new IntentRule(intent, compile(asks), List.of());
    }

    /** This rule, applying only when the sentences before the question also match one of {@code leads}. */
    IntentRule afterLead(String... leads) {
        return new IntentRule(intent, asks, compile(leads));
    }

    boolean matches(QuestionFocus focus) {
        return anyFound(asks, focus.asked()) && (lead.isEmpty() || anyFound(lead, focus.lead()));
    }

    static List<Pattern> compile(String... regexes) {
        return Arrays.stream(regexes).map(regex -> Pattern.compile(regex, FLAGS)).toList();
    }

    static boolean anyFound(List<Pattern> patterns, String text) {
        for (Pattern pattern : patterns) {
            if (pattern.matcher(text).find()) {
                return true;
            }
        }
        return false;
    }
}
