package dev.interviewagent.samples.rest.interviews;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.interviewagent.core.Profile;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * The respondent's profile, with the WebSocket protocol's field names. Personal data: never logged.
 *
 * @param expertName      how to address the expert
 * @param roleTitle       the official title
 * @param company         the employer
 * @param industry        the industry
 * @param yearsExperience years in the role, 0–80
 * @param interviewGoal   what the knowledge will be used for
 */
@Schema(name = "Profile", description = "What the respondent tells about themselves; every field is optional."
        + " Text fields: at most 200 characters, no control characters.")
public record ProfileBody(
        @JsonProperty("expert_name") @Schema(maxLength = Profile.MAX_FIELD_LENGTH) @Nullable String expertName,
        @JsonProperty("role_title") @Schema(maxLength = Profile.MAX_FIELD_LENGTH) @Nullable String roleTitle,
        @JsonProperty("company") @Schema(maxLength = Profile.MAX_FIELD_LENGTH) @Nullable String company,
        @JsonProperty("industry") @Schema(maxLength = Profile.MAX_FIELD_LENGTH) @Nullable String industry,
        @JsonProperty("years_experience") @Schema(minimum = "0", maximum = "80") @Nullable Integer yearsExperience,
        @JsonProperty("interview_goal") @Schema(maxLength = Profile.MAX_FIELD_LENGTH) @Nullable String interviewGoal) {
}
