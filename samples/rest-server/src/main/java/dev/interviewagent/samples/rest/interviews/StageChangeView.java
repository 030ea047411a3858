package dev.interviewagent.samples.rest.interviews;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A stage that ended and the one that began.
 *
 * @param from         the stage that ended
 * @param to           the stage that began
 * @param completeness the completeness the ended stage reached, 0–100
 */
@Schema(name = "StageChange", description = "A stage that ended during the turn and the one that began.")
public record StageChangeView(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String from,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String to,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "0", maximum = "100") int completeness) {
}
