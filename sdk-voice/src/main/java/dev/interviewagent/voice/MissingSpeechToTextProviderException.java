package dev.interviewagent.voice;

import java.util.Objects;

/**
 * Speech-to-text was configured for a provider whose module is not on the classpath, e.g.
 * {@code interview.voice.provider=assemblyai} without {@code dev.interviewagent:sdk-voice-assemblyai}. The message
 * names the artifact to add.
 */
public final class MissingSpeechToTextProviderException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final String provider;

    public MissingSpeechToTextProviderException(String provider) {
        super("no speech-to-text provider '" + provider + "' on the classpath: add " + artifactOf(provider));
        this.provider = Objects.requireNonNull(provider, "provider");
    }

    /** The provider asked for, e.g. {@code assemblyai}. */
    public String provider() {
        return provider;
    }

    /** The artifact that brings the provider, e.g. {@code dev.interviewagent:sdk-voice-assemblyai}. */
    public String artifact() {
        return artifactOf(provider);
    }

    /** The artifact that brings {@code provider}, by the one-artifact-per-provider naming. */
    public static String artifactOf(String provider) {
        return "dev.interviewagent:sdk-voice-" + provider;
    }
}
