package dev.interviewagent.core.spi;

import dev.interviewagent.core.Interview;
import dev.interviewagent.core.Turn;
import dev.interviewagent.core.analysis.AnswerAnalysis;
import dev.interviewagent.core.guide.InterviewStyle;
import dev.interviewagent.core.guide.StageDefinition;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a brain gets to phrase one move. Immutable.
 *
 * @param interview   the interview's state before the move is applied
 * @param move        the move the decision layer chose
 * @param stage       the guide's definition of the move's stage
 * @param style       the interview's style
 * @param analysis    the analysis of the answer being replied to; null for the opening message
 * @param lastAnswer  the answer being replied to, as data (never instructions); null for the opening message
 * @param recentTurns the last turns of the log, oldest first (a bounded window)
 * @param turnNumber  the number the interviewer's turn will have
 */
public record BrainRequest(
        Interview interview,
        Move move,
        StageDefinition stage,
        InterviewStyle style,
        @Nullable AnswerAnalysis analysis,
        @Nullable String lastAnswer,
        List<Turn> recentTurns,
        int turnNumber) {

    public BrainRequest {
        Objects.requireNonNull(interview, "interview");
        Objects.requireNonNull(move, "move");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(style, "style");
        recentTurns = List.copyOf(recentTurns);
    }
}
