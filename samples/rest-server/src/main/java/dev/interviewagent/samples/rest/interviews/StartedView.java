package dev.interviewagent.samples.rest.interviews;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A started interview: its id, its token (shown only here) and the opening question.
 *
 * @param interviewId  the interview
 * @param token        the bearer token for every later request about it; only its hash is stored
 * @param language     the interview's language
 * @param style        the interview style
 * @param status       {@code active}
 * @param completeness the completeness of the first stage
 * @param message      the opening question
 */
@Schema(name = "StartedInterview", description = "A new interview. Keep `token`: it is shown only once and every"
        + " later request about the interview needs it (`Authorization: Bearer <token>`).")
public record StartedView(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String interviewId,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 43, maxLength = 43) String token,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"en", "ru"}) String language,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String style,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"active"}) String status,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "0", maximum = "100") int completeness,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) MessageView message) {
}
