package dev.interviewagent.core.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SDK's settings as resolved for one process: typed, validated values of the {@link InterviewSettings}.
 *
 * <p>A value is looked up, first match wins, in: values {@linkplain Builder#set set by the host} (e.g. a command-line
 * option such as {@code --store}; {@code --config} sets {@link InterviewSettings#CONFIG_FILE}), <b>environment variables</b> (the setting's variable, then its deprecated names, with a warning),
 * <b>Java system properties</b> (the dotted name: {@code -Dinterview.store.url=…}), an optional <b>properties
 * file</b> (dotted names; its path from {@code INTERVIEW_CONFIG_FILE} or {@code -Dinterview.config.file}), then the
 * setting's {@linkplain Setting#fallback() fallback}, then its default. Blank values count as unset.
 *
 * <pre>{@code
 * InterviewConfig config = InterviewConfig.load();          // System.getenv(), System.getProperties(), the file
 * Duration timeout = config.get(InterviewSettings.ENGINE_BRAIN_TIMEOUT);
 * Optional<String> schema = config.find(InterviewSettings.STORE_SCHEMA);
 * config.describe().forEach(System.out::println);           // what was set, and where; secrets masked
 * }</pre>
 *
 * <p>Values are parsed when read, so a bad value fails where it is used, with an {@link InvalidConfigurationException}
 * that names the setting and where the value came from (and never a secret's value); {@link #validate()} checks
 * every value at once. Unknown {@code interview.*} keys in the file or the system properties (typos) are logged as
 * warnings when the configuration is built; a deprecated environment variable is warned about once, when read.
 *
 * <p>Immutable and thread-safe; it reads the environment, properties and file once, at {@link Builder#build()}.
 * {@link #toString()} and {@link #describe()} mask secrets and passwords in URLs.
 */
public final class InterviewConfig {

    private static final Logger log = LoggerFactory.getLogger(InterviewConfig.class);
    private static final String PREFIX = "interview.";

    private final Map<String, Value> explicit;
    private final Map<String, String> environment;
    private final Map<String, String> systemProperties;
    private final Map<String, String> file;
    private final @Nullable Path filePath;
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    private InterviewConfig(Map<String, Value> explicit, Map<String, String> environment,
                            Map<String, String> systemProperties, Map<String, String> file, @Nullable Path filePath) {
        this.explicit = Map.copyOf(explicit);
        this.environment = nonBlank(environment);
        this.systemProperties = nonBlank(systemProperties);
        this.file = nonBlank(file);
        this.filePath = filePath;
    }

    /**
     * The process's configuration: {@code System.getenv()}, {@code System.getProperties()} and the file they name.
     *
     * @throws InvalidConfigurationException if a configuration file is named but cannot be read
     */
    public static InterviewConfig load() {
        return builder().environment(System.getenv()).systemProperties(System.getProperties()).build();
    }

    /**
     * Environment variables only: no system properties and no file, even if one is named. What the older
     * {@code fromEnvironment(Map)} helpers use.
     */
    public static InterviewConfig fromEnvironment(Map<String, String> environment) {
        return of(environment, Map.of(), Map.of());
    }

    /**
     * From explicit maps, for tests: environment variables, system properties (dotted names) and the contents of a
     * properties file (dotted names). Nothing is read from the process or the disk.
     */
    public static InterviewConfig of(Map<String, String> environment, Map<String, String> systemProperties,
                                     Map<String, String> fileProperties) {
        return new InterviewConfig(Map.of(), environment, systemProperties, fileProperties, null)
                .warnAboutUnknownKeys();
    }

    /** A builder with nothing in it; add the sources to read. */
    public static Builder builder() {
        return new Builder();
    }

    // ------------------------------------------------------------------------------------------------ values

    /**
     * The value of {@code setting}: set, or its fallback's, or its default.
     *
     * @return empty when none of those exists
     * @throws InvalidConfigurationException if the value does not parse (the message names the setting)
     */
    public <T> Optional<T> find(Setting<T> setting) {
        Objects.requireNonNull(setting, "setting");
        Value value = resolve(setting);
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(setting.parse(value.text()));
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigurationException(setting, setting.name() + " " + e.getMessage()
                    + (setting.isSecret() ? "" : ", was '" + Masking.credentials(value.text()) + "'")
                    + " (from " + value.source() + ")");
        }
    }

    /**
     * The value of {@code setting}, as {@link #find} but required.
     *
     * @throws InvalidConfigurationException if it is not set and has no default, or does not parse
     */
    public <T> T get(Setting<T> setting) {
        return find(setting).orElseThrow(() -> new InvalidConfigurationException(setting, setting.name()
                + " is not set (environment variable " + setting.environmentVariable() + " or system property "
                + setting.name() + ")"));
    }

    /**
     * Passes the value of {@code setting}, if there is one, to a builder's setter; an
     * {@link IllegalArgumentException} from the setter becomes an {@link InvalidConfigurationException} that names
     * the setting and where the value came from (with the setter's message only when the setting is not secret).
     *
     * <pre>{@code config.apply(InterviewSettings.STORE_SCHEMA, builder::schema);}</pre>
     *
     * @return whether a value was passed
     * @throws InvalidConfigurationException if the value does not parse or the setter rejects it
     */
    public <T> boolean apply(Setting<T> setting, Consumer<? super T> setter) {
        Objects.requireNonNull(setter, "setter");
        Optional<T> value = find(setting);
        if (value.isEmpty()) {
            return false;
        }
        try {
            setter.accept(value.get());
        } catch (IllegalArgumentException e) {
            String from = " (from " + source(setting).orElse("?") + ")";
            throw setting.isSecret()
                    ? new InvalidConfigurationException(setting, setting.name() + " is not valid" + from)
                    : new InvalidConfigurationException(setting, setting.name() + ": " + e.getMessage() + from, e);
        }
        return true;
    }

    /** Whether {@code setting} itself has a value (not only a fallback's or a default). */
    public boolean isSet(Setting<?> setting) {
        return own(setting) != null;
    }

    /**
     * Where the value of {@code setting} comes from, e.g. {@code environment variable INTERVIEW_STORE_URL},
     * {@code system property interview.store.url}, {@code file /etc/interview.properties} or {@code default}.
     */
    public Optional<String> source(Setting<?> setting) {
        return Optional.ofNullable(resolve(setting)).map(Value::source);
    }

    /**
     * The value of {@code setting} as it may be shown: {@code <masked>} for secrets, passwords in URLs masked.
     * Empty when there is no value.
     */
    public Optional<String> display(Setting<?> setting) {
        Value value = resolve(setting);
        return value == null ? Optional.empty() : Optional.of(shown(setting, value.text()));
    }

    /** The properties file read, if any. */
    public Optional<Path> file() {
        return Optional.ofNullable(filePath);
    }

    /**
     * Parses every value that is set, so that a bad one fails at start-up even if nothing reads it yet.
     *
     * @throws InvalidConfigurationException naming the first bad setting; its message lists all of them
     */
    public InterviewConfig validate() {
        List<InvalidConfigurationException> errors = new ArrayList<>();
        for (Setting<?> setting : InterviewSettings.all()) {
            if (isSet(setting)) {
                try {
                    find(setting);
                } catch (InvalidConfigurationException e) {
                    errors.add(e);
                }
            }
        }
        if (errors.size() == 1) {
            throw errors.get(0);
        }
        if (!errors.isEmpty()) {
            StringBuilder message = new StringBuilder(errors.size() + " settings are invalid:");
            errors.forEach(e -> message.append("\n  ").append(e.getMessage()));
            throw new InvalidConfigurationException(InterviewSettings.byName(errors.get(0).settingName())
                    .orElseThrow(), message.toString(), errors.get(0));
        }
        return this;
    }

    /**
     * One line per setting that is set, in registry order — {@code interview.store.url = jdbc:postgresql://db/app
     * (environment variable INTERVIEW_STORE_URL)} — with secrets masked; first the file read, if any.
     */
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        if (filePath != null) {
            lines.add("configuration file: " + filePath);
        }
        for (Setting<?> setting : InterviewSettings.all()) {
            Value value = own(setting);
            if (value != null) {
                lines.add(setting.name() + " = " + shown(setting, value.text()) + " (" + value.source() + ")");
            }
        }
        return List.copyOf(lines);
    }

    @Override
    public String toString() {
        return "InterviewConfig{" + String.join("; ", describe()) + "}";
    }

    // ------------------------------------------------------------------------------------------------ resolution

    /** A raw value and where it came from. */
    private record Value(String text, String source) {
    }

    private @Nullable Value resolve(Setting<?> setting) {
        for (Setting<?> s = setting; s != null; s = s.fallback().orElse(null)) {
            Value value = own(s);
            if (value != null) {
                return value;
            }
        }
        return setting.defaultValue().map(text -> new Value(text, "default")).orElse(null);
    }

    private @Nullable Value own(Setting<?> setting) {
        Value value = explicit.get(setting.name());
        if (value != null) {
            return value;
        }
        String env = environment.get(setting.environmentVariable());
        for (String old : setting.deprecatedEnvironmentVariables()) {
            String oldValue = environment.get(old);
            if (oldValue == null) {
                continue;
            }
            if (env != null) {
                warnOnce(old, "environment variable {} is ignored: {} is set too (it replaces {})", old,
                        setting.environmentVariable(), old);
            } else {
                warnOnce(old, "environment variable {} is deprecated: use {} (or {} as a system property or in the"
                        + " configuration file)", old, setting.environmentVariable(), setting.name());
                return new Value(oldValue, "environment variable " + old);
            }
        }
        if (env != null) {
            return new Value(env, "environment variable " + setting.environmentVariable());
        }
        String property = systemProperties.get(setting.name());
        if (property != null) {
            return new Value(property, "system property " + setting.name());
        }
        String inFile = file.get(setting.name());
        if (inFile != null) {
            return new Value(inFile, filePath == null ? "configuration file" : "file " + filePath);
        }
        return null;
    }

    private void warnOnce(String key, String message, Object... arguments) {
        if (warned.add(key)) {
            log.warn(message, arguments);
        }
    }

    private static String shown(Setting<?> setting, String text) {
        return setting.isSecret() ? Masking.MASK : Masking.credentials(text);
    }

    private InterviewConfig warnAboutUnknownKeys() {
        for (String key : file.keySet()) {
            if (InterviewSettings.byName(key).isEmpty()) {
                log.warn("unknown setting '{}' in {}{}", key, filePath == null ? "the configuration file"
                        : "file " + filePath, KeyHints.hint(key));
            }
        }
        for (String key : systemProperties.keySet()) {
            if (key.startsWith(PREFIX) && InterviewSettings.byName(key).isEmpty()) {
                log.warn("unknown system property '{}'{}", key, KeyHints.hint(key));
            }
        }
        return this;
    }

    private static Map<String, String> nonBlank(Map<String, String> values) {
        Map<String, String> copy = new LinkedHashMap<>();
        values.forEach((key, value) -> {
            if (key != null && value != null && !value.isBlank()) {
                copy.put(key, value.strip());
            }
        });
        return Map.copyOf(copy);
    }

    // ------------------------------------------------------------------------------------------------ builder

    /**
     * Builds an {@link InterviewConfig} from the sources given; none is read unless added. Not thread-safe.
     */
    public static final class Builder {
        private final Map<String, Value> explicit = new LinkedHashMap<>();
        private Map<String, String> environment = Map.of();
        private Map<String, String> systemProperties = Map.of();

        private Builder() {
        }

        /** Environment variables, usually {@code System.getenv()}. */
        public Builder environment(Map<String, String> environment) {
            this.environment = nonBlank(Objects.requireNonNull(environment, "environment"));
            return this;
        }

        /** System properties by dotted name, usually {@code System.getProperties()}. */
        public Builder systemProperties(Properties systemProperties) {
            Objects.requireNonNull(systemProperties, "systemProperties");
            Map<String, String> copy = new LinkedHashMap<>();
            for (String name : systemProperties.stringPropertyNames()) {
                copy.put(name, systemProperties.getProperty(name));
            }
            this.systemProperties = copy;
            return this;
        }

        /** System properties by dotted name, as a map. */
        public Builder systemProperties(Map<String, String> systemProperties) {
            this.systemProperties = nonBlank(Objects.requireNonNull(systemProperties, "systemProperties"));
            return this;
        }

        /**
         * A value that wins over every source, e.g. from a command-line option; blank values are ignored.
         *
         * @param source where it came from, for messages, e.g. {@code option --store}
         */
        public Builder set(Setting<?> setting, String value, String source) {
            Objects.requireNonNull(setting, "setting");
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(source, "source");
            if (!value.isBlank()) {
                explicit.put(setting.name(), new Value(value.strip(), source));
            }
            return this;
        }

        /**
         * Reads the file, if one is named, and returns the configuration.
         *
         * @throws InvalidConfigurationException if a named file does not exist or cannot be read
         */
        public InterviewConfig build() {
            InterviewConfig withoutFile = new InterviewConfig(explicit, environment, systemProperties, Map.of(),
                    null);
            Setting<String> fileSetting = InterviewSettings.CONFIG_FILE;
            Optional<String> named = withoutFile.find(fileSetting);
            if (named.isEmpty()) {
                return withoutFile.warnAboutUnknownKeys();
            }
            Path path = Path.of(named.get());
            String source = withoutFile.source(fileSetting).orElse("?");
            return new InterviewConfig(explicit, environment, systemProperties, ConfigFile.read(fileSetting, path, source),
                    path).warnAboutUnknownKeys();
        }
    }
}
