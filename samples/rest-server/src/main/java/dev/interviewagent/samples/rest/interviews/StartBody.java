package dev.interviewagent.samples.rest.interviews;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * What {@code POST /api/interviews} takes, all optional: the WebSocket protocol's {@code start} without its
 * {@code clientMessageId}.
 *
 * @param language the interview's language; omitted: from {@code locale}, else English switching to the language
 *                 of the first answer
 * @param style    the interview style
 * @param locale   a locale hint such as {@code ru-RU}, used when {@code language} is omitted
 * @param profile  what the respondent tells about themselves
 */
@Schema(name = "StartRequest", description = "Starts an interview. Every field is optional.")
public record StartBody(
        @Schema(description = "The interview's language. Omitted: from `locale`, else English, switching to the"
                + " language of the first answer.", allowableValues = {"en", "ru"}) @Nullable String language,
        @Schema(description = "The interview style (default `master`, or `interview.start.style`).",
                allowableValues = {"master", "telegram", "conversational", "stage_specific",
                        "conversation_management"}) @Nullable String style,
        @Schema(description = "A locale hint such as `ru-RU`, used when `language` is omitted.", minLength = 1,
                maxLength = 35) @Nullable String locale,
        @Schema(description = "What the respondent tells about themselves.") @Nullable ProfileBody profile) {
}
