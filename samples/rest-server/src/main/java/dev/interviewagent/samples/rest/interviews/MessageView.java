package dev.interviewagent.samples.rest.interviews;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * An interviewer's message: a question (exactly one) or the closing message.
 *
 * @param turn       its number in the turn log
 * @param kind       {@code question} or {@code closing}
 * @param stage      the stage it belongs to
 * @param stageIndex the stage's position, 1–9
 * @param text       what the interviewer says
 * @param depth      the question's depth, 1–4 (0 for a closing message)
 * @param replyTo    the {@code Idempotency-Key} of the answer it replies to; absent for the opening question and
 *                   after {@code complete}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Message", description = "The interviewer's message: a question (exactly one) or the closing message.")
public record MessageView(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "1") int turn,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"question", "closing"}) String kind,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"greeting", "profiling", "essence",
                "operations", "expertise_map", "failure_modes", "mastery", "growth_path", "wrap_up"}) String stage,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "1", maximum = "9") int stageIndex,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String text,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "0", maximum = "4") int depth,
        @Schema(description = "The Idempotency-Key of the answer this message replies to.") @Nullable String replyTo) {
}
