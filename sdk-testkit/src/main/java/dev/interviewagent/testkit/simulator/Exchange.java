package dev.interviewagent.testkit.simulator;

import dev.interviewagent.core.Turn;
import dev.interviewagent.testkit.respondent.Utterance;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One interviewer message and the synthetic respondent's answer to it (none for the closing message).
 *
 * @param question   the interviewer's turn
 * @param answer     what the respondent said, with its ground truth; null if the interview ended here
 * @param answerTurn the respondent's turn as stored; null if the interview ended here
 */
public record Exchange(Turn question, @Nullable Utterance answer, @Nullable Turn answerTurn) {
    public Exchange {
        Objects.requireNonNull(question, "question");
    }
}
