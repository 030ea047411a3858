package dev.interviewagent.samples.rest.interviews;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * Where an interview stands, with the message that waits for an answer.
 *
 * @param interviewId  the interview
 * @param status       active or how it ended
 * @param language     its language
 * @param style        its style
 * @param stage        the current stage
 * @param stageIndex   the current stage's position, 1–9
 * @param completeness the current stage's completeness, 0–100
 * @param turns        turns in the log
 * @param startedAt    when it started
 * @param updatedAt    when it last changed
 * @param endedAt      when it ended
 * @param closeReason  why it ended
 * @param message      the question waiting for an answer, or the closing message
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Interview", description = "Where an interview stands and the question waiting for an answer (the"
        + " closing message once it has ended).")
public record InterviewView(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String interviewId,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"active", "completed", "ended_early",
                "ended_emergency", "abandoned"}) String status,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"en", "ru"}) String language,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String style,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String stage,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "1", maximum = "9") int stageIndex,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "0", maximum = "100") int completeness,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "0") int turns,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "date-time") String startedAt,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "date-time") String updatedAt,
        @Schema(format = "date-time") @Nullable String endedAt,
        @Schema(allowableValues = {"normal", "early", "emergency"}) @Nullable String closeReason,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) MessageView message) {
}
