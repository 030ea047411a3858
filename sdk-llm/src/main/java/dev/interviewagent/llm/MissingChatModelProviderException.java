package dev.interviewagent.llm;

import java.util.Objects;

/**
 * The LLM brain was asked for a model provider whose module is not on the classpath, e.g. {@code anthropic}
 * without {@code dev.interviewagent:sdk-llm-anthropic}. The message names the artifact to add.
 */
public final class MissingChatModelProviderException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final String provider;

    public MissingChatModelProviderException(String provider) {
        super("no LLM provider '" + provider + "' on the classpath: add " + artifactOf(provider));
        this.provider = Objects.requireNonNull(provider, "provider");
    }

    /** The provider asked for, e.g. {@code anthropic}. */
    public String provider() {
        return provider;
    }

    /** The artifact that brings the provider, e.g. {@code dev.interviewagent:sdk-llm-anthropic}. */
    public String artifact() {
        return artifactOf(provider);
    }

    /** The artifact that brings {@code provider}, by the one-artifact-per-provider naming. */
    public static String artifactOf(String provider) {
        return "dev.interviewagent:sdk-llm-" + provider;
    }
}
