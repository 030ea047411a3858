package dev.interviewagent.core.internal.knowledge;

import dev.interviewagent.core.Language;
import dev.interviewagent.core.internal.text.PackWords;
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

    /** Words that date a story: the {@code story_when} lists of the packs' patterns.json. */
    private static final String WHEN = "story_when";
    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS;
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+");

    private StoryParts() {
    }

    /** The {@code when} and {@code result} attributes found in a story; empty when neither is. */
    static Map<String, String> of(String story, Language language) {
        Map<String, String> attributes = new LinkedHashMap<>();
        Matcher when = PackWords.sharedPattern(language, WHEN, FLAGS).matcher(story);
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
