package dev.interviewagent.core.spi;

import dev.interviewagent.core.CloseReason;
import dev.interviewagent.core.Interview;
import dev.interviewagent.core.guide.Stage;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The next move as the decision layer chose it, with everything a brain needs to phrase it. Immutable.
 *
 * @param type          what to do
 * @param stage         the stage the question belongs to (after a transition, the new stage)
 * @param depth         the depth of the question, 1–4 (0 for {@link MoveType#CLOSE})
 * @param fromStage     for {@link MoveType#NEXT_STAGE}, the stage that just ended; null otherwise
 * @param seedQuestion  the guide's seed question to open a topic with; null when the move deepens
 * @param quote         the respondent's words to quote (a vague phrase, the gist of a long answer); may be null
 * @param recall        an earlier answer to refer back to ("Earlier you said …"); may be null
 * @param missing       what the stage still lacks, e.g. {@code examples}, {@code numbers}, {@code steps}
 * @param insights      for {@link MoveType#MEMBER_CHECK}, the key insights to present
 * @param closeReason   for {@link MoveType#CLOSE}, why the interview ends; null otherwise
 * @param acknowledge   what to acknowledge first, if anything: {@code thanks}, {@code refusal}, {@code discomfort},
 *                      {@code gap}, {@code correction}, {@code rating}, {@code fatigue}, {@code meta}; may be null
 * @param anchor        what the question is about, in the respondent's words: a fragment of the story being probed,
 *                      the steps or the mistake being drilled into; the brain builds the question around it; may be
 *                      null
 */
public record Move(
        MoveType type,
        Stage stage,
        int depth,
        @Nullable Stage fromStage,
        @Nullable String seedQuestion,
        @Nullable String quote,
        Interview.@Nullable Recall recall,
        List<String> missing,
        List<String> insights,
        @Nullable CloseReason closeReason,
        @Nullable String acknowledge,
        @Nullable String anchor) {

    public Move {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(stage, "stage");
        if (depth < 0 || depth > 4) {
            throw new IllegalArgumentException("depth must be 0-4, was " + depth);
        }
        if (type == MoveType.CLOSE && closeReason == null) {
            throw new IllegalArgumentException("a close move needs a close reason");
        }
        if (type == MoveType.NEXT_STAGE && fromStage == null) {
            throw new IllegalArgumentException("a next-stage move needs the stage it leaves");
        }
        missing = List.copyOf(missing);
        insights = List.copyOf(insights);
    }

    /** A move without an anchor. */
    public Move(MoveType type, Stage stage, int depth, @Nullable Stage fromStage, @Nullable String seedQuestion,
                @Nullable String quote, Interview.@Nullable Recall recall, List<String> missing, List<String> insights,
                @Nullable CloseReason closeReason, @Nullable String acknowledge) {
        this(type, stage, depth, fromStage, seedQuestion, quote, recall, missing, insights, closeReason, acknowledge,
                null);
    }

    /** A move of {@code type} in {@code stage} at {@code depth}, with nothing else set. */
    public static Move of(MoveType type, Stage stage, int depth) {
        return new Move(type, stage, depth, null, null, null, null, List.of(), List.of(), null, null);
    }

    /** A move that ends {@code from} and asks the first question of {@code to} (depth 1). */
    public static Move transition(MoveType type, Stage from, Stage to) {
        return new Move(type, to, 1, from, null, null, null, List.of(), List.of(), null, null);
    }

    /** The move that closes the interview for {@code reason} while in {@code stage}. */
    public static Move close(Stage stage, CloseReason reason) {
        return new Move(MoveType.CLOSE, stage, 0, null, null, null, null, List.of(), List.of(), reason, null);
    }

    public Move withSeedQuestion(@Nullable String seed) {
        return new Move(type, stage, depth, fromStage, seed, quote, recall, missing, insights, closeReason, acknowledge,
                anchor);
    }

    public Move withQuote(@Nullable String text) {
        return new Move(type, stage, depth, fromStage, seedQuestion, text, recall, missing, insights, closeReason,
                acknowledge, anchor);
    }

    public Move withRecall(Interview.@Nullable Recall earlier) {
        return new Move(type, stage, depth, fromStage, seedQuestion, quote, earlier, missing, insights, closeReason,
                acknowledge, anchor);
    }

    public Move withMissing(List<String> what) {
        return new Move(type, stage, depth, fromStage, seedQuestion, quote, recall, what, insights, closeReason,
                acknowledge, anchor);
    }

    public Move withInsights(List<String> keyInsights) {
        return new Move(type, stage, depth, fromStage, seedQuestion, quote, recall, missing, keyInsights, closeReason,
                acknowledge, anchor);
    }

    public Move withFromStage(@Nullable Stage from) {
        return new Move(type, stage, depth, from, seedQuestion, quote, recall, missing, insights, closeReason,
                acknowledge, anchor);
    }

    public Move withCloseReason(@Nullable CloseReason reason) {
        return new Move(type, stage, depth, fromStage, seedQuestion, quote, recall, missing, insights, reason,
                acknowledge, anchor);
    }

    public Move withAnchor(@Nullable String fragment) {
        return new Move(type, stage, depth, fromStage, seedQuestion, quote, recall, missing, insights, closeReason,
                acknowledge, fragment);
    }

    public Move withAcknowledge(@Nullable String what) {
        return new Move(type, stage, depth, fromStage, seedQuestion, quote, recall, missing, insights, closeReason,
                what, anchor);
    }
}
