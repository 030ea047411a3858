package dev.interviewagent.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewagent.core.Answer;
import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.InterviewStatus;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.Reply;
import dev.interviewagent.core.StartRequest;
import dev.interviewagent.core.spi.InterviewLock;
import dev.interviewagent.core.spi.InterviewStore;
import dev.interviewagent.persistence.InterviewStorage;
import dev.interviewagent.persistence.redis.RedisInterviewLock;
import dev.interviewagent.persistence.redis.RedisInterviewStore;
import dev.interviewagent.persistence.redis.metrics.micrometer.RedisMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.actuate.endpoint.IndicatedHealthDescriptor;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * A whole Spring Boot application on the real PostgreSQL and Redis: its own data source and Flyway (with its own
 * table), the starter's store beside them, an interview run through the auto-configured engine, health UP, the
 * answers in PostgreSQL; then a restart on the same database.
 */
class PostgresRedisApplicationTest {

    private static final List<String> ANSWERS = List.of(
            "I have run the night shift at the water treatment plant for twelve years.",
            "The first thing I check is the chlorine dosing pump, because it drifts when the tank is cold.",
            "Last winter a sensor froze and I caught it only because the readings were too steady.");

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class HostApplication {
    }

    private String schema;
    private String prefix;

    @BeforeEach
    void setUp() throws Exception {
        schema = TestServices.newSchema();
        prefix = TestServices.newRedisPrefix();
        TestServices.createSchema(schema);
    }

    @AfterEach
    void tearDown() {
        TestServices.dropSchema(schema);
        try (JedisPooled jedis = new JedisPooled(URI.create(TestServices.REDIS_URL))) {
            String cursor = ScanParams.SCAN_POINTER_START;
            do {
                ScanResult<String> page = jedis.scan(cursor, new ScanParams().match(prefix + ":*").count(500));
                page.getResult().forEach(jedis::del);
                cursor = page.getCursor();
            } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        }
    }

    private ConfigurableApplicationContext start() {
        SpringApplication application = new SpringApplication(HostApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        return application.run(
                "--spring.datasource.url=" + TestServices.PG_URL + "?currentSchema=" + schema,
                "--spring.datasource.username=" + TestServices.PG_USER,
                "--spring.datasource.password=" + TestServices.PG_PASSWORD,
                "--spring.datasource.hikari.maximum-pool-size=4",
                "--spring.flyway.locations=classpath:db/host",
                "--interview.redis.url=" + TestServices.REDIS_URL,
                "--interview.redis.key-prefix=" + prefix,
                // a database of the host's: answers are encrypted at rest with the host's key ring
                "--interview.encryption.keys=k1:MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
                "--interview.llm.provider=offline",       // whatever keys the machine's environment holds
                "--management.endpoint.health.show-details=always");
    }

    @Test
    void should_run_an_interview_on_postgres_and_redis_beside_the_hosts_flyway_and_report_up() throws Exception {
        InterviewId id;
        try (ConfigurableApplicationContext context = start()) {
            assertThat(context.getBean(InterviewStorage.class).description()).startsWith(
                    "store: postgresql on the application's data source");
            assertThat(context.getBean(InterviewStore.class)).isInstanceOf(RedisInterviewStore.class);
            assertThat(context.getBean(InterviewLock.class)).isInstanceOf(RedisInterviewLock.class);
            InterviewEngine engine = context.getBean(InterviewEngine.class);
            Reply reply = engine.start(StartRequest.builder().language(Language.ENGLISH).build());
            id = reply.interviewId();
            for (int i = 0; i < ANSWERS.size(); i++) {
                reply = engine.answer(id, Answer.text("m" + i, ANSWERS.get(i)));
                assertThat(reply.message().text()).isNotBlank();
            }

            IndicatedHealthDescriptor health = (IndicatedHealthDescriptor) context.getBean(HealthEndpoint.class)
                    .healthForPath("interview");
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("store", Map.of("status", "UP", "database", "postgresql"))
                    .containsEntry("redis", Map.of("status", "UP"));
            assertThat(context.getBean(HealthEndpoint.class).health().getStatus()).isEqualTo(Status.UP);
            try (JedisPooled jedis = new JedisPooled(URI.create(TestServices.REDIS_URL))) {
                assertThat(jedis.exists(prefix + ":state:" + id.value())).as("cached in Redis").isTrue();
            }

            // the Redis meters, read back as an operator's dashboard would: every MeterBinder bean bound to a
            // registry, which is what Spring Boot's metrics module does with them
            MeterRegistry registry = new SimpleMeterRegistry();
            context.getBeansOfType(MeterBinder.class).values().forEach(binder -> binder.bindTo(registry));
            assertThat(registry.get(RedisMetrics.AVAILABLE).gauge().value()).isEqualTo(1.0);
            assertThat(registry.get(RedisMetrics.COMMANDS).functionTimer().count()).isPositive();
            assertThat(registry.get(RedisMetrics.LOCK_ACQUISITIONS).tags("result", "acquired").functionCounter()
                    .count()).as("one lock per turn").isGreaterThanOrEqualTo(1 + ANSWERS.size());
            assertThat(registry.get(RedisMetrics.LOCK_ACQUISITIONS).tags("result", "fallback").functionCounter()
                    .count()).isZero();
            assertThat(registry.get(RedisMetrics.CACHE_GETS).tags("result", "hit").functionCounter().count())
                    .isPositive();
            assertThat(registry.get(RedisMetrics.OUTAGES).functionCounter().count()).isZero();
            for (String name : List.of(RedisMetrics.FAILURES, RedisMetrics.SKIPPED, RedisMetrics.LOCK_WAIT,
                    RedisMetrics.LOCK_CONTENDED, RedisMetrics.LOCK_RENEWALS, RedisMetrics.LOCK_LOST,
                    RedisMetrics.CACHE_BYPASSED, RedisMetrics.CACHE_INVALIDATIONS)) {
                assertThat(registry.find(name).meters()).as(name).isNotEmpty();
            }
        }

        assertThat(storedAnswers(id)).as("encrypted at rest").hasSize(ANSWERS.size())
                .allSatisfy(raw -> assertThat(raw).startsWith("enc:v2:").doesNotContain("night shift", "chlorine"));
        assertThat(tables()).contains("host_orders", "flyway_schema_history", "interviews", "turns",
                "interview_schema_history");

        try (ConfigurableApplicationContext again = start()) {
            assertThat(again.getBean(Flyway.class).info().applied()).as("the host's history, untouched").hasSize(1);
            InterviewEngine engine = again.getBean(InterviewEngine.class);
            assertThat(engine.status(id).status()).isEqualTo(InterviewStatus.ACTIVE);
            assertThat(engine.transcript(id)).hasSize(1 + 2 * ANSWERS.size());
            assertThat(engine.transcript(id).stream().filter(t -> t.isRespondent()).map(t -> t.text()))
                    .as("read back in plain text").containsExactlyElementsOf(ANSWERS);
        }
    }

    private List<String> storedAnswers(InterviewId id) throws Exception {
        List<String> answers = new ArrayList<>();
        try (Connection c = TestServices.connect();
             PreparedStatement ps = c.prepareStatement("SELECT text FROM " + schema + ".turns"
                     + " WHERE interview_id = ? AND role = 'respondent' ORDER BY number")) {
            ps.setString(1, id.value());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    answers.add(rs.getString(1));
                }
            }
        }
        return answers;
    }

    private List<String> tables() throws Exception {
        List<String> tables = new ArrayList<>();
        try (Connection c = TestServices.connect();
             ResultSet rs = c.getMetaData().getTables(null, schema, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                tables.add(rs.getString("TABLE_NAME"));
            }
        }
        return tables;
    }
}
