package dev.interviewagent.samples.rest.interviews;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The interviewer's reply to an answer or to {@code complete}.
 *
 * @param interviewId  the interview
 * @param status       the interview's status after the turn
 * @param closeReason  why it ended, once it has
 * @param completeness the completeness of the message's stage, 0–100
 * @param message      the next question, or the closing message
 * @param stageChanges stages that ended and began during the turn
 * @param transcript   for a spoken answer, what it was heard as
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "TurnReply", description = "The interviewer's reply: the next question, or the closing message once"
        + " the interview has ended. A repeated request (same Idempotency-Key, same body) gets the same `message`.")
public record TurnView(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String interviewId,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"active", "completed", "ended_early",
                "ended_emergency", "abandoned"}) String status,
        @Schema(allowableValues = {"normal", "early", "emergency"}) @Nullable String closeReason,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "0", maximum = "100") int completeness,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) MessageView message,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<StageChangeView> stageChanges,
        @Nullable TranscriptView transcript) {
}
