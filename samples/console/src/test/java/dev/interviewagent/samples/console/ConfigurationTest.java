package dev.interviewagent.samples.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewagent.core.config.InterviewConfig;
import dev.interviewagent.persistence.InterviewStorage;
import dev.interviewagent.persistence.JdbcInterviewStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console turns encryption, redaction and retention on by configuration alone, and says what it picked. */
class ConfigurationTest {

    private static final String KEY = Base64.getEncoder().encodeToString(
            "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
    private static final String ANSWER = "I lead the night shift, mail me at ada.l@example.com or +44 20 7946 0958.";

    @TempDir
    Path dir;

    record Run(int exitCode, String out, String err, String log) {
        String interviewId() {
            int at = out.indexOf("\"interviewId\":\"") + "\"interviewId\":\"".length();
            return out.substring(at, out.indexOf('"', at));
        }
    }

    private static Run run(Map<String, String> env, String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream systemErr = System.err;
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));   // slf4j-simple writes here
        int code;
        try {
            code = Main.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                    env);
        } finally {
            System.setErr(systemErr);
        }
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8),
                log.toString(StandardCharsets.UTF_8));
    }

    private Path store() {
        return dir.resolve("interviews");
    }

    private Path file(String... lines) throws Exception {
        Path file = dir.resolve("console.properties");
        Files.write(file, List.of(lines), StandardCharsets.UTF_8);
        return file;
    }

    private String storedAnswer(Path store, String id) throws Exception {
        try (Connection c = DriverManager.getConnection(JdbcInterviewStore.embeddedUrl(store));
             PreparedStatement ps = c.prepareStatement("SELECT text FROM turns WHERE interview_id = ? AND number = 2")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getString(1);
            }
        }
    }

    private String status(Path store, String id) throws Exception {
        try (Connection c = DriverManager.getConnection(JdbcInterviewStore.embeddedUrl(store));
             PreparedStatement ps = c.prepareStatement("SELECT status FROM interviews WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getString(1);
            }
        }
    }

    @Test
    void should_store_ciphertext_with_redacted_text_inside_when_a_config_file_turns_both_on() throws Exception {
        Path file = file("interview.encryption.keys=k1:" + KEY, "interview.privacy.redact-pii=true");

        Run run = run(Map.of(), ANSWER + "\n", "--json", "--language", "en", "--store", store().toString(),
                "--config", file.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).contains("encryption at rest: on (AES-GCM, primary key k1, 1 key)",
                "PII redaction: on");
        String id = run.interviewId();
        assertThat(storedAnswer(store(), id)).startsWith("enc:v2:k1:").doesNotContain("night shift");
        InterviewConfig reopen = InterviewConfig.fromEnvironment(Map.of("INTERVIEW_STORE_URL", store().toString(),
                "INTERVIEW_ENCRYPTION_KEYS", "k1:" + KEY));
        try (InterviewStorage storage = InterviewStorage.open(reopen)) {
            assertThat(storage.database().turns(dev.interviewagent.core.InterviewId.of(id)).get(1).text())
                    .isEqualTo("I lead the night shift, mail me at [email] or [phone].");
        }
        assertThat(run.out() + run.err() + run.log()).doesNotContain(KEY);
    }

    @Test
    void should_store_answers_encrypted_with_a_key_file_of_its_own_when_nothing_is_configured() throws Exception {
        Run run = run(Map.of(), ANSWER + "\n", "--json", "--language", "en", "--store", store().toString());

        assertThat(run.exitCode()).isZero();
        Path keyFile = store().toAbsolutePath().resolve("encryption.key");
        assertThat(run.err()).contains("encryption at rest: on (key file " + keyFile + ", created now)");
        String id = run.interviewId();
        assertThat(storedAnswer(store(), id)).startsWith("enc:v2:local-").doesNotContain("night shift");
        String key = Files.readAllLines(keyFile).stream().filter(line -> !line.startsWith("#")).findFirst()
                .orElseThrow();
        assertThat(run.out() + run.err() + run.log()).doesNotContain(key.substring(key.indexOf(':') + 1));

        Run resumed = run(Map.of(), "", "--json", "--store", store().toString(), "--resume", id);
        assertThat(resumed.exitCode()).isZero();
        assertThat(resumed.err()).contains("encryption at rest: on (key file " + keyFile + ")");
    }

    @Test
    void should_store_plain_text_only_when_the_operator_opts_out() throws Exception {
        Run run = run(Map.of("INTERVIEW_ENCRYPTION_REQUIRED", "false"), ANSWER + "\n", "--json", "--language", "en",
                "--store", store().toString());

        assertThat(run.err()).contains("encryption at rest: off (interview.encryption.required=false)");
        assertThat(storedAnswer(store(), run.interviewId())).isEqualTo(ANSWER);
    }

    @Test
    void should_abandon_an_idle_interview_when_retention_is_configured() throws Exception {
        Run first = run(Map.of(), ANSWER + "\n", "--json", "--language", "en", "--store", store().toString());
        String idle = first.interviewId();
        assertThat(status(store(), idle)).isEqualTo("active");

        Run second = run(Map.of("INTERVIEW_RETENTION_ENABLED", "true", "INTERVIEW_RETENTION_ABANDON_AFTER", "1ms"),
                "", "--json", "--language", "en", "--store", store().toString());

        assertThat(second.exitCode()).isZero();
        assertThat(second.err()).contains("retention: abandon after 1ms idle", "retention: 1 abandoned, 0 purged");
        assertThat(status(store(), idle)).isEqualTo("abandoned");
        assertThat(status(store(), second.interviewId())).isEqualTo("active");
    }

    @Test
    void should_let_store_beat_the_environment_and_the_environment_beat_the_file() throws Exception {
        Path fromFile = dir.resolve("from-file");
        Path fromEnv = dir.resolve("from-env");
        Path fromOption = dir.resolve("from-option");
        Path file = file("interview.store.url=" + fromFile);
        Map<String, String> env = Map.of("INTERVIEW_STORE_URL", fromEnv.toString());

        assertThat(run(Map.of(), "", "--json", "--config", file.toString()).exitCode()).isZero();
        assertThat(run(env, "", "--json", "--config", file.toString()).exitCode()).isZero();
        assertThat(run(env, "", "--json", "--config", file.toString(), "--store", fromOption.toString()).err())
                .contains("store: embedded (H2 in " + fromOption.toAbsolutePath() + ")");

        assertThat(fromFile.resolve("interviews.mv.db")).exists();
        assertThat(fromEnv.resolve("interviews.mv.db")).exists();
        assertThat(fromOption.resolve("interviews.mv.db")).exists();
    }

    @Test
    void should_exit_with_2_naming_the_setting_when_a_value_is_bad_or_the_file_is_missing() {
        Map<String, String> env = new HashMap<>(Map.of("INTERVIEW_ENGINE_MAX_ANSWER_CHARS", "lots"));

        Run bad = run(env, "", "--store", store().toString());
        Run missing = run(Map.of(), "", "--store", store().toString(), "--config", dir.resolve("no.properties")
                .toString());
        Run badKey = run(Map.of("INTERVIEW_ENCRYPTION_KEYS", "k1:not-base64-" + KEY), "", "--store",
                store().toString());

        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).startsWith("console-sample: interview.engine.max-answer-chars must be a whole number");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("interview.config.file names a file that does not exist")
                .contains("(from option --config)");
        assertThat(badKey.exitCode()).isEqualTo(2);
        assertThat(badKey.err()).contains("interview.encryption.keys").doesNotContain(KEY);
        assertThat(bad.out() + missing.out() + badKey.out()).isEmpty();
    }
}
