package dev.interviewagent.persistence;

import dev.interviewagent.core.config.InterviewConfig;
import dev.interviewagent.core.config.InterviewSettings;
import dev.interviewagent.core.config.Setting;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@link RetentionPolicy} of an {@link InterviewStorage}, from {@code interview.retention.*}. */
final class ConfiguredRetention {

    /** Logged under the stack's name: the warning is about how the stack was configured. */
    private static final Logger log = LoggerFactory.getLogger(InterviewStorage.class);

    private static final List<Setting<?>> RETENTION_DETAILS = List.of(InterviewSettings.RETENTION_ABANDON_AFTER,
            InterviewSettings.RETENTION_PURGE_ARCHIVED_AFTER_DAYS, InterviewSettings.RETENTION_SWEEP_EVERY);

    private ConfiguredRetention() {
    }

    /** The policy, or null when {@code interview.retention.enabled} is false (warning about details set anyway). */
    static @Nullable RetentionPolicy from(InterviewConfig config) {
        if (!config.get(InterviewSettings.RETENTION_ENABLED)) {
            RETENTION_DETAILS.stream().filter(config::isSet).findFirst().ifPresent(setting -> log.warn(
                    "{} is set but {} is false: no retention sweep runs", setting,
                    InterviewSettings.RETENTION_ENABLED));
            return null;
        }
        RetentionPolicy.Builder builder = RetentionPolicy.builder();
        config.apply(InterviewSettings.RETENTION_ABANDON_AFTER, builder::abandonAfter);
        config.apply(InterviewSettings.RETENTION_PURGE_ARCHIVED_AFTER_DAYS, builder::purgeArchivedAfterDays);
        return builder.build();
    }
}
