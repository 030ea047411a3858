package dev.interviewagent.persistence.internal.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.interviewagent.core.exception.InterviewException;
import dev.interviewagent.core.exception.StoreException;
import dev.interviewagent.persistence.JdbcInterviewStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the JDBC store's database: a HikariCP pool of the store's own for a URL (or the host's data source), the
 * dialect, and the Flyway migrations in the store's own history table. If anything fails on the way, including the
 * start-up work the caller runs on the opened database, the pool is closed again.
 */
public final class DatabaseBootstrap {

    // The store's log lines keep the public class's logger name, which operators' log configuration refers to.
    private static final Logger log = LoggerFactory.getLogger(JdbcInterviewStore.class);

    private DatabaseBootstrap() {
    }

    /**
     * What the store's builder was given, validated already; exactly one of {@code dataSource} and {@code jdbcUrl}.
     *
     * @param description the builder, secrets masked, for the message of a failure to open
     */
    public record Settings(@Nullable DataSource dataSource, @Nullable String jdbcUrl, @Nullable String username,
                           @Nullable String password, @Nullable String schema, String poolName, int maxPoolSize,
                           Duration connectionTimeout, Duration queryTimeout, boolean migrate, String description) {

        public Settings {
            if ((dataSource == null) == (jdbcUrl == null)) {
                throw new IllegalStateException("give exactly one of dataSource and jdbcUrl");
            }
            Objects.requireNonNull(poolName, "poolName");
            Objects.requireNonNull(connectionTimeout, "connectionTimeout");
            Objects.requireNonNull(queryTimeout, "queryTimeout");
            Objects.requireNonNull(description, "description");
        }

        /** The description: never the password, which the generated form would show. */
        @Override
        public String toString() {
            return description;
        }
    }

    /**
     * Connects, migrates the schema (when {@link Settings#migrate}) and hands the database to {@code start}.
     *
     * @return what {@code start} returns
     * @throws StoreException           if the database is unreachable, a migration fails or {@code start} fails
     *                                  (its {@link InterviewException}s and {@link IllegalArgumentException}s pass
     *                                  as they are)
     */
    public static <T> T open(Settings settings, Function<JdbcDatabase, T> start) {
        HikariDataSource owned = null;
        DataSource ds = settings.dataSource();
        String jdbcUrl = settings.jdbcUrl();
        try {
            Dialect dialect;
            if (jdbcUrl != null) {
                dialect = Dialect.detect(jdbcUrl);
                owned = new HikariDataSource(hikariConfig(settings, dialect));
                ds = owned;
            } else {
                try (Connection c = Objects.requireNonNull(ds).getConnection()) {
                    dialect = Dialect.detect(c.getMetaData().getDatabaseProductName());
                }
            }
            if (settings.migrate()) {
                migrate(settings, ds, dialect);
            }
            return start.apply(new JdbcDatabase(ds, owned, dialect, settings.queryTimeout(), settings.schema()));
        } catch (SQLException | RuntimeException e) {
            if (owned != null) {
                owned.close();
            }
            if (e instanceof InterviewException ie) {
                throw ie;
            }
            if (e instanceof IllegalArgumentException iae) {
                throw iae;
            }
            throw new StoreException("cannot open the interview store (" + settings.description() + "): "
                    + e.getMessage(), e);
        }
    }

    private static void migrate(Settings settings, DataSource ds, Dialect dialect) {
        var flyway = Flyway.configure(JdbcInterviewStore.class.getClassLoader());
        if (settings.jdbcUrl() != null) {
            // Flyway needs two connections at once on some databases; give it its own instead of sizing the pool
            // for the migration.
            flyway.dataSource(settings.jdbcUrl(), settings.username(), settings.password());
        } else {
            flyway.dataSource(ds);
        }
        // Our own history table, and a baseline at version 0 when the schema already holds other tables (the
        // host's, with its own Flyway history): V1 onwards still run, nothing is skipped.
        flyway
                .locations(dialect.migrations())
                .table(JdbcInterviewStore.SCHEMA_HISTORY_TABLE)
                .baselineOnMigrate(true)
                .baselineVersion("0");
        if (settings.schema() != null) {
            flyway.schemas(settings.schema()).defaultSchema(settings.schema()).createSchemas(true);
        }
        int applied = flyway.load().migrate().migrationsExecuted;
        log.info("interview store schema ready on {} ({} migrations applied)", dialect, applied);
    }

    private static HikariConfig hikariConfig(Settings settings, Dialect dialect) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.jdbcUrl());
        if (settings.username() != null) {
            config.setUsername(settings.username());
        }
        if (settings.password() != null) {
            config.setPassword(settings.password());
        }
        config.setPoolName(settings.poolName());
        config.setMaximumPoolSize(settings.maxPoolSize());
        config.setMinimumIdle(Math.min(2, settings.maxPoolSize()));
        config.setConnectionTimeout(settings.connectionTimeout().toMillis());
        config.setAutoCommit(true);
        if (settings.schema() != null) {
            config.setSchema(settings.schema());
        }
        if (dialect == Dialect.POSTGRESQL) {
            long socketSeconds = settings.queryTimeout().toSeconds() + 30;
            config.addDataSourceProperty("reWriteBatchedInserts", "true");
            config.addDataSourceProperty("tcpKeepAlive", "true");
            config.addDataSourceProperty("socketTimeout", String.valueOf(socketSeconds));
            config.addDataSourceProperty("connectTimeout", String.valueOf(
                    Math.max(1, settings.connectionTimeout().toSeconds())));
            config.addDataSourceProperty("ApplicationName", settings.poolName());
        }
        return config;
    }
}
