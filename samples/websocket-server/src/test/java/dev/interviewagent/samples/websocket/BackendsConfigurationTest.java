package dev.interviewagent.samples.websocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interviewagent.core.Answer;
import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.InterviewStatus;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.StartRequest;
import dev.interviewagent.core.config.InvalidConfigurationException;
import dev.interviewagent.persistence.JdbcInterviewStore;
import dev.interviewagent.websocket.DataPolicy;
import dev.interviewagent.websocket.WebSocketInterviews;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The web sample turns encryption at rest, PII redaction and retention on by configuration alone. */
class BackendsConfigurationTest {

    private static final String KEY = Base64.getEncoder().encodeToString(
            "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
    private static final String ANSWER = "I run the control room; write to ada.l@example.com or +44 20 7946 0958.";

    @TempDir
    Path dir;

    private Path store() {
        return dir.resolve("store");
    }

    private static InterviewId interviewWithAnswer(InterviewEngine engine) {
        InterviewId id = engine.start(StartRequest.builder().language(Language.ENGLISH).build()).interviewId();
        engine.answer(id, Answer.text("web-1", ANSWER));
        return id;
    }

    private String storedAnswer(InterviewId id) throws Exception {
        try (Connection c = DriverManager.getConnection(JdbcInterviewStore.embeddedUrl(store()));
             PreparedStatement ps = c.prepareStatement("SELECT text FROM turns WHERE interview_id = ? AND number = 2")) {
            ps.setString(1, id.value());
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getString(1);
            }
        }
    }

    @Test
    void should_store_encrypted_redacted_answers_when_configured_by_environment() throws Exception {
        Map<String, String> env = Map.of(Backends.STORE_URL, store().toString(), "INTERVIEW_ENCRYPTION_KEYS",
                "web:" + KEY, "INTERVIEW_PRIVACY_REDACT_PII", "true");
        InterviewId id;
        try (Backends backends = new Backends(); InterviewEngine engine = backends.engine(env)) {
            id = interviewWithAnswer(engine);

            assertThat(engine.transcript(id).get(1).text())
                    .isEqualTo("I run the control room; write to [email] or [phone].");
            assertThat(backends.description()).contains("encryption at rest: on (AES-GCM, primary key web, 1 key)",
                    "PII redaction: on (e-mail addresses and phone numbers are masked before storage)",
                    "retention: off");
            assertThat(String.join("\n", backends.description())).doesNotContain(KEY);
        }
        assertThat(storedAnswer(id)).startsWith("enc:v2:web:").doesNotContain("control room");
    }

    @Test
    void should_store_answers_encrypted_with_a_key_file_of_its_own_when_nothing_is_configured() throws Exception {
        InterviewId id;
        try (Backends backends = new Backends(); InterviewEngine engine = backends.engine(Map.of(Backends.STORE_URL,
                store().toString()))) {
            id = interviewWithAnswer(engine);
            assertThat(backends.description()).contains("encryption at rest: on (key file "
                    + store().toAbsolutePath().resolve("encryption.key") + ", created now)");
        }
        assertThat(storedAnswer(id)).startsWith("enc:v2:local-").doesNotContain("control room");
    }

    @Test
    void should_abandon_an_idle_interview_when_retention_is_configured() throws Exception {
        InterviewId idle;
        try (Backends first = new Backends(); InterviewEngine engine = first.engine(Map.of(Backends.STORE_URL,
                store().toString()))) {
            idle = interviewWithAnswer(engine);
        }
        Map<String, String> env = Map.of(Backends.STORE_URL, store().toString(), "INTERVIEW_RETENTION_ENABLED", "true",
                "INTERVIEW_RETENTION_ABANDON_AFTER", "1ms");

        try (Backends backends = new Backends(); InterviewEngine engine = backends.engine(env)) {
            assertThat(backends.description()).contains(
                    "retention: abandon after 1ms idle, keep archived interviews, sweep every 1h");
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();  // the first sweep runs at start
            while (engine.status(idle).status() == InterviewStatus.ACTIVE && System.nanoTime() < deadline) {
                LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
            }
            assertThat(engine.status(idle).status()).isEqualTo(InterviewStatus.ABANDONED);
        }
    }

    @Test
    void should_tell_the_page_the_retention_and_masking_it_configured_and_erase_a_browsers_interviews()
            throws Exception {
        try (Backends backends = new Backends(); InterviewEngine ignored = backends.engine(Map.of(Backends.STORE_URL,
                store().toString()))) {
            assertThat(backends.dataPolicy()).isEqualTo(DataPolicy.keptUntilDeleted());
        }
        Map<String, String> env = Map.of(Backends.STORE_URL, store().toString(), "INTERVIEW_RETENTION_ENABLED", "true",
                "INTERVIEW_RETENTION_PURGE_ARCHIVED_AFTER_DAYS", "30", "INTERVIEW_PRIVACY_REDACT_PII", "true");
        try (Backends backends = new Backends(); InterviewEngine engine = backends.engine(env)) {
            assertThat(backends.dataPolicy()).isEqualTo(new DataPolicy(Duration.ofDays(30), Duration.ofDays(14), true));
            // the page's "Delete my data" goes to the store's PrivacyOperations, by the browser's respondent key
            String key = WebSocketInterviews.respondentKey("k".repeat(22));
            InterviewId id = engine.start(StartRequest.builder().language(Language.ENGLISH).channelKey(key).build())
                    .interviewId();
            assertThat(backends.respondentData().export(key)).contains(id.value());
            assertThat(backends.respondentData().delete(key)).isEqualTo(1);
            assertThatThrownBy(() -> engine.status(id)).hasMessageContaining(id.value());
        }
    }

    @Test
    void should_name_the_setting_when_a_value_is_bad() throws Exception {
        Map<String, String> env = Map.of(Backends.STORE_URL, store().toString(), "INTERVIEW_ENGINE_BRAIN_TIMEOUT",
                "soon");

        try (Backends backends = new Backends()) {
            assertThatThrownBy(() -> backends.engine(env)).isInstanceOf(InvalidConfigurationException.class)
                    .hasMessageStartingWith("interview.engine.brain-timeout must be a duration");
        }
    }
}
