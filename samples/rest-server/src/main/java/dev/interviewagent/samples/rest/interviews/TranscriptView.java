package dev.interviewagent.samples.rest.interviews;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What a spoken answer was heard as.
 *
 * @param text       the transcript
 * @param confidence the provider's confidence, 0–1
 * @param quality    {@code high}, {@code medium} or {@code low}
 */
@Schema(name = "Transcript", description = "What a spoken answer was heard as.")
public record TranscriptView(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String text,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "0", maximum = "1") double confidence,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"high", "medium", "low"})
        String quality) {
}
