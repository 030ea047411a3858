package dev.interviewagent.llm.internal;

import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * One request to a chat model, in our own terms, so that everything above it (prompts, validation, resilience) is
 * free of provider types. Implementations must be thread-safe.
 */
interface ModelClient {

    /**
     * Sends the conversation and returns the model's text and the tokens the provider counted. Blocks for at most
     * the call timeout.
     *
     * @param chunks receives pieces of the text as they arrive when streaming; never called otherwise
     * @throws ModelCallException on any failure, classified for the retry policy
     */
    Output complete(ModelPrompt prompt, Consumer<String> chunks);

    /** Whether {@link #complete} streams. */
    boolean streams();

    /**
     * What the model returned.
     *
     * @param text             the reply's text, empty if it had none
     * @param promptTokens     the provider's count of the request's tokens, null when it sent none
     * @param completionTokens the provider's count of the reply's tokens, null when it sent none
     */
    record Output(String text, @Nullable Integer promptTokens, @Nullable Integer completionTokens) {
    }
}
