package dev.interviewagent.testkit.intent;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rules of one language: an ordered list of {@link IntentRule}s where the first match wins, the phrasings that
 * ask for another case, and the request verbs that ask without a question mark.
 *
 * @param rules       ordered rules; order is priority, see the tables for why each row sits where it does
 * @param anotherCase phrasings that ask for another, a different or one more case
 * @param request     a sentence that asks by request ("Tell me about…", «Расскажите…»)
 */
record RuleTable(List<IntentRule> rules, List<Pattern> anotherCase, Pattern request) {

    RuleTable {
        rules = List.copyOf(rules);
        anotherCase = List.copyOf(anotherCase);
    }

    /** The first rule that matches, or empty when none does (the question is then {@link QuestionIntent#OTHER}). */
    Optional<IntentRule> firstMatch(QuestionFocus focus) {
        for (IntentRule rule : rules) {
            if (rule.matches(focus)) {
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }

    QuestionIntent intentOf(QuestionFocus focus) {
        return firstMatch(focus).map(IntentRule::intent).orElse(QuestionIntent.OTHER);
    }

    boolean asksForAnother(QuestionFocus focus) {
        return IntentRule.anyFound(anotherCase, focus.asked());
    }
}
