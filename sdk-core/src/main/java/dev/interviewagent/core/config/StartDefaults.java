package dev.interviewagent.core.config;

import dev.interviewagent.core.Language;
import dev.interviewagent.core.StartRequest;
import dev.interviewagent.core.guide.InterviewStyles;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How new interviews start when the channel leaves it open: {@code interview.start.language} and
 * {@code interview.start.style}. A channel or host applies them to each start request and then sets what it knows
 * better (a language the respondent picked wins):
 *
 * <pre>{@code
 * StartDefaults defaults = StartDefaults.from(config);
 * Reply first = engine.start(defaults.applyTo(StartRequest.builder()).profile(profile).build());
 * }</pre>
 *
 * <p>Whether the style exists is the engine's to say (a host may add styles): check it against
 * {@code engine.styles()} at start-up. Immutable.
 *
 * @param language the language of new interviews, or null to detect it from the channel's locale and first answer
 * @param style    the style code of new interviews
 */
public record StartDefaults(@Nullable Language language, String style) {

    public StartDefaults {
        Objects.requireNonNull(style, "style");
        if (style.isBlank()) {
            throw new IllegalArgumentException("style must not be blank");
        }
    }

    /** No language (detected) and {@link InterviewStyles#DEFAULT_STYLE}: what the engine does on its own. */
    public static StartDefaults defaults() {
        return new StartDefaults(null, InterviewStyles.DEFAULT_STYLE);
    }

    /**
     * The defaults {@code config} holds.
     *
     * @throws InvalidConfigurationException for a bad value, naming the setting
     */
    public static StartDefaults from(InterviewConfig config) {
        Objects.requireNonNull(config, "config");
        return new StartDefaults(config.find(InterviewSettings.START_LANGUAGE).orElse(null),
                config.get(InterviewSettings.START_STYLE));
    }

    /** The language, when one is configured. */
    public Optional<Language> findLanguage() {
        return Optional.ofNullable(language);
    }

    /** Sets the style, and the language when one is configured, on {@code builder}; returns it for chaining. */
    public StartRequest.Builder applyTo(StartRequest.Builder builder) {
        Objects.requireNonNull(builder, "builder").style(style);
        if (language != null) {
            builder.language(language);
        }
        return builder;
    }
}
