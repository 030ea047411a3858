package dev.interviewagent.core;

import dev.interviewagent.core.channel.ChannelControls;
import dev.interviewagent.core.experiment.StyleExperiment;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How to start an interview. Every part is optional; build with {@link #builder()}. Immutable.
 *
 * @param language       the interview's language; null to detect it from {@code localeHint} and the first answer
 * @param localeHint     the channel's locale (e.g. Telegram's {@code language_code}), used when language is null
 * @param style          the style code; null for {@link dev.interviewagent.core.guide.InterviewStyles#DEFAULT_STYLE}
 * @param profile        what the respondent told about themselves
 * @param channelKey     the channel's key for the respondent, for {@code findActive} lookups; may be null
 * @param idempotencyKey a globally unique key for this start request (e.g. channel + message id): a repeat with
 *                       the same key returns the same interview instead of starting another; may be null
 * @param attributes     host values stored with the interview (keys starting with {@code engine.} are reserved;
 *                       {@code experiment.} ones are written by {@link Builder#experiment})
 * @param controls       how the respondent finishes early, pauses, … on the channel, remembered on the interview so
 *                       that messages name only this channel's commands or buttons; null when the host says nothing:
 *                       a {@link dev.interviewagent.core.channel.ChannelBridge} then fills in its channel's, and the
 *                       engine words everything neutrally ({@link ChannelControls#NEUTRAL})
 */
public record StartRequest(
        @Nullable Language language,
        @Nullable String localeHint,
        @Nullable String style,
        Profile profile,
        @Nullable String channelKey,
        @Nullable String idempotencyKey,
        Map<String, String> attributes,
        @Nullable ChannelControls controls) {

    public StartRequest {
        Objects.requireNonNull(profile, "profile");
        attributes = Map.copyOf(attributes);
        for (String key : attributes.keySet()) {
            if (key.startsWith("engine.")) {
                throw new IllegalArgumentException("attribute keys starting with 'engine.' are reserved: " + key);
            }
        }
        String arm = attributes.get(StyleExperiment.ARM_ATTRIBUTE);
        if (arm != null && !arm.equals(style)) {
            throw new IllegalArgumentException("style experiment arm " + arm + " is recorded but the style is "
                    + style + ": set the style through the experiment only");
        }
        if (channelKey != null && (channelKey.isBlank() || channelKey.length() > 200)) {
            throw new IllegalArgumentException("channelKey must be 1-200 characters");
        }
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
            throw new IllegalArgumentException("idempotencyKey must be 1-200 characters");
        }
    }

    /** A request without channel controls (the wording names no command or button). */
    public StartRequest(@Nullable Language language, @Nullable String localeHint, @Nullable String style,
                        Profile profile, @Nullable String channelKey, @Nullable String idempotencyKey,
                        Map<String, String> attributes) {
        this(language, localeHint, style, profile, channelKey, idempotencyKey, attributes, null);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** This request with the channel's controls. */
    public StartRequest withControls(@Nullable ChannelControls controls) {
        return new StartRequest(language, localeHint, style, profile, channelKey, idempotencyKey, attributes,
                controls);
    }

    /** Builds a {@link StartRequest}. Not thread-safe. */
    public static final class Builder {
        private @Nullable Language language;
        private @Nullable String localeHint;
        private @Nullable String style;
        private Profile profile = Profile.EMPTY;
        private @Nullable String channelKey;
        private @Nullable String idempotencyKey;
        private final Map<String, String> attributes = new HashMap<>();
        private @Nullable ChannelControls controls;

        private Builder() {
        }

        public Builder language(@Nullable Language language) {
            this.language = language;
            return this;
        }

        public Builder localeHint(@Nullable String localeHint) {
            this.localeHint = localeHint;
            return this;
        }

        public Builder style(@Nullable String style) {
            this.style = style;
            return this;
        }

        public Builder profile(Profile profile) {
            this.profile = Objects.requireNonNull(profile, "profile");
            return this;
        }

        public Builder channelKey(@Nullable String channelKey) {
            this.channelKey = channelKey;
            return this;
        }

        public Builder idempotencyKey(@Nullable String idempotencyKey) {
            this.idempotencyKey = idempotencyKey;
            return this;
        }

        public Builder attribute(String key, String value) {
            attributes.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Lets a style experiment pick the style for this respondent and records the experiment and arm on the
         * interview (see {@link StyleExperiment}). A style set afterwards makes {@link #build()} fail.
         *
         * @param respondentId a stable id of the respondent, e.g. the channel key; hashed, never stored
         */
        public Builder experiment(StyleExperiment experiment, String respondentId) {
            return Objects.requireNonNull(experiment, "experiment").assign(respondentId).applyTo(this);
        }

        /** How the respondent acts on the channel; see {@link StartRequest#controls()}. */
        public Builder controls(@Nullable ChannelControls controls) {
            this.controls = controls;
            return this;
        }

        public StartRequest build() {
            return new StartRequest(language, localeHint, style, profile, channelKey, idempotencyKey, attributes,
                    controls);
        }
    }
}
