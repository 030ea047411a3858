package dev.interviewagent.voice;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Picks and builds a speech-to-text provider from environment variables, the way samples and simple hosts configure
 * it. Explicit builders ({@link AssemblyAiSpeechToText#builder()}, {@link OpenAiSpeechToText#builder()}) always
 * remain available for full control.
 *
 * <table>
 *   <caption>Variables read</caption>
 *   <tr><th>variable</th><th>meaning</th></tr>
 *   <tr><td>{@code ASSEMBLYAI_API_KEY}</td><td>enables AssemblyAI</td></tr>
 *   <tr><td>{@code ASSEMBLYAI_BASE_URL}</td><td>optional, default {@value AssemblyAiSpeechToText#DEFAULT_BASE_URL}</td></tr>
 *   <tr><td>{@code OPENAI_API_KEY}</td><td>enables OpenAI</td></tr>
 *   <tr><td>{@code OPENAI_BASE_URL}</td><td>optional, default {@value OpenAiSpeechToText#DEFAULT_BASE_URL}</td></tr>
 *   <tr><td>{@code OPENAI_STT_MODEL}</td><td>optional, default {@value OpenAiSpeechToText#DEFAULT_MODEL}</td></tr>
 *   <tr><td>{@code STT_PROVIDER}</td><td>{@code assemblyai} or {@code openai}: which to use first; without it,
 *       AssemblyAI when its key is set, else OpenAI</td></tr>
 *   <tr><td>{@code STT_FALLBACK}</td><td>{@code false} turns off falling back to the other provider when both keys
 *       are set (default {@code true})</td></tr>
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
    /** OpenAI's transcription model. */
    public static final String OPENAI_STT_MODEL = "OPENAI_STT_MODEL";
    /** {@code assemblyai} or {@code openai}: the provider tried first. */
    public static final String STT_PROVIDER = "STT_PROVIDER";
    /** {@code false} turns off the fallback to the other provider. */
    public static final String STT_FALLBACK = "STT_FALLBACK";

    private SpeechToTextFactory() {
    }

    /**
     * Builds the provider the variables describe.
     *
     * @param env usually {@code System.getenv()}
     * @return the provider, or empty when neither key is set
     * @throws IllegalArgumentException if {@code STT_PROVIDER} is unknown or names a provider whose key is unset, or a
     *     base URL is not http(s)
     */
    public static Optional<SpeechToText> fromEnvironment(Map<String, String> env) {
        Objects.requireNonNull(env, "env");
        Optional<String> assemblyKey = value(env, ASSEMBLYAI_API_KEY);
        Optional<String> openAiKey = value(env, OPENAI_API_KEY);
        Optional<String> chosen = value(env, STT_PROVIDER).map(v -> v.toLowerCase(Locale.ROOT));
        boolean fallback = value(env, STT_FALLBACK).map(v -> !v.equalsIgnoreCase("false")).orElse(true);

        String primary;
        if (chosen.isPresent()) {
            primary = chosen.get();
            if (!primary.equals(AssemblyAiSpeechToText.PROVIDER_ID) && !primary.equals(OpenAiSpeechToText.PROVIDER_ID)) {
                throw new IllegalArgumentException(STT_PROVIDER + " must be assemblyai or openai, was " + primary);
            }
            boolean hasKey = primary.equals(AssemblyAiSpeechToText.PROVIDER_ID) ? assemblyKey.isPresent()
                    : openAiKey.isPresent();
            if (!hasKey) {
                throw new IllegalArgumentException(STT_PROVIDER + " is " + primary + " but "
                        + (primary.equals(AssemblyAiSpeechToText.PROVIDER_ID) ? ASSEMBLYAI_API_KEY : OPENAI_API_KEY)
                        + " is not set");
            }
        } else if (assemblyKey.isPresent()) {
            primary = AssemblyAiSpeechToText.PROVIDER_ID;
        } else if (openAiKey.isPresent()) {
            primary = OpenAiSpeechToText.PROVIDER_ID;
        } else {
            return Optional.empty();
        }

        SpeechToText first = primary.equals(AssemblyAiSpeechToText.PROVIDER_ID) ? assemblyAi(env, assemblyKey.get())
                : openAi(env, openAiKey.get());
        if (!fallback || assemblyKey.isEmpty() || openAiKey.isEmpty()) {
            return Optional.of(first);
        }
        SpeechToText second = primary.equals(AssemblyAiSpeechToText.PROVIDER_ID) ? openAi(env, openAiKey.get())
                : assemblyAi(env, assemblyKey.get());
        return Optional.of(FallbackSpeechToText.of(first, second));
    }

    private static SpeechToText assemblyAi(Map<String, String> env, String key) {
        AssemblyAiSpeechToText.Builder builder = AssemblyAiSpeechToText.builder().apiKey(key);
        value(env, ASSEMBLYAI_BASE_URL).ifPresent(builder::baseUrl);
        return ResilientSpeechToText.of(builder.build());
    }

    private static SpeechToText openAi(Map<String, String> env, String key) {
        OpenAiSpeechToText.Builder builder = OpenAiSpeechToText.builder().apiKey(key);
        value(env, OPENAI_BASE_URL).ifPresent(builder::baseUrl);
        value(env, OPENAI_STT_MODEL).ifPresent(builder::model);
        return ResilientSpeechToText.of(builder.build());
    }

    static Optional<String> value(Map<String, String> env, String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }
}
