package dev.interviewagent.testkit.respondent;

import dev.interviewagent.testkit.intent.QuestionIntent;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One answer of a synthetic respondent, with what it carries.
 *
 * @param text       the answer as sent
 * @param kind       what the answer mainly is
 * @param asked      the intent the respondent read in the question
 * @param told       ids of the persona's episodes, processes and failures first told in this answer
 * @param greeting   the greeting or pleasantry the answer opens with, if any ("Hello! Happy to help.")
 */
public record Utterance(String text, AnswerKind kind, QuestionIntent asked, List<String> told,
                        @Nullable String greeting) {

    public Utterance {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(asked, "asked");
        told = List.copyOf(told);
    }

    /** Whether the answer carries no knowledge: nothing more, as-I-said, confirmations and pleasantries. */
    public boolean isMeta() {
        return kind == AnswerKind.NOTHING_MORE || kind == AnswerKind.AS_I_SAID || kind == AnswerKind.CONFIRMATION
                || kind == AnswerKind.PLEASANTRY;
    }

    /** Whether the answer tells a story: an episode of the persona's. */
    public boolean tellsEpisode() {
        return told.stream().anyMatch(id -> id.startsWith("episode:"));
    }
}
