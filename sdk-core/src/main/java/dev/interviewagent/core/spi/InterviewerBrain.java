package dev.interviewagent.core.spi;

import java.util.function.Consumer;

/**
 * Phrases the move the decision layer chose as one interviewer message. A brain does not choose the strategy.
 *
 * <p>The engine calls a brain with a timeout, runs the one-question guard on its output and falls back to the
 * offline {@code MethodologyBrain} on any failure, so an implementation may throw freely. Implementations must be
 * thread-safe: one brain serves many interviews at once. Contract tests ship in the sdk-core test-jar as
 * {@code InterviewerBrainContract}.
 */
public interface InterviewerBrain {

    /** A short stable id recorded on each turn it phrases, e.g. {@code methodology} or {@code llm}. */
    String id();

    /**
     * Phrases a move. Blocks until the message is ready.
     *
     * @throws RuntimeException on any failure; the engine falls back to the offline brain
     */
    BrainReply phrase(BrainRequest request);

    /**
     * How many of the latest turns this brain wants in {@link BrainRequest#recentTurns()}. The engine reads only
     * that many from the store, so a brain that works from the interview's state alone (the offline brain) costs no
     * log read. Defaults to 0.
     */
    default int contextTurns() {
        return 0;
    }

    /**
     * Phrases a move and reports pieces of the message as they are produced, for channels that show streaming.
     * The returned reply is what counts (it is validated and stored); deltas are only a preview. The default calls
     * {@link #phrase(BrainRequest)} and streams nothing.
     */
    default BrainReply phrase(BrainRequest request, Consumer<String> deltas) {
        return phrase(request);
    }
}
