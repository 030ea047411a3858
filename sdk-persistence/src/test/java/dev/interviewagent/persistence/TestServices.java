package dev.interviewagent.persistence;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * Connection settings of the real PostgreSQL and Redis the tests use (from the environment, with local defaults),
 * and per-run isolation: a random schema, a random Redis key prefix. Tests fail, never skip, when a server is down.
 */
public final class TestServices {

    public static final String PG_URL = env("IA_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    public static final String PG_USER = env("IA_TEST_PG_USER", "postgres");
    public static final String PG_PASSWORD = env("IA_TEST_PG_PASSWORD", "");
    public static final String REDIS_URL = env("IA_TEST_REDIS_URL", "redis://127.0.0.1:6379");

    private TestServices() {
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    public static String newSchema() {
        return "ia_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
    }

    public static String newRedisPrefix() {
        return "ia-test-" + UUID.randomUUID().toString().substring(0, 12);
    }

    public static JdbcInterviewStoreBuilder postgres(String schema) {
        return JdbcInterviewStore.builder().jdbcUrl(PG_URL).username(PG_USER).password(PG_PASSWORD).schema(schema);
    }

    public static void dropSchema(String schema) {
        try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, PG_PASSWORD);
             Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop test schema " + schema, e);
        }
    }

    public static Connection pgConnection(String schema) throws SQLException {
        Connection c = DriverManager.getConnection(PG_URL, PG_USER, PG_PASSWORD);
        c.setSchema(schema);
        return c;
    }

    public static URI redisUri() {
        return URI.create(REDIS_URL);
    }
}
