package dev.interviewagent.spring.boot.properties;

import dev.interviewagent.core.config.InterviewSettings;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** The retention sweep: {@code interview.retention.*}. */
public final class RetentionProperties {

    /** Run the retention sweep: abandon idle interviews, purge old archived ones. */
    private boolean enabled = false;

    /** An active interview idle this long is marked abandoned (kept, archived). */
    private Duration abandonAfter = Duration.ofDays(14);

    /**
     * Delete archived interviews (completed, ended, abandoned) this many days after they ended. Unset: kept for ever.
     */
    private @Nullable Integer purgeArchivedAfterDays;

    /** How often a running sample sweeps (the first sweep runs at start). */
    private Duration sweepEvery = Duration.ofHours(1);

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Duration getAbandonAfter() {
        return abandonAfter;
    }

    public void setAbandonAfter(Duration abandonAfter) {
        this.abandonAfter = abandonAfter;
    }

    public @Nullable Integer getPurgeArchivedAfterDays() {
        return purgeArchivedAfterDays;
    }

    public void setPurgeArchivedAfterDays(@Nullable Integer purgeArchivedAfterDays) {
        this.purgeArchivedAfterDays = purgeArchivedAfterDays;
    }

    public Duration getSweepEvery() {
        return sweepEvery;
    }

    public void setSweepEvery(Duration sweepEvery) {
        this.sweepEvery = sweepEvery;
    }

    void collect(SettingValues values) {
        values.put(InterviewSettings.RETENTION_ENABLED, enabled);
        values.put(InterviewSettings.RETENTION_ABANDON_AFTER, abandonAfter);
        values.put(InterviewSettings.RETENTION_PURGE_ARCHIVED_AFTER_DAYS, purgeArchivedAfterDays);
        values.put(InterviewSettings.RETENTION_SWEEP_EVERY, sweepEvery);
    }
}
