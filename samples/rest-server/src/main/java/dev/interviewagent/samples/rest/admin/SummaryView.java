package dev.interviewagent.samples.rest.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.interviewagent.core.spi.InterviewSummary;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * One line of the operator's listing: facts about an interview, nothing the respondent said and no channel key.
 *
 * @param interviewId the interview
 * @param status      active or how it ended
 * @param language    its language
 * @param style       its style
 * @param channel     the channel it runs on ({@code rest}, {@code telegram}, {@code web}, …)
 * @param stage       the current stage
 * @param stageIndex  the current stage's position, 1–9
 * @param turns       turns in the log
 * @param startedAt   when it started
 * @param updatedAt   when it last changed
 * @param closeReason why it ended
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "InterviewSummary", description = "One interview in the operator's listing.")
public record SummaryView(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String interviewId,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"active", "completed", "ended_early",
                "ended_emergency", "abandoned"}) String status,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"en", "ru"}) String language,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String style,
        @Nullable String channel,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String stage,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "1", maximum = "9") int stageIndex,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "0") int turns,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "date-time") String startedAt,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "date-time") String updatedAt,
        @Schema(allowableValues = {"normal", "early", "emergency"}) @Nullable String closeReason) {

    static SummaryView of(InterviewSummary summary) {
        return new SummaryView(summary.id().value(), summary.status().code(), summary.language().code(),
                summary.style(), summary.channel(), summary.stage().code(), summary.stage().index(),
                summary.turnCount(), summary.startedAt().toString(), summary.updatedAt().toString(),
                summary.closeReason() == null ? null : summary.closeReason().code());
    }
}
