package dev.interviewagent.core.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One setting of the SDK: its canonical dotted name ({@code interview.store.url}), its environment variable
 * ({@code INTERVIEW_STORE_URL}), its type, default and a one-line description. Every setting is a constant of
 * {@link InterviewSettings}; read its value with {@link InterviewConfig#get(Setting)}.
 *
 * <p>The environment variable is the dotted name in upper case with dots and dashes turned into underscores (the form
 * Spring Boot's relaxed binding also accepts), except for well-known provider variables that keep their industry
 * names ({@code OPENAI_API_KEY}, {@code ASSEMBLYAI_API_KEY}, {@code REDIS_URL}, …). Older variable names are still
 * read, with a deprecation warning, and listed by {@link #deprecatedEnvironmentVariables()}.
 *
 * <p>A setting may name a {@linkplain #fallback() fallback}: when it is not set itself, the fallback's value is used
 * (for example the speech-to-text OpenAI key falls back to the LLM's {@code OPENAI_API_KEY}), then its own default.
 *
 * <p>Immutable and thread-safe. {@link #toString()} is the dotted name.
 *
 * @param <T> the type of the value
 */
public final class Setting<T> {

    private static final Pattern NAME = Pattern.compile("interview(\\.[a-z][a-z0-9]*(-[a-z0-9]+)*)+");
    private static final Pattern ENV = Pattern.compile("[A-Z][A-Z0-9_]*");

    private final String name;
    private final String environmentVariable;
    private final List<String> deprecatedEnvironmentVariables;
    private final String type;
    private final @Nullable String defaultValue;
    private final boolean secret;
    private final String description;
    private final @Nullable Setting<T> fallback;
    private final ValueParser<T> parser;

    private Setting(Builder<T> b) {
        this.name = b.name;
        this.environmentVariable = b.environmentVariable != null ? b.environmentVariable
                : environmentVariableFor(b.name);
        this.deprecatedEnvironmentVariables = List.copyOf(b.deprecated);
        this.type = b.type;
        this.defaultValue = b.defaultValue;
        this.secret = b.secret;
        this.description = Objects.requireNonNull(b.description, "description");
        this.fallback = b.fallback;
        this.parser = b.parser;
        if (defaultValue != null) {
            parser.parse(defaultValue); // a default that does not parse is a bug in the registry
        }
    }

    /** The canonical dotted name, e.g. {@code interview.store.url}; also the key in files and system properties. */
    public String name() {
        return name;
    }

    /** The environment variable, e.g. {@code INTERVIEW_STORE_URL} or {@code OPENAI_API_KEY}. */
    public String environmentVariable() {
        return environmentVariable;
    }

    /** Older environment variable names still read, with a warning; the current one wins when both are set. */
    public List<String> deprecatedEnvironmentVariables() {
        return deprecatedEnvironmentVariables;
    }

    /** The type as shown in the docs: {@code duration}, {@code integer 1-1000}, {@code true/false}, … */
    public String type() {
        return type;
    }

    /** The default as written in configuration ({@code 30s}, {@code interviews}); empty when there is none. */
    public Optional<String> defaultValue() {
        return Optional.ofNullable(defaultValue);
    }

    /** Whether the value is a secret (a key, a password, a token): never shown, logged or echoed in errors. */
    public boolean isSecret() {
        return secret;
    }

    /** One line saying what the setting does. */
    public String description() {
        return description;
    }

    /** The setting whose value is used when this one is not set (before this one's default). */
    public Optional<Setting<T>> fallback() {
        return Optional.ofNullable(fallback);
    }

    /**
     * Whether the environment variable is derived from the dotted name ({@link #environmentVariableFor}) rather than
     * a provider's industry name.
     */
    public boolean hasDerivedEnvironmentVariable() {
        return environmentVariable.equals(environmentVariableFor(name));
    }

    /**
     * The environment variable derived from a dotted name: upper case, dots and dashes become underscores
     * ({@code interview.engine.brain-timeout} → {@code INTERVIEW_ENGINE_BRAIN_TIMEOUT}).
     */
    public static String environmentVariableFor(String dottedName) {
        return dottedName.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
    }

    /** Parses a raw value; the exception's message says what is expected and never contains the value. */
    T parse(String text) {
        return parser.parse(text);
    }

    @Override
    public String toString() {
        return name;
    }

    static <T> Builder<T> builder(String name, String type, ValueParser<T> parser) {
        return new Builder<>(name, type, parser);
    }

    /** Turns configuration text into a typed value. */
    @FunctionalInterface
    interface ValueParser<T> {
        /**
         * @throws IllegalArgumentException saying what is expected, without repeating the text (it may be secret)
         */
        T parse(String text);
    }

    /** Builds one registry entry; only {@link InterviewSettings} uses it. */
    static final class Builder<T> {
        private final String name;
        private final String type;
        private final ValueParser<T> parser;
        private @Nullable String environmentVariable;
        private final List<String> deprecated = new ArrayList<>();
        private @Nullable String defaultValue;
        private boolean secret;
        private @Nullable String description;
        private @Nullable Setting<T> fallback;

        private Builder(String name, String type, ValueParser<T> parser) {
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("setting names are interview.<kebab-case segments>, was " + name);
            }
            this.name = name;
            this.type = type;
            this.parser = parser;
        }

        /** An industry name instead of the derived one ({@code OPENAI_API_KEY}). */
        Builder<T> env(String environmentVariable) {
            this.environmentVariable = env(environmentVariable, "environment variable");
            return this;
        }

        Builder<T> deprecatedEnv(String environmentVariable) {
            deprecated.add(env(environmentVariable, "deprecated environment variable"));
            return this;
        }

        Builder<T> defaultValue(String defaultValue) {
            this.defaultValue = Objects.requireNonNull(defaultValue, "defaultValue");
            return this;
        }

        Builder<T> secret() {
            this.secret = true;
            return this;
        }

        Builder<T> fallback(Setting<T> fallback) {
            this.fallback = Objects.requireNonNull(fallback, "fallback");
            return this;
        }

        Setting<T> describedAs(String description) {
            this.description = description;
            return new Setting<>(this);
        }

        private static String env(String value, String what) {
            if (!ENV.matcher(value).matches()) {
                throw new IllegalArgumentException(what + " must match " + ENV + ", was " + value);
            }
            return value;
        }
    }
}
