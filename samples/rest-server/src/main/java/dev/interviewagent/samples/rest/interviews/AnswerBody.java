package dev.interviewagent.samples.rest.interviews;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * A typed answer.
 *
 * @param text what the respondent answered
 */
@Schema(name = "AnswerRequest", description = "A typed answer.")
public record AnswerBody(
        @Schema(description = "What the respondent answered: not blank; at most `interview.engine.max-answer-chars`"
                + " characters (20000 by default) after cleaning.", requiredMode = Schema.RequiredMode.REQUIRED,
                minLength = 1) @Nullable String text) {
}
