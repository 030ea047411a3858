package dev.interviewagent.core.config;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A setting has a value the SDK cannot use, or a required one is missing. The message names the setting (dotted name
 * and where the value came from, e.g. {@code environment variable INTERVIEW_STORE_URL}) and, for settings that are
 * not secret, the value; a secret's value is never part of it. Thrown at start-up, when the value is read: fix the
 * configuration and start again (retrying does not help).
 */
public final class InvalidConfigurationException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String settingName;

    /**
     * @param setting the setting at fault
     * @param message the whole message, naming the setting
     */
    public InvalidConfigurationException(Setting<?> setting, String message) {
        this(setting, message, null);
    }

    /**
     * @param setting the setting at fault
     * @param message the whole message, naming the setting
     * @param cause   the underlying failure, or null; its message must not contain a secret either
     */
    public InvalidConfigurationException(Setting<?> setting, String message, @Nullable Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
        this.settingName = Objects.requireNonNull(setting, "setting").name();
    }

    /** The dotted name of the setting at fault, e.g. {@code interview.engine.brain-timeout}. */
    public String settingName() {
        return settingName;
    }
}
