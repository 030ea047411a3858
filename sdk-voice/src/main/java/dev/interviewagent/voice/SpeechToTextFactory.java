package dev.interviewagent.voice;

import dev.interviewagent.core.config.InterviewConfig;
import dev.interviewagent.core.config.InterviewSettings;
import dev.interviewagent.core.config.InvalidConfigurationException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Picks and builds a speech-to-text provider from the configuration, the way samples and simple hosts configure it.
 * Explicit builders ({@link AssemblyAiSpeechToText#builder()}, {@link OpenAiSpeechToText#builder()}) always remain
 * available for full control.
 *
 * <table>
 *   <caption>Settings read (see docs/configuration.md)</caption>
 *   <tr><th>setting</th><th>environment variable</th><th>meaning</th></tr>
 *   <tr><td>{@code interview.voice.assemblyai.api-key}</td><td>{@code ASSEMBLYAI_API_KEY}</td>
 *       <td>enables AssemblyAI</td></tr>
 *   <tr><td>{@code interview.voice.assemblyai.base-url}</td><td>{@code ASSEMBLYAI_BASE_URL}</td>
 *       <td>default {@value AssemblyAiSpeechToText#DEFAULT_BASE_URL}</td></tr>
 *   <tr><td>{@code interview.voice.openai.api-key}</td><td>{@code INTERVIEW_VOICE_OPENAI_API_KEY}, else
 *       {@code OPENAI_API_KEY}</td><td>enables OpenAI</td></tr>
 *   <tr><td>{@code interview.voice.openai.base-url}</td><td>{@code INTERVIEW_VOICE_OPENAI_BASE_URL}, else
 *       {@code OPENAI_BASE_URL}</td><td>default {@value OpenAiSpeechToText#DEFAULT_BASE_URL}</td></tr>
 *   <tr><td>{@code interview.voice.openai.model}</td><td>{@code INTERVIEW_VOICE_OPENAI_MODEL}</td>
 *       <td>default {@value OpenAiSpeechToText#DEFAULT_MODEL}</td></tr>
 *   <tr><td>{@code interview.voice.provider}</td><td>{@code INTERVIEW_VOICE_PROVIDER}</td>
 *       <td>{@code assemblyai} or {@code openai}: which to use first; {@code off}: none. Unset: AssemblyAI when its
 *       key is set, else OpenAI</td></tr>
 *   <tr><td>{@code interview.voice.fallback}</td><td>{@code INTERVIEW_VOICE_FALLBACK}</td>
 *       <td>{@code false} turns off falling back to the other provider when both keys are set (default
 *       {@code true})</td></tr>
 * </table>
 *
 * <p>Each provider is wrapped in {@link ResilientSpeechToText} with its defaults; with both keys the result is a
 * {@link FallbackSpeechToText}. Blank values count as unset. Keys are never logged.
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

    private SpeechToTextFactory() {
    }

    /**
     * Builds the provider {@code config} describes.
     *
     * @return the provider, or empty when neither key is set or {@code interview.voice.provider} is {@code off}
     * @throws InvalidConfigurationException if the provider is unknown or names a provider whose key is unset, or a
     *     base URL is not http(s); the message names the setting
     */
    public static Optional<SpeechToText> from(InterviewConfig config) {
        Objects.requireNonNull(config, "config");
        Optional<String> assemblyKey = config.find(InterviewSettings.SPEECH_ASSEMBLYAI_API_KEY);
        Optional<String> openAiKey = config.find(InterviewSettings.SPEECH_OPENAI_API_KEY);
        Optional<String> chosen = config.find(InterviewSettings.SPEECH_PROVIDER);
        boolean fallback = config.get(InterviewSettings.SPEECH_FALLBACK);

        String primary;
        if (chosen.isPresent()) {
            primary = chosen.get();
            if (primary.equals("off")) {
                return Optional.empty();
            }
            boolean assembly = primary.equals(AssemblyAiSpeechToText.PROVIDER_ID);
            if (assembly ? assemblyKey.isEmpty() : openAiKey.isEmpty()) {
                throw new InvalidConfigurationException(InterviewSettings.SPEECH_PROVIDER,
                        InterviewSettings.SPEECH_PROVIDER + " is " + primary + " (from "
                                + config.source(InterviewSettings.SPEECH_PROVIDER).orElse("?") + ") but "
                                + (assembly ? ASSEMBLYAI_API_KEY + " (" + InterviewSettings.SPEECH_ASSEMBLYAI_API_KEY
                                + ")" : OPENAI_API_KEY + " or " + InterviewSettings.SPEECH_OPENAI_API_KEY
                                .environmentVariable()) + " is not set");
            }
        } else if (assemblyKey.isPresent()) {
            primary = AssemblyAiSpeechToText.PROVIDER_ID;
        } else if (openAiKey.isPresent()) {
            primary = OpenAiSpeechToText.PROVIDER_ID;
        } else {
            return Optional.empty();
        }

        boolean assemblyFirst = primary.equals(AssemblyAiSpeechToText.PROVIDER_ID);
        SpeechToText first = assemblyFirst ? assemblyAi(config) : openAi(config);
        if (!fallback || assemblyKey.isEmpty() || openAiKey.isEmpty()) {
            return Optional.of(first);
        }
        SpeechToText second = assemblyFirst ? openAi(config) : assemblyAi(config);
        return Optional.of(FallbackSpeechToText.of(first, second));
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

    private static SpeechToText assemblyAi(InterviewConfig config) {
        AssemblyAiSpeechToText.Builder builder = AssemblyAiSpeechToText.builder();
        config.apply(InterviewSettings.SPEECH_ASSEMBLYAI_API_KEY, builder::apiKey);
        config.apply(InterviewSettings.SPEECH_ASSEMBLYAI_BASE_URL, builder::baseUrl);
        return ResilientSpeechToText.of(builder.build());
    }

    private static SpeechToText openAi(InterviewConfig config) {
        OpenAiSpeechToText.Builder builder = OpenAiSpeechToText.builder();
        config.apply(InterviewSettings.SPEECH_OPENAI_API_KEY, builder::apiKey);
        config.apply(InterviewSettings.SPEECH_OPENAI_BASE_URL, builder::baseUrl);
        config.apply(InterviewSettings.SPEECH_OPENAI_MODEL, builder::model);
        return ResilientSpeechToText.of(builder.build());
    }
}
