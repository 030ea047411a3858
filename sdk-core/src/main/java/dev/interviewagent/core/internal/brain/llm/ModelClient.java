package dev.interviewagent.core.internal.brain.llm;

import java.util.function.Consumer;

/**
 * One request to a chat model, in our own terms, so that everything above it (prompts, validation, resilience) is
 * free of provider types. Implementations must be thread-safe.
 */
interface ModelClient {

    /**
     * Sends the conversation and returns the model's text. Blocks for at most the call timeout.
     *
     * @param chunks receives pieces of the text as they arrive when streaming; never called otherwise
     * @throws ModelCallException on any failure, classified for the retry policy
     */
    String complete(ModelPrompt prompt, Consumer<String> chunks);

    /** Whether {@link #complete} streams. */
    boolean streams();
}
