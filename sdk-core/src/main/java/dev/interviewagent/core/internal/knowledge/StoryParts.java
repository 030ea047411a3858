package dev.interviewagent.core.internal.knowledge;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code when} and {@code result} of a story for the report: the first time anchor as written ("last October",
 * «прошлой осенью», "in August 2020") and the closing sentence, where the outcome of a told story usually sits.
 */
final class StoryParts {

    /** Words the closing sentence needs to count as an outcome rather than an afterthought. */
    static final int MIN_RESULT_WORDS = 4;

    private static final String MONTHS_EN = "january|february|march|april|may|june|july|august|september|october"
            + "|november|december";
    private static final String SEASONS_EN = "spring|summer|autumn|fall|winter";
    private static final Pattern WHEN = Pattern.compile(String.join("|",
            "\\b(?:last|this past|one|two|three|four|a few|several) (?:" + MONTHS_EN + "|" + SEASONS_EN
                    + "|years?|months?|weeks?|nights?|mornings?|evenings?|days?|shifts?|seasons?|winters?|summers?"
                    + "|springs?|autumns?)(?: ago)?\\b",
            "\\b(?:in|on|during) (?:the )?(?:(?:early|late) )?(?:(?:" + SEASONS_EN + ") of |(?:" + MONTHS_EN
                    + ") )?(?:19|20)\\d\\d\\b",
            "\\b(?:" + MONTHS_EN + ") (?:19|20)\\d\\d\\b", "\\b\\d+ (?:years?|months?|weeks?) ago\\b",
            "\\bonce\\b",
            "\\b(?:прошл|позапрошл)\\p{L}+ (?:осенью|зимой|весной|летом|году|месяце|неделе|январ\\p{L}*"
                    + "|феврал\\p{L}*|март\\p{L}*|апрел\\p{L}*|ма[йея]\\p{L}*|июн\\p{L}*|июл\\p{L}*|август\\p{L}*"
                    + "|сентябр\\p{L}*|октябр\\p{L}*|ноябр\\p{L}*|декабр\\p{L}*)",
            "\\b(?:зимой|летом|весной|осенью) (?:19|20)\\d\\d(?:-го)?", "\\bоднажды(?: \\p{L}+)?",
            "\\b(?:\\d+|два|три|пару) (?:года|лет|месяца|месяцев|недели) назад\\b",
            "\\bв (?:19|20)\\d\\d(?:-м)?(?: году)?"),
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+");

    private StoryParts() {
    }

    /** The {@code when} and {@code result} attributes found in a story; empty when neither is. */
    static Map<String, String> of(String story) {
        Map<String, String> attributes = new LinkedHashMap<>();
        Matcher when = WHEN.matcher(story);
        if (when.find()) {
            attributes.put("when", when.group().strip());
        }
        String[] sentences = SENTENCE_END.split(story.strip());
        if (sentences.length > 1) {
            String last = sentences[sentences.length - 1].strip();
            if (last.split("\\s+").length >= MIN_RESULT_WORDS) {
                attributes.put("result", last);
            }
        }
        return attributes;
    }
}
