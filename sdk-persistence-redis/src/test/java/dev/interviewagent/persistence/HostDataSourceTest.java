package dev.interviewagent.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.interviewagent.core.Answer;
import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.StartRequest;
import dev.interviewagent.core.config.InterviewConfig;
import dev.interviewagent.persistence.redis.RedisMessageDeduplicator;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The store stack on a host's own data source (as the Spring Boot starter opens it): the tables in a schema of their
 * own or beside the host's, a Flyway history of their own, and the host's connections given back as they came.
 */
class HostDataSourceTest {

    private static final String HOST_MIGRATIONS = "classpath:dev/interviewagent/persistence/hostdb";

    private final List<String> schemas = new ArrayList<>();
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void tearDown() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
        schemas.forEach(TestServices::dropSchema);
    }

    private String newSchema(boolean create) throws SQLException {
        String schema = TestServices.newSchema();
        schemas.add(schema);
        if (create) {
            try (Connection c = TestServices.pgConnection("public"); Statement s = c.createStatement()) {
                s.execute("CREATE SCHEMA " + schema);
            }
        }
        return schema;
    }

    /** The host's pool, whose connections use {@code schema} by default. */
    private HikariDataSource hostPool(String schema) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(TestServices.PG_URL);
        config.setUsername(TestServices.PG_USER);
        config.setPassword(TestServices.PG_PASSWORD);
        config.setSchema(schema);
        config.setMaximumPoolSize(2);
        config.setPoolName("host-pool");
        HikariDataSource pool = new HikariDataSource(config);
        open.add(pool);
        return pool;
    }

    private InterviewStorage open(HikariDataSource host, Map<String, String> properties) {
        // a database of the host's: answers are encrypted with the host's key ring (required by default)
        Map<String, String> withKeys = new java.util.HashMap<>(properties);
        withKeys.putIfAbsent("interview.encryption.keys", "k1:MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");
        InterviewStorage storage = InterviewStorage.builder(InterviewConfig.of(Map.of(), withKeys, Map.of()))
                .dataSource(host).open();
        open.add(storage);
        return storage;
    }

    private InterviewId runInterview(InterviewStorage storage) {
        InterviewEngine engine = storage.applyTo(InterviewEngine.builder()).build();
        open.add(engine);
        InterviewId id = engine.start(StartRequest.builder().language(Language.ENGLISH).build()).interviewId();
        engine.answer(id, Answer.text("m1", "I run the night shift at the depot."));
        return id;
    }

    private static List<String> tables(String schema) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection c = TestServices.pgConnection(schema);
             ResultSet rs = c.getMetaData().getTables(null, schema, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                tables.add(rs.getString("TABLE_NAME"));
            }
        }
        return tables;
    }

    private static int answersStored(String schema, InterviewId id) throws SQLException {
        try (Connection c = TestServices.pgConnection(schema); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM turns WHERE role = 'respondent' AND interview_id = '"
                     + id.value() + "'")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static Flyway hostFlyway(HikariDataSource host) {
        return Flyway.configure().dataSource(host).locations(HOST_MIGRATIONS).load();
    }

    @Test
    void should_keep_its_tables_in_its_own_schema_and_give_the_hosts_connections_back_unchanged() throws Exception {
        String hostSchema = newSchema(true);
        String storeSchema = newSchema(false);
        HikariDataSource host = hostPool(hostSchema);

        InterviewStorage storage = open(host, Map.of("interview.store.schema", storeSchema));
        InterviewId id = runInterview(storage);

        assertThat(answersStored(storeSchema, id)).isEqualTo(1);
        assertThat(tables(storeSchema)).contains("interviews", "turns", "reports", "interview_schema_history");
        assertThat(tables(hostSchema)).isEmpty();
        try (Connection c = host.getConnection()) {
            assertThat(c.getSchema()).as("the host's connection after the store used it").isEqualTo(hostSchema);
        }
        assertThat(storage.description().get(0)).isEqualTo("store: postgresql on the application's data source,"
                + " schema " + storeSchema);
        assertThat(host.isClosed()).isFalse();
        storage.close();
        assertThat(host.isClosed()).as("the host's pool is the host's to close").isFalse();
    }

    @Test
    void should_share_the_hosts_schema_when_the_host_migrates_its_own_tables_with_flyway_first() throws Exception {
        String schema = newSchema(true);
        HikariDataSource host = hostPool(schema);
        assertThat(hostFlyway(host).migrate().migrationsExecuted).isEqualTo(1);

        InterviewId id = runInterview(open(host, Map.of()));

        assertThat(answersStored(schema, id)).isEqualTo(1);
        assertThat(tables(schema)).contains("host_orders", "flyway_schema_history", "interviews",
                "interview_schema_history");
        assertThat(hostFlyway(host).migrate().migrationsExecuted).as("the host's next start").isZero();
        hostFlyway(host).validate();
        InterviewStorage again = open(host, Map.of());
        assertThat(runInterview(again)).isNotEqualTo(id);
    }

    @Test
    void should_let_a_host_flyway_added_later_baseline_below_its_first_migration() throws Exception {
        String schema = newSchema(true);
        HikariDataSource host = hostPool(schema);
        runInterview(open(host, Map.of()));

        // Flyway refuses a schema with tables and no history of its own: what docs/spring-boot.md tells hosts to set
        assertThatThrownBy(() -> hostFlyway(host).migrate()).isInstanceOf(FlywayException.class)
                .hasMessageContaining("non-empty schema");
        Flyway baselined = Flyway.configure().dataSource(host).locations(HOST_MIGRATIONS).baselineOnMigrate(true)
                .baselineVersion("0").load();
        assertThat(baselined.migrate().migrationsExecuted).isEqualTo(1);
        assertThat(tables(schema)).contains("host_orders", "interviews");
    }

    @Test
    void should_ping_redis_and_deduplicate_there_when_a_redis_url_is_set() throws Exception {
        String schema = newSchema(true);
        HikariDataSource host = hostPool(schema);
        InterviewStorage storage = open(host, Map.of("interview.redis.url", TestServices.REDIS_URL,
                "interview.redis.key-prefix", TestServices.newRedisPrefix()));

        assertThat(storage.usesRedis()).isTrue();
        assertThat(storage.pingRedis()).isTrue();
        assertThat(storage.deduplicator()).isInstanceOf(RedisMessageDeduplicator.class);
        assertThat(storage.deduplicator().firstSeen("test", "update-1", Duration.ofMinutes(1))).isTrue();
        assertThat(storage.deduplicator().firstSeen("test", "update-1", Duration.ofMinutes(1))).isFalse();
    }

    @Test
    void should_report_redis_unreachable_without_throwing_and_fall_back_to_the_database() throws Exception {
        String schema = newSchema(true);
        HikariDataSource host = hostPool(schema);
        InterviewStorage withoutRedis = open(host, Map.of());
        InterviewStorage deadRedis = open(host, Map.of("interview.redis.url", "redis://127.0.0.1:1"));

        assertThat(withoutRedis.usesRedis()).isFalse();
        assertThat(withoutRedis.pingRedis()).isFalse();
        assertThat(withoutRedis.deduplicator()).isSameAs(withoutRedis.database());
        assertThat(deadRedis.usesRedis()).isTrue();
        assertThat(deadRedis.pingRedis()).isFalse();
        assertThat(deadRedis.deduplicator().firstSeen("test", "update-2", Duration.ofMinutes(1))).isTrue();
        assertThat(deadRedis.deduplicator().firstSeen("test", "update-2", Duration.ofMinutes(1))).isFalse();
    }

    @Test
    void should_stop_and_start_retention_sweeps_again() throws Exception {
        String schema = newSchema(true);
        InterviewStorage storage = open(hostPool(schema), Map.of("interview.retention.enabled", "true"));
        InterviewEngine engine = storage.applyTo(InterviewEngine.builder()).build();
        open.add(engine);

        assertThat(storage.startRetention(engine)).isTrue();
        storage.stopRetention();
        storage.stopRetention();
        assertThat(storage.startRetention(engine)).isTrue();
        assertThatThrownBy(() -> storage.startRetention(engine)).isInstanceOf(IllegalStateException.class);
    }
}
