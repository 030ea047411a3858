package dev.interviewagent.core.brain;

import dev.interviewagent.core.spi.InterviewerBrain;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Picks the brain from environment variables, the way every sample does: the LLM brain when
 * {@code OPENAI_API_KEY} or {@code ANTHROPIC_API_KEY} is set, the offline brain otherwise.
 *
 * <p>Variables read: {@code OPENAI_API_KEY}, {@code OPENAI_BASE_URL}, {@code OPENAI_MODEL},
 * {@code ANTHROPIC_API_KEY}, {@code ANTHROPIC_BASE_URL}, {@code ANTHROPIC_MODEL}. When both keys are set, OpenAI
 * is used. Blank values count as unset.
 *
 * <pre>{@code
 * Map<String, String> env = System.getenv();
 * InterviewEngine.Builder engine = InterviewEngine.builder();
 * LlmBrains.fromEnvironment(env).ifPresent(engine::brain);
 * System.out.println(LlmBrains.describe(env));   // "LLM brain: openai gpt-4o-mini at https://api.openai.com/v1"
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
     * The LLM brain configured by {@code env}, or empty when no key is set or the provider's LangChain4j module is
     * not on the classpath (then the engine's offline brain is used).
     *
     * @throws IllegalArgumentException if a base URL or model variable is set but invalid
     */
    public static Optional<InterviewerBrain> fromEnvironment(Map<String, String> env) {
        return builderFromEnvironment(env).map(LlmBrain.Builder::build);
    }

    /**
     * A builder pre-filled from {@code env} (provider, key, base URL, model), for hosts that want to change
     * other settings; empty under the same conditions as {@link #fromEnvironment(Map)}.
     */
    public static Optional<LlmBrain.Builder> builderFromEnvironment(Map<String, String> env) {
        Objects.requireNonNull(env, "env");
        LlmBrain.Provider provider = provider(env);
        if (provider == null || !onClasspath(provider)) {
            return Optional.empty();
        }
        boolean openAi = provider == LlmBrain.Provider.OPENAI;
        LlmBrain.Builder builder = LlmBrain.builder().provider(provider)
                .apiKey(value(env, openAi ? OPENAI_API_KEY : ANTHROPIC_API_KEY));
        String url = value(env, openAi ? OPENAI_BASE_URL : ANTHROPIC_BASE_URL);
        if (url != null) {
            builder.baseUrl(url);
        }
        String model = value(env, openAi ? OPENAI_MODEL : ANTHROPIC_MODEL);
        if (model != null) {
            builder.modelName(model);
        }
        return Optional.of(builder);
    }

    /**
     * One line that says which brain {@code env} selects, for a sample to print at start, e.g.
     * {@code LLM brain: openai gpt-4o-mini at https://api.openai.com/v1} or
     * {@code offline brain (set OPENAI_API_KEY or ANTHROPIC_API_KEY for the LLM brain)}. Never contains a key.
     */
    public static String describe(Map<String, String> env) {
        Objects.requireNonNull(env, "env");
        LlmBrain.Provider provider = provider(env);
        if (provider == null) {
            return "offline brain (set OPENAI_API_KEY or ANTHROPIC_API_KEY for the LLM brain)";
        }
        if (!onClasspath(provider)) {
            return "offline brain (" + provider.code() + " key set, but dev.langchain4j:langchain4j-"
                    + (provider == LlmBrain.Provider.OPENAI ? "open-ai" : "anthropic") + " is not on the classpath)";
        }
        boolean openAi = provider == LlmBrain.Provider.OPENAI;
        String url = value(env, openAi ? OPENAI_BASE_URL : ANTHROPIC_BASE_URL);
        String model = value(env, openAi ? OPENAI_MODEL : ANTHROPIC_MODEL);
        return "LLM brain: " + provider.code() + " "
                + (model != null ? model : openAi ? LlmBrain.DEFAULT_OPENAI_MODEL : LlmBrain.DEFAULT_ANTHROPIC_MODEL)
                + " at " + LlmBrain.redact(url != null ? url
                : openAi ? LlmBrain.DEFAULT_OPENAI_BASE_URL : LlmBrain.DEFAULT_ANTHROPIC_BASE_URL);
    }

    private static LlmBrain.@Nullable Provider provider(Map<String, String> env) {
        if (value(env, OPENAI_API_KEY) != null) {
            return LlmBrain.Provider.OPENAI;
        }
        if (value(env, ANTHROPIC_API_KEY) != null) {
            return LlmBrain.Provider.ANTHROPIC;
        }
        return null;
    }

    private static boolean onClasspath(LlmBrain.Provider provider) {
        String probe = provider == LlmBrain.Provider.OPENAI ? "dev.langchain4j.model.openai.OpenAiChatModel"
                : "dev.langchain4j.model.anthropic.AnthropicChatModel";
        try {
            Class.forName(probe, false, LlmBrains.class.getClassLoader());
            Class.forName("io.github.resilience4j.circuitbreaker.CircuitBreaker", false,
                    LlmBrains.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static @Nullable String value(Map<String, String> env, String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }
}
