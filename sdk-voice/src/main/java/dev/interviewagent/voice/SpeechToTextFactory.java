package dev.interviewagent.voice;

import dev.interviewagent.core.config.InterviewConfig;
import dev.interviewagent.core.config.InterviewSettings;
import dev.interviewagent.core.config.InvalidConfigurationException;
import dev.interviewagent.voice.spi.SpeechToTextProvider;
import dev.interviewagent.voice.spi.SpeechToTextProviders;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks and builds a speech-to-text provider from the configuration, the way samples and simple hosts configure it.
 * Each provider lives in its own module ({@code dev.interviewagent:sdk-voice-assemblyai},
 * {@code dev.interviewagent:sdk-voice-openai}), found with {@link java.util.ServiceLoader} as a
 * {@link SpeechToTextProvider}; the provider classes' own builders ({@code AssemblyAiSpeechToText.builder()},
 * {@code OpenAiSpeechToText.builder()}) remain available for full control.
 *
 * <table>
 *   <caption>Settings read (see docs/configuration.md)</caption>
 *   <tr><th>setting</th><th>environment variable</th><th>meaning</th></tr>
 *   <tr><td>{@code interview.voice.assemblyai.api-key}</td><td>{@code ASSEMBLYAI_API_KEY}</td>
 *       <td>enables AssemblyAI</td></tr>
 *   <tr><td>{@code interview.voice.assemblyai.base-url}</td><td>{@code ASSEMBLYAI_BASE_URL}</td>
 *       <td>default {@code https://api.assemblyai.com}</td></tr>
 *   <tr><td>{@code interview.voice.openai.api-key}</td><td>{@code INTERVIEW_VOICE_OPENAI_API_KEY}, else
 *       {@code OPENAI_API_KEY}</td><td>enables OpenAI</td></tr>
 *   <tr><td>{@code interview.voice.openai.base-url}</td><td>{@code INTERVIEW_VOICE_OPENAI_BASE_URL}, else
 *       {@code OPENAI_BASE_URL}</td><td>default {@code https://api.openai.com/v1}</td></tr>
 *   <tr><td>{@code interview.voice.openai.model}</td><td>{@code INTERVIEW_VOICE_OPENAI_MODEL}</td>
 *       <td>default {@code whisper-1}</td></tr>
 *   <tr><td>{@code interview.voice.provider}</td><td>{@code INTERVIEW_VOICE_PROVIDER}</td>
 *       <td>{@code assemblyai} or {@code openai}: which to use first; {@code off}: none. Unset: AssemblyAI when its
 *       key is set and its module is on the classpath, else OpenAI likewise</td></tr>
 *   <tr><td>{@code interview.voice.fallback}</td><td>{@code INTERVIEW_VOICE_FALLBACK}</td>
 *       <td>{@code false} turns off falling back to the other provider when both keys are set (default
 *       {@code true})</td></tr>
 * </table>
 *
 * <p>Each provider is wrapped in {@link ResilientSpeechToText} with its defaults; with both keys (and both modules)
 * the result is a {@link FallbackSpeechToText}. A provider that only a key implies, whose module is missing, is left
 * out with a warning that names the artifact; one that {@code interview.voice.provider} names fails with
 * {@link MissingSpeechToTextProviderException}. Blank values count as unset. Keys are never logged.
 */
public final class SpeechToTextFactory {

    /** AssemblyAI's key; setting it enables AssemblyAI. */
    public static final String ASSEMBLYAI_API_KEY = "ASSEMBLYAI_API_KEY";
    /** AssemblyAI's API root without {@code /v2}. */
    public static final String ASSEMBLYAI_BASE_URL = "ASSEMBLYAI_BASE_URL";
    /** OpenAI's key; setting it enables OpenAI. */
    public static final String OPENAI_API_KEY = "OPENAI_API_KEY";
    /** OpenAI's API root with {@code /v1}. */
    public static final String OPENAI_BASE_URL = "OPENAI_BASE_URL";
    /**
     * OpenAI's transcription model.
     *
     * @deprecated still read, with a warning; use {@code INTERVIEW_VOICE_OPENAI_MODEL}
     *     ({@link InterviewSettings#SPEECH_OPENAI_MODEL})
     */
    @Deprecated
    public static final String OPENAI_STT_MODEL = "OPENAI_STT_MODEL";
    /**
     * {@code assemblyai} or {@code openai}: the provider tried first.
     *
     * @deprecated still read, with a warning; use {@code INTERVIEW_VOICE_PROVIDER}
     *     ({@link InterviewSettings#SPEECH_PROVIDER})
     */
    @Deprecated
    public static final String STT_PROVIDER = "STT_PROVIDER";
    /**
     * {@code false} turns off the fallback to the other provider.
     *
     * @deprecated still read, with a warning; use {@code INTERVIEW_VOICE_FALLBACK}
     *     ({@link InterviewSettings#SPEECH_FALLBACK})
     */
    @Deprecated
    public static final String STT_FALLBACK = "STT_FALLBACK";

    private static final String ASSEMBLYAI = "assemblyai";
    private static final String OPENAI = "openai";

    private static final Logger log = LoggerFactory.getLogger(SpeechToTextFactory.class);

    private SpeechToTextFactory() {
    }

    /**
     * Builds the provider {@code config} describes.
     *
     * @return the provider, or empty when no key is set (or only keys of providers whose module is missing) or
     *     {@code interview.voice.provider} is {@code off}
     * @throws InvalidConfigurationException        if the provider is unknown or names a provider whose key is unset,
     *                                              or a base URL is not http(s); the message names the setting
     * @throws MissingSpeechToTextProviderException if {@code interview.voice.provider} names a provider whose module
     *                                              ({@code sdk-voice-assemblyai}, {@code sdk-voice-openai}) is
     *                                              missing; the message names the artifact to add
     */
    public static Optional<SpeechToText> from(InterviewConfig config) {
        Objects.requireNonNull(config, "config");
        Optional<String> assemblyKey = config.find(InterviewSettings.SPEECH_ASSEMBLYAI_API_KEY);
        Optional<String> openAiKey = config.find(InterviewSettings.SPEECH_OPENAI_API_KEY);
        Optional<String> chosen = config.find(InterviewSettings.SPEECH_PROVIDER);
        boolean fallback = config.get(InterviewSettings.SPEECH_FALLBACK);
        // each provider looked up (and a missing one warned about) once per call
        Map<String, Optional<SpeechToTextProvider>> found = new HashMap<>();
        Function<String, Optional<SpeechToTextProvider>> installed =
                name -> found.computeIfAbsent(name, SpeechToTextFactory::installed);

        SpeechToTextProvider first;
        if (chosen.isPresent()) {
            String primary = chosen.get();
            if (primary.equals("off")) {
                return Optional.empty();
            }
            boolean assembly = primary.equals(ASSEMBLYAI);
            if (assembly ? assemblyKey.isEmpty() : openAiKey.isEmpty()) {
                throw new InvalidConfigurationException(InterviewSettings.SPEECH_PROVIDER,
                        InterviewSettings.SPEECH_PROVIDER + " is " + primary + " (from "
                                + config.source(InterviewSettings.SPEECH_PROVIDER).orElse("?") + ") but "
                                + (assembly ? ASSEMBLYAI_API_KEY + " (" + InterviewSettings.SPEECH_ASSEMBLYAI_API_KEY
                                + ")" : OPENAI_API_KEY + " or " + InterviewSettings.SPEECH_OPENAI_API_KEY
                                .environmentVariable()) + " is not set");
            }
            first = SpeechToTextProviders.require(primary);
        } else {
            Optional<SpeechToTextProvider> implied = assemblyKey.isPresent() ? installed.apply(ASSEMBLYAI)
                    : Optional.empty();
            if (implied.isEmpty() && openAiKey.isPresent()) {
                implied = installed.apply(OPENAI);
            }
            if (implied.isEmpty()) {
                return Optional.empty();
            }
            first = implied.get();
        }

        SpeechToText primary = ResilientSpeechToText.of(first.create(config));
        String other = first.name().equals(ASSEMBLYAI) ? OPENAI : ASSEMBLYAI;
        boolean otherKeyed = other.equals(ASSEMBLYAI) ? assemblyKey.isPresent() : openAiKey.isPresent();
        if (!fallback || !otherKeyed) {
            return Optional.of(primary);
        }
        Optional<SpeechToTextProvider> second = installed.apply(other);
        if (second.isEmpty()) {
            return Optional.of(primary);
        }
        return Optional.of(FallbackSpeechToText.of(primary, ResilientSpeechToText.of(second.get().create(config))));
    }

    /**
     * Builds the provider the environment variables alone describe; same as
     * {@code from(InterviewConfig.fromEnvironment(env))}.
     *
     * @param env usually {@code System.getenv()}
     * @return the provider, or empty when neither key is set
     * @throws IllegalArgumentException if the provider is unknown or names a provider whose key is unset, or a base
     *     URL is not http(s)
     */
    public static Optional<SpeechToText> fromEnvironment(Map<String, String> env) {
        return from(InterviewConfig.fromEnvironment(Objects.requireNonNull(env, "env")));
    }

    /** The provider a key implies, if its module is on the classpath; a warning names the artifact otherwise. */
    private static Optional<SpeechToTextProvider> installed(String name) {
        Optional<SpeechToTextProvider> provider = SpeechToTextProviders.find(name);
        if (provider.isEmpty()) {
            log.warn("speech-to-text: a {} key is set, but {} is not on the classpath; {} is not used", name,
                    MissingSpeechToTextProviderException.artifactOf(name), name);
        }
        return provider;
    }
}
