package dev.interviewagent.spring.boot.properties;

import dev.interviewagent.core.config.InterviewSettings;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** Where interviews are stored: {@code interview.store.*}. */
public final class StoreProperties {

    /**
     * Where interviews are stored: a JDBC URL (jdbc:postgresql://…, jdbc:h2:…) or a directory for the embedded H2
     * store.
     */
    private String url = "interviews";

    /** Database user (or in the URL). */
    private @Nullable String user;

    /** Database password (or in the URL). Secret. */
    private @Nullable String password;

    /** Database schema for the tables, created if missing. Unset: the connection's default schema. */
    private @Nullable String schema;

    /** Connections in the store's pool. */
    private int maxPoolSize = 10;

    /** Bound on each database statement. */
    private Duration queryTimeout = Duration.ofSeconds(10);

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public @Nullable String getUser() {
        return user;
    }

    public void setUser(@Nullable String user) {
        this.user = user;
    }

    public @Nullable String getPassword() {
        return password;
    }

    public void setPassword(@Nullable String password) {
        this.password = password;
    }

    public @Nullable String getSchema() {
        return schema;
    }

    public void setSchema(@Nullable String schema) {
        this.schema = schema;
    }

    public int getMaxPoolSize() {
        return maxPoolSize;
    }

    public void setMaxPoolSize(int maxPoolSize) {
        this.maxPoolSize = maxPoolSize;
    }

    public Duration getQueryTimeout() {
        return queryTimeout;
    }

    public void setQueryTimeout(Duration queryTimeout) {
        this.queryTimeout = queryTimeout;
    }

    void collect(SettingValues values) {
        values.put(InterviewSettings.STORE_URL, url);
        values.put(InterviewSettings.STORE_USER, user);
        values.put(InterviewSettings.STORE_PASSWORD, password);
        values.put(InterviewSettings.STORE_SCHEMA, schema);
        values.put(InterviewSettings.STORE_MAX_POOL_SIZE, maxPoolSize);
        values.put(InterviewSettings.STORE_QUERY_TIMEOUT, queryTimeout);
    }
}
