package dev.interviewagent.samples.websocket;

import static dev.interviewagent.websocket.WsClient.frame;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.channel.SpeechTranscriber;
import dev.interviewagent.websocket.WsClient;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two server nodes, each with its own engine, store connection pool, Redis lock and Jetty on its own port, share
 * PostgreSQL (a random schema) and Redis (a random key prefix), configured exactly as {@code Main} does from the
 * environment. A client that starts on node A and reconnects to node B resumes the same interview with its token,
 * and can go back to A. Needs PostgreSQL on 127.0.0.1:5432 (user postgres, db test) and Redis on 6379
 * ({@code scripts/start-services.sh}); fails, never skips, when they are down. {@code IA_TEST_PG_URL},
 * {@code IA_TEST_PG_USER}, {@code IA_TEST_PG_PASSWORD}, {@code IA_TEST_REDIS_URL} override the addresses.
 */
class MultiNodeTest {

    private static final String PG_URL = System.getenv().getOrDefault("IA_TEST_PG_URL",
            "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String PG_USER = System.getenv().getOrDefault("IA_TEST_PG_USER", "postgres");
    private static final String PG_PASSWORD = System.getenv().getOrDefault("IA_TEST_PG_PASSWORD", "");
    private static final String REDIS_URL = System.getenv().getOrDefault("IA_TEST_REDIS_URL",
            "redis://127.0.0.1:6379");

    private final String schema = "ws_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    @AfterEach
    void dropSchema() throws Exception {
        try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, PG_PASSWORD);
             Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    @Test
    void should_resume_on_the_other_node_with_the_token() throws Exception {
        Map<String, String> env = Map.of(Backends.STORE_URL, PG_URL, Backends.STORE_USER, PG_USER,
                Backends.STORE_PASSWORD, PG_PASSWORD, Backends.STORE_SCHEMA, schema, Backends.REDIS_URL, REDIS_URL,
                Backends.REDIS_PREFIX, "ia-test-" + schema, "INTERVIEW_ENCRYPTION_KEYS",
                "test:MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");
        try (Backends nodeA = new Backends(); Backends nodeB = new Backends()) {
            InterviewEngine engineA = nodeA.engine(env);
            InterviewEngine engineB = nodeB.engine(env);
            assertThat(nodeA.description()).anyMatch(line -> line.startsWith("cluster: Redis"));
            try (InterviewServer a = TestServers.start(engineA, SpeechTranscriber.NONE, TestServers.settings());
                 InterviewServer b = TestServers.start(engineB, SpeechTranscriber.NONE, TestServers.settings())) {
                assertThat(a.port()).isNotEqualTo(b.port());
                String id;
                String token;
                JsonNode onA;
                try (WsClient client = WsClient.connect(a.webSocketUri())) {
                    client.send(frame("start").put("clientMessageId", "mn-start").put("language", "en"));
                    JsonNode session = client.next("session");
                    id = session.path("interviewId").asText();
                    token = session.path("token").asText();
                    client.next("question");
                    client.send(frame("answer").put("clientMessageId", "mn-1")
                            .put("text", TestServers.answer("en", 1)));
                    onA = client.next("question");
                }
                JsonNode onB;
                try (WsClient client = WsClient.connect(b.webSocketUri())) {
                    client.send(frame("resume").put("interviewId", id).put("token", "not-the-token"));
                    assertThat(client.next("error").path("code").asText()).isEqualTo("unauthorized");
                    client.send(frame("resume").put("interviewId", id).put("token", token));
                    assertThat(client.next("session").path("interviewId").asText()).isEqualTo(id);
                    assertThat(client.next("question").path("turn").asInt()).isEqualTo(onA.path("turn").asInt());
                    // a retry of the answer node A already took is recognised on node B
                    client.send(frame("answer").put("clientMessageId", "mn-1")
                            .put("text", TestServers.answer("en", 1)));
                    assertThat(client.next("question").path("turn").asInt()).isEqualTo(onA.path("turn").asInt());
                    client.send(frame("answer").put("clientMessageId", "mn-2")
                            .put("text", TestServers.answer("en", 2)));
                    onB = client.next("question");
                    assertThat(onB.path("turn").asInt()).isEqualTo(onA.path("turn").asInt() + 2);
                }
                try (WsClient client = WsClient.connect(a.webSocketUri())) {
                    client.send(frame("resume").put("interviewId", id).put("token", token));
                    client.next("session");
                    assertThat(client.next("question").path("turn").asInt()).isEqualTo(onB.path("turn").asInt());
                }
            } finally {
                engineA.close();
                engineB.close();
            }
        }
    }
}
