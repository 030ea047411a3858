package dev.interviewagent.persistence;

import dev.interviewagent.core.InterviewEngine;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How long interviews are kept: active interviews idle for {@link #abandonAfter()} are marked abandoned (archived,
 * never deleted, through {@link InterviewEngine#abandonIdle}), and archived ones (completed, ended, abandoned) are
 * purged {@link #purgeArchivedAfter()} after they ended, if set. Run {@link #apply} from a scheduler of the host's
 * choice (e.g. hourly); it is safe on several nodes at once. Immutable.
 */
public final class RetentionPolicy {

    /** Default idle time after which an active interview is abandoned. */
    public static final Duration DEFAULT_ABANDON_AFTER = Duration.ofDays(14);

    private final Duration abandonAfter;
    private final @Nullable Duration purgeArchivedAfter;

    private RetentionPolicy(Builder b) {
        this.abandonAfter = b.abandonAfter;
        this.purgeArchivedAfter = b.purgeArchivedAfter;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Duration abandonAfter() {
        return abandonAfter;
    }

    /** Empty: archived interviews are kept for ever. */
    public Optional<Duration> purgeArchivedAfter() {
        return Optional.ofNullable(purgeArchivedAfter);
    }

    /**
     * What one run did.
     *
     * @param abandoned interviews marked abandoned
     * @param purged    archived interviews deleted
     */
    public record Result(int abandoned, int purged) {
    }

    /**
     * Abandons idle interviews through the engine (under its locks), then purges old archived ones from the store.
     *
     * @throws dev.interviewagent.core.exception.StoreException if the store fails (a later run continues)
     */
    public Result apply(InterviewEngine engine, JdbcInterviewStore store) {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(store, "store");
        int abandoned = engine.abandonIdle(abandonAfter);
        int purged = purgeArchivedAfter == null ? 0 : store.purgeArchived(purgeArchivedAfter);
        return new Result(abandoned, purged);
    }

    @Override
    public String toString() {
        return "RetentionPolicy{abandonAfter=" + abandonAfter + ", purgeArchivedAfter=" + purgeArchivedAfter + "}";
    }

    /** Builds a {@link RetentionPolicy}. Not thread-safe. */
    public static final class Builder {
        private Duration abandonAfter = DEFAULT_ABANDON_AFTER;
        private @Nullable Duration purgeArchivedAfter;

        private Builder() {
        }

        /** Idle time before an active interview is abandoned. Default: {@link #DEFAULT_ABANDON_AFTER}; &gt; 0. */
        public Builder abandonAfter(Duration abandonAfter) {
            Objects.requireNonNull(abandonAfter, "abandonAfter");
            if (abandonAfter.isZero() || abandonAfter.isNegative()) {
                throw new IllegalArgumentException("abandonAfter must be > 0, was " + abandonAfter);
            }
            this.abandonAfter = abandonAfter;
            return this;
        }

        /** Purge archived interviews this many days after they ended. Default: never. Must be &ge; 1. */
        public Builder purgeArchivedAfterDays(int days) {
            if (days < 1) {
                throw new IllegalArgumentException("purgeArchivedAfterDays must be >= 1, was " + days);
            }
            this.purgeArchivedAfter = Duration.ofDays(days);
            return this;
        }

        public RetentionPolicy build() {
            return new RetentionPolicy(this);
        }
    }
}
