package dev.interviewagent.persistence;

import dev.interviewagent.core.config.InterviewConfig;
import dev.interviewagent.core.config.InterviewSettings;
import dev.interviewagent.core.config.InvalidConfigurationException;
import dev.interviewagent.core.config.Setting;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The database of an {@link InterviewStorage}, from {@code interview.store.*} or the host's data source. */
final class ConfiguredDatabase {

    /** Logged under the stack's name: the warnings are about how the stack was configured. */
    private static final Logger log = LoggerFactory.getLogger(InterviewStorage.class);

    private ConfiguredDatabase() {
    }

    /**
     * The store's builder: on the host's data source or on {@code interview.store.url}, with the schema and query
     * timeout; encryption, redactor and clock are set by the caller.
     */
    static JdbcInterviewStoreBuilder builder(InterviewConfig config, @Nullable DataSource dataSource) {
        JdbcInterviewStoreBuilder builder = dataSource != null ? hostDatabase(config, dataSource)
                : ownDatabase(config);
        config.apply(InterviewSettings.STORE_SCHEMA, builder::schema);
        config.apply(InterviewSettings.STORE_QUERY_TIMEOUT, builder::queryTimeout);
        return builder;
    }

    private static JdbcInterviewStoreBuilder hostDatabase(InterviewConfig config, DataSource hostDataSource) {
        for (Setting<?> ignored : List.of(InterviewSettings.STORE_URL, InterviewSettings.STORE_USER,
                InterviewSettings.STORE_PASSWORD, InterviewSettings.STORE_MAX_POOL_SIZE)) {
            if (config.isSet(ignored)) {
                log.warn("{} is set but the store uses the application's data source: it is ignored", ignored);
            }
        }
        return JdbcInterviewStore.builder().dataSource(hostDataSource);
    }

    private static JdbcInterviewStoreBuilder ownDatabase(InterviewConfig config) {
        String url = config.get(InterviewSettings.STORE_URL);
        JdbcInterviewStoreBuilder builder;
        try {
            builder = InterviewStores.builderFor(url, config.find(InterviewSettings.STORE_USER).orElse(null),
                    config.find(InterviewSettings.STORE_PASSWORD).orElse(null));
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigurationException(InterviewSettings.STORE_URL, InterviewSettings.STORE_URL
                    + ": " + e.getMessage() + " (from " + config.source(InterviewSettings.STORE_URL).orElse("?")
                    + ")", e);
        }
        config.apply(InterviewSettings.STORE_MAX_POOL_SIZE, builder::maxPoolSize);
        return builder;
    }

    /** The store line of {@link InterviewStorage#description()}: what database, where, without credentials. */
    static String describe(InterviewConfig config, boolean hostDataSource, JdbcInterviewStore database) {
        String url = config.get(InterviewSettings.STORE_URL);
        String schema = config.find(InterviewSettings.STORE_SCHEMA).map(s -> ", schema " + s).orElse("");
        if (hostDataSource) {
            return database.databaseKind() + " on the application's data source" + schema;
        }
        if (!url.toLowerCase(Locale.ROOT).startsWith("jdbc:")) {
            return "embedded (H2 in " + Path.of(url).toAbsolutePath().normalize() + ")" + schema;
        }
        return database.databaseKind() + " at " + config.display(InterviewSettings.STORE_URL).orElse("?") + schema;
    }
}
