package dev.interviewagent.samples.rest.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of the listing.
 *
 * @param items      the interviews, most recently changed first
 * @param nextCursor where the next page starts ({@code cursor=}); absent on the last page
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "InterviewPage", description = "One page of interviews, most recently changed first.")
public record PageView(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<SummaryView> items,
        @Schema(description = "Pass as `cursor` with the same filters for the next page; absent on the last page.")
        @Nullable String nextCursor) {
}
