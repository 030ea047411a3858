package dev.interviewagent.core;

import dev.interviewagent.core.guide.Stage;
import java.util.Objects;

/**
 * A stage that ended and the one that began, as reported to channels ({@code stage} event).
 *
 * @param from         the stage that ended
 * @param to           the stage that began
 * @param completeness the completeness the ended stage reached, 0–100
 * @param reason       why it ended
 */
public record StageChange(Stage from, Stage to, int completeness, StageProgress.EndReason reason) {
    public StageChange {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(reason, "reason");
    }
}
