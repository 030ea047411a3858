package dev.interviewagent.llm;

import dev.interviewagent.core.config.InterviewConfig;
import dev.interviewagent.core.config.InterviewSettings;
import dev.interviewagent.core.config.InvalidConfigurationException;
import dev.interviewagent.core.config.Setting;
import dev.interviewagent.core.spi.InterviewerBrain;
import dev.interviewagent.llm.spi.ChatModelProviders;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Picks the brain from the configuration, the way every sample does: the LLM brain when {@code OPENAI_API_KEY} or
 * {@code ANTHROPIC_API_KEY} is set, the offline brain otherwise.
 *
 * <p>Settings read ({@code docs/configuration.md}): {@code interview.llm.provider} ({@code openai},
 * {@code anthropic} or {@code offline}; unset: OpenAI when its key is set, else Anthropic),
 * {@code interview.llm.openai.api-key} / {@code .base-url} / {@code .model} (environment variables
 * {@code OPENAI_API_KEY}, {@code OPENAI_BASE_URL}, {@code OPENAI_MODEL}), the same for Anthropic
 * ({@code ANTHROPIC_*}), and {@code interview.llm.call-timeout}, {@code interview.llm.turn-timeout},
 * {@code interview.llm.max-retries}.
 *
 * <pre>{@code
 * InterviewConfig config = InterviewConfig.load();
 * InterviewEngine.Builder engine = InterviewEngine.builder();
 * LlmBrains.from(config).ifPresent(engine::brain);
 * System.out.println(LlmBrains.describe(config));   // "LLM brain: openai gpt-4o-mini at https://api.openai.com/v1"
 * }</pre>
 */
public final class LlmBrains {

    public static final String OPENAI_API_KEY = "OPENAI_API_KEY";
    public static final String OPENAI_BASE_URL = "OPENAI_BASE_URL";
    public static final String OPENAI_MODEL = "OPENAI_MODEL";
    public static final String ANTHROPIC_API_KEY = "ANTHROPIC_API_KEY";
    public static final String ANTHROPIC_BASE_URL = "ANTHROPIC_BASE_URL";
    public static final String ANTHROPIC_MODEL = "ANTHROPIC_MODEL";

    private LlmBrains() {
    }

    /**
     * The LLM brain {@code config} selects, or empty when no key is set, {@code interview.llm.provider} is
     * {@code offline}, or the provider a key implies has no module on the classpath (then the engine's offline brain
     * is used; {@link #describe(InterviewConfig)} names the artifact to add).
     *
     * @throws InvalidConfigurationException     if a setting is invalid (a base URL that is not http(s), a provider
     *                                           named whose key is not set, …); the message names the setting
     * @throws MissingChatModelProviderException if {@code interview.llm.provider} names a provider whose module
     *                                           ({@code sdk-llm-openai}, {@code sdk-llm-anthropic}) is missing
     */
    public static Optional<InterviewerBrain> from(InterviewConfig config) {
        return builderFrom(config).map(LlmBrain.Builder::build);
    }

    /**
     * A builder pre-filled from {@code config} (provider, key, base URL, model, timeouts, retries), for hosts that
     * want to change other settings; empty under the same conditions as {@link #from(InterviewConfig)}.
     *
     * @throws InvalidConfigurationException if a setting is invalid
     */
    public static Optional<LlmBrain.Builder> builderFrom(InterviewConfig config) {
        Objects.requireNonNull(config, "config");
        LlmBrain.Provider provider = provider(config);
        if (provider == null) {
            return Optional.empty();
        }
        if (!onClasspath(provider)) {
            if (config.find(InterviewSettings.LLM_PROVIDER).isPresent()) {
                throw new MissingChatModelProviderException(provider.code());
            }
            return Optional.empty();
        }
        boolean openAi = provider == LlmBrain.Provider.OPENAI;
        LlmBrain.Builder builder = LlmBrain.builder().provider(provider);
        config.apply(openAi ? InterviewSettings.LLM_OPENAI_API_KEY : InterviewSettings.LLM_ANTHROPIC_API_KEY,
                builder::apiKey);
        config.apply(openAi ? InterviewSettings.LLM_OPENAI_BASE_URL : InterviewSettings.LLM_ANTHROPIC_BASE_URL,
                builder::baseUrl);
        config.apply(openAi ? InterviewSettings.LLM_OPENAI_MODEL : InterviewSettings.LLM_ANTHROPIC_MODEL,
                builder::modelName);
        config.apply(InterviewSettings.LLM_CALL_TIMEOUT, builder::callTimeout);
        config.apply(InterviewSettings.LLM_TURN_TIMEOUT, builder::turnTimeout);
        config.apply(InterviewSettings.LLM_MAX_RETRIES, builder::maxRetries);
        return Optional.of(builder);
    }

    /**
     * One line that says which brain {@code config} selects, for a sample to print at start, e.g.
     * {@code LLM brain: openai gpt-4o-mini at https://api.openai.com/v1} or
     * {@code offline brain (set OPENAI_API_KEY or ANTHROPIC_API_KEY for the LLM brain)}. Never contains a key.
     *
     * @throws InvalidConfigurationException if {@code interview.llm.provider} is invalid
     */
    public static String describe(InterviewConfig config) {
        Objects.requireNonNull(config, "config");
        if (config.find(InterviewSettings.LLM_PROVIDER).filter("offline"::equals).isPresent()) {
            return "offline brain (interview.llm.provider is offline)";
        }
        LlmBrain.Provider provider = provider(config);
        if (provider == null) {
            return "offline brain (set OPENAI_API_KEY or ANTHROPIC_API_KEY for the LLM brain)";
        }
        if (!onClasspath(provider)) {
            return "offline brain (" + provider.code() + " key set, but "
                    + MissingChatModelProviderException.artifactOf(provider.code()) + " is not on the classpath)";
        }
        boolean openAi = provider == LlmBrain.Provider.OPENAI;
        String url = config.get(openAi ? InterviewSettings.LLM_OPENAI_BASE_URL
                : InterviewSettings.LLM_ANTHROPIC_BASE_URL);
        String model = config.get(openAi ? InterviewSettings.LLM_OPENAI_MODEL : InterviewSettings.LLM_ANTHROPIC_MODEL);
        return "LLM brain: " + provider.code() + " " + model + " at " + BaseUrls.redact(url);
    }

    /**
     * The LLM brain configured by environment variables alone; same as
     * {@code from(InterviewConfig.fromEnvironment(env))}.
     *
     * @throws IllegalArgumentException if a base URL or model variable is set but invalid
     */
    public static Optional<InterviewerBrain> fromEnvironment(Map<String, String> env) {
        return from(InterviewConfig.fromEnvironment(Objects.requireNonNull(env, "env")));
    }

    /** Same as {@code builderFrom(InterviewConfig.fromEnvironment(env))}. */
    public static Optional<LlmBrain.Builder> builderFromEnvironment(Map<String, String> env) {
        return builderFrom(InterviewConfig.fromEnvironment(Objects.requireNonNull(env, "env")));
    }

    /** Same as {@code describe(InterviewConfig.fromEnvironment(env))}. */
    public static String describe(Map<String, String> env) {
        return describe(InterviewConfig.fromEnvironment(Objects.requireNonNull(env, "env")));
    }

    private static LlmBrain.@Nullable Provider provider(InterviewConfig config) {
        Optional<String> chosen = config.find(InterviewSettings.LLM_PROVIDER);
        boolean openAiKey = config.isSet(InterviewSettings.LLM_OPENAI_API_KEY);
        boolean anthropicKey = config.isSet(InterviewSettings.LLM_ANTHROPIC_API_KEY);
        if (chosen.isPresent()) {
            return switch (chosen.get()) {
                case "openai" -> required(config, LlmBrain.Provider.OPENAI, openAiKey,
                        InterviewSettings.LLM_OPENAI_API_KEY);
                case "anthropic" -> required(config, LlmBrain.Provider.ANTHROPIC, anthropicKey,
                        InterviewSettings.LLM_ANTHROPIC_API_KEY);
                default -> null;
            };
        }
        if (openAiKey) {
            return LlmBrain.Provider.OPENAI;
        }
        return anthropicKey ? LlmBrain.Provider.ANTHROPIC : null;
    }

    private static LlmBrain.Provider required(InterviewConfig config, LlmBrain.Provider provider, boolean hasKey,
                                              Setting<String> key) {
        if (!hasKey) {
            throw new InvalidConfigurationException(InterviewSettings.LLM_PROVIDER, InterviewSettings.LLM_PROVIDER
                    + " is " + provider.code() + " (from " + config.source(InterviewSettings.LLM_PROVIDER)
                    .orElse("?") + ") but " + key.environmentVariable() + " (" + key + ") is not set");
        }
        return provider;
    }

    private static boolean onClasspath(LlmBrain.Provider provider) {
        return ChatModelProviders.find(provider.code()).isPresent();
    }
}
