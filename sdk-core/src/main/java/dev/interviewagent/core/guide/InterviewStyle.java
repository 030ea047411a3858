package dev.interviewagent.core.guide;

import dev.interviewagent.core.Language;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How the interviewer sounds and paces itself. The five built-in styles live in {@link InterviewStyles}; hosts may
 * add their own. The offline brain reads the flags below; the LLM brain also uses {@link #promptTemplate}.
 * Immutable.
 *
 * @param code              stable code, e.g. {@code master}; stored with each interview
 * @param name              display name per language
 * @param description       one-sentence description per language (shown by channels as "about the styles")
 * @param maxQuestionChars  soft length target of an interviewer message; 0 for none ({@code telegram}: 200)
 * @param turnCap           questions per stage before moving on; 0 keeps the guide's turn cap
 * @param announceStages    name each stage's objective when it starts ({@code stage_specific})
 * @param stageEmoji        prefix stage openings with an emoji ({@code telegram})
 * @param warmBridges       natural bridges and warmer acknowledgements ({@code conversational})
 * @param offerBreaks       offer a break at stage boundaries in long interviews ({@code conversational})
 * @param moodTracking      name and handle the respondent's state: confused, off-topic, tired ({@code conversation_management})
 * @param promptTemplate    the LLM system prompt per language (the LLM brain fills in its placeholders)
 */
public record InterviewStyle(
        String code,
        Map<Language, String> name,
        Map<Language, String> description,
        int maxQuestionChars,
        int turnCap,
        boolean announceStages,
        boolean stageEmoji,
        boolean warmBridges,
        boolean offerBreaks,
        boolean moodTracking,
        Map<Language, String> promptTemplate) {

    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]{0,39}");

    public InterviewStyle {
        Objects.requireNonNull(code, "code");
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("style code must match [a-z][a-z0-9_]{0,39}, was '" + code + "'");
        }
        name = Map.copyOf(name);
        description = Map.copyOf(description);
        promptTemplate = Map.copyOf(promptTemplate);
        for (Language language : Language.builtIn()) {
            if (!name.containsKey(language) || !description.containsKey(language)
                    || !promptTemplate.containsKey(language)) {
                throw new IllegalArgumentException("style " + code + " needs a name, description and prompt in "
                        + language.code());
            }
        }
        if (maxQuestionChars < 0) {
            throw new IllegalArgumentException("maxQuestionChars must be >= 0, was " + maxQuestionChars);
        }
        if (turnCap < 0 || turnCap > 200) {
            throw new IllegalArgumentException("turnCap must be 0-200, was " + turnCap);
        }
    }

    /** The display name in {@code language}; the English one for a pack language that does not name the style. */
    public String name(Language language) {
        return name.getOrDefault(language, name.get(Language.ENGLISH));
    }

    /** The description in {@code language}; the English one for a pack language without one. */
    public String description(Language language) {
        return description.getOrDefault(language, description.get(Language.ENGLISH));
    }

    /** The LLM system prompt in {@code language}; the English one for a pack language without one. */
    public String promptTemplate(Language language) {
        return promptTemplate.getOrDefault(language, promptTemplate.get(Language.ENGLISH));
    }

    /** The turn cap this style applies to a stage of the guide. */
    public int turnCapFor(StageDefinition stage) {
        return turnCap == 0 ? stage.turnCap() : turnCap;
    }
}
