package dev.interviewagent.spring.boot.properties;

import dev.interviewagent.core.config.InterviewSettings;
import org.jspecify.annotations.Nullable;

/** Redis in front of the store, for several processes: {@code interview.redis.*}. */
public final class RedisProperties {

    /**
     * redis://host:6379: a Redis cache in front of the store and a cluster-wide turn lock, for several processes.
     * Unset: one process, no Redis.
     */
    private @Nullable String url;

    /** Prefix of every Redis key the SDK writes; one per deployment sharing a Redis. */
    private String keyPrefix = "ia";

    public @Nullable String getUrl() {
        return url;
    }

    public void setUrl(@Nullable String url) {
        this.url = url;
    }

    public String getKeyPrefix() {
        return keyPrefix;
    }

    public void setKeyPrefix(String keyPrefix) {
        this.keyPrefix = keyPrefix;
    }

    void collect(SettingValues values) {
        values.put(InterviewSettings.REDIS_URL, url);
        values.put(InterviewSettings.REDIS_KEY_PREFIX, keyPrefix);
    }
}
