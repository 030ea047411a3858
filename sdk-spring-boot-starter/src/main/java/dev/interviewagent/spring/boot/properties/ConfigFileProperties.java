package dev.interviewagent.spring.boot.properties;

import dev.interviewagent.core.config.InterviewSettings;
import org.jspecify.annotations.Nullable;

/** An optional properties file read below every Spring property source: {@code interview.config.*}. */
public final class ConfigFileProperties {

    /**
     * A properties file with more settings, by dotted name; read after environment variables and system properties.
     * Unset: no file; named but missing: an error.
     */
    private @Nullable String file;

    public @Nullable String getFile() {
        return file;
    }

    public void setFile(@Nullable String file) {
        this.file = file;
    }

    void collect(SettingValues values) {
        values.put(InterviewSettings.CONFIG_FILE, file);
    }
}
