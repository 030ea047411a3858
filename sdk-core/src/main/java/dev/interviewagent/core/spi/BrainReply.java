package dev.interviewagent.core.spi;

import dev.interviewagent.core.analysis.Engagement;
import dev.interviewagent.core.knowledge.KnowledgeItem;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A brain's answer: the message that phrases the move, plus optional knowledge and estimates that the engine weighs
 * but does not obey. Immutable.
 *
 * @param message         the interviewer's message: exactly one question, unless the move is a close
 * @param phrasedBy       which brain (and model) phrased it, e.g. {@code methodology} or {@code openai:gpt-4o-mini}
 * @param knowledge       knowledge items the brain extracted from the last answer (may be empty)
 * @param completeness    the brain's estimate of the stage's completeness 0–100; null if none
 * @param engagement      the brain's estimate of engagement; null if none
 * @param transitionReady the brain's opinion that the stage may end; null if none
 * @param endRequested    the brain's reading that the respondent asked to stop
 */
public record BrainReply(
        String message,
        String phrasedBy,
        List<KnowledgeItem> knowledge,
        @Nullable Integer completeness,
        @Nullable Engagement engagement,
        @Nullable Boolean transitionReady,
        boolean endRequested) {

    public BrainReply {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(phrasedBy, "phrasedBy");
        if (message.isBlank()) {
            throw new IllegalArgumentException("a brain's message must not be blank");
        }
        knowledge = List.copyOf(knowledge);
        if (completeness != null && (completeness < 0 || completeness > 100)) {
            throw new IllegalArgumentException("completeness must be 0-100, was " + completeness);
        }
    }

    /** A reply with only a message. */
    public static BrainReply of(String message, String phrasedBy) {
        return new BrainReply(message, phrasedBy, List.of(), null, null, null, false);
    }

    public BrainReply withMessage(String newMessage) {
        return new BrainReply(newMessage, phrasedBy, knowledge, completeness, engagement, transitionReady, endRequested);
    }
}
