package dev.interviewagent.core.internal.planner;

import dev.interviewagent.core.StageProgress;
import dev.interviewagent.core.spi.Move;
import org.jspecify.annotations.Nullable;

/**
 * What the decision layer chose after an answer: the move, and whether (and why) the current stage ends first.
 *
 * @param move     the move to phrase
 * @param stageEnd why the current stage ends before the move; null if it goes on
 */
public record Decision(Move move, StageProgress.@Nullable EndReason stageEnd) {

    static Decision stay(Move move) {
        return new Decision(move, null);
    }
}
