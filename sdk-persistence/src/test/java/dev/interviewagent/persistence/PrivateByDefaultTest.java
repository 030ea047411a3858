package dev.interviewagent.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interviewagent.core.Answer;
import dev.interviewagent.core.CapturedLogs;
import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.StartRequest;
import dev.interviewagent.core.config.InterviewConfig;
import dev.interviewagent.core.config.InvalidConfigurationException;
import dev.interviewagent.core.exception.StoreException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link InterviewStorage} stores answers encrypted unless the operator opts out: the embedded store creates its own
 * key file, an external database without keys refuses to start, and stores written before encryption are migrated
 * only explicitly (or when the embedded store's key file is first created).
 */
class PrivateByDefaultTest {

    private static final String ANSWER = "I run the night shift at the pumping station, twelve people.";
    private static final String KEY = Base64.getEncoder().encodeToString(
            "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));

    @TempDir
    Path dir;

    private final List<String> schemas = new ArrayList<>();

    @AfterEach
    void dropSchemas() {
        schemas.forEach(TestServices::dropSchema);
    }

    private static InterviewId interviewWithAnswer(InterviewStorage storage) {
        try (InterviewEngine engine = storage.applyTo(InterviewEngine.builder()).build()) {
            InterviewId id = engine.start(StartRequest.builder().language(Language.ENGLISH).build()).interviewId();
            engine.answer(id, Answer.text("m1", ANSWER));
            return id;
        }
    }

    private static String transcript(InterviewStorage storage, InterviewId id) {
        try (InterviewEngine engine = storage.applyTo(InterviewEngine.builder()).build()) {
            return engine.transcript(id).get(1).text();
        }
    }

    /** Every turn text and state of the embedded database in {@code store}, raw. */
    private static String rawEmbedded(Path store) throws Exception {
        StringBuilder out = new StringBuilder();
        try (Connection c = DriverManager.getConnection(JdbcInterviewStore.embeddedUrl(store));
             PreparedStatement ps = c.prepareStatement("SELECT text FROM turns UNION ALL SELECT state FROM interviews");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.append(rs.getString(1)).append('\n');
            }
        }
        return out.toString();
    }

    @Test
    void should_encrypt_the_embedded_store_with_a_key_file_it_creates_when_nothing_is_configured() throws Exception {
        Path store = dir.resolve("store");
        InterviewConfig config = InterviewConfig.fromEnvironment(Map.of("INTERVIEW_STORE_URL", store.toString()));
        Path keyFile = store.toAbsolutePath().resolve("encryption.key");
        InterviewId id;
        String firstDescription;
        try (CapturedLogs logs = new CapturedLogs(); InterviewStorage storage = InterviewStorage.open(config)) {
            firstDescription = String.join("\n", storage.description());
            id = interviewWithAnswer(storage);
            assertThat(storage.description()).contains("encryption at rest: on (key file " + keyFile
                    + ", created now)");
            String key = Files.readAllLines(keyFile).stream().filter(l -> !l.startsWith("#")).findFirst()
                    .orElseThrow();
            String keyMaterial = key.substring(key.indexOf(':') + 1);
            assertThat(String.join("\n", logs.lines()) + firstDescription + storage).doesNotContain(keyMaterial);
            assertThat(Base64.getDecoder().decode(keyMaterial)).hasSize(32);
        }
        assertThat(Files.getPosixFilePermissions(keyFile)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(rawEmbedded(store)).contains("enc:v2:local-").doesNotContain("night shift", "pumping");

        try (InterviewStorage again = InterviewStorage.open(config)) {
            assertThat(again.description()).contains("encryption at rest: on (key file " + keyFile + ")");
            assertThat(transcript(again, id)).isEqualTo(ANSWER);
        }
    }

    @Test
    void should_encrypt_what_an_embedded_store_held_in_plain_text_when_its_key_file_is_first_created()
            throws Exception {
        Path store = dir.resolve("older");
        InterviewId id;
        try (InterviewStorage plain = InterviewStorage.open(InterviewConfig.fromEnvironment(Map.of(
                "INTERVIEW_STORE_URL", store.toString(), "INTERVIEW_ENCRYPTION_REQUIRED", "false")))) {
            id = interviewWithAnswer(plain);
        }
        assertThat(rawEmbedded(store)).contains("night shift");

        try (InterviewStorage upgraded = InterviewStorage.open(InterviewConfig.fromEnvironment(Map.of(
                "INTERVIEW_STORE_URL", store.toString())))) {
            assertThat(upgraded.description()).anyMatch(line -> line.endsWith(", created now)"));
        }

        assertThat(rawEmbedded(store)).doesNotContain("night shift", "pumping");
        try (InterviewStorage strict = InterviewStorage.open(InterviewConfig.fromEnvironment(Map.of(
                "INTERVIEW_STORE_URL", store.toString())))) {
            assertThat(transcript(strict, id)).isEqualTo(ANSWER);
        }
        // opting out later keeps using the key file that exists, so nothing becomes unreadable
        try (InterviewStorage optedOut = InterviewStorage.open(InterviewConfig.fromEnvironment(Map.of(
                "INTERVIEW_STORE_URL", store.toString(), "INTERVIEW_ENCRYPTION_REQUIRED", "false")))) {
            assertThat(optedOut.description()).anyMatch(line -> line.startsWith("encryption at rest: on (key file"));
            assertThat(transcript(optedOut, id)).isEqualTo(ANSWER);
        }
    }

    @Test
    void should_refuse_to_start_on_an_external_database_without_keys_unless_encryption_is_opted_out() {
        String schema = TestServices.newSchema();
        schemas.add(schema);
        Map<String, String> env = new HashMap<>(Map.of("INTERVIEW_STORE_URL", TestServices.PG_URL,
                "INTERVIEW_STORE_USER", TestServices.PG_USER, "INTERVIEW_STORE_SCHEMA", schema));
        if (!TestServices.PG_PASSWORD.isEmpty()) {
            env.put("INTERVIEW_STORE_PASSWORD", TestServices.PG_PASSWORD);
        }

        assertThatThrownBy(() -> InterviewStorage.open(InterviewConfig.fromEnvironment(env)))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageStartingWith("interview.encryption.keys (INTERVIEW_ENCRYPTION_KEYS) is not set")
                .hasMessageContaining("interview.encryption.required=false");

        env.put("INTERVIEW_ENCRYPTION_REQUIRED", "false");
        try (InterviewStorage storage = InterviewStorage.open(InterviewConfig.fromEnvironment(env))) {
            assertThat(storage.description()).contains("encryption at rest: off (interview.encryption.required=false)");
        }
        assertThatThrownBy(() -> InterviewStorage.open(InterviewConfig.fromEnvironment(Map.of(
                "INTERVIEW_STORE_URL", dir.resolve("x").toString(), "INTERVIEW_ENCRYPTION_REQUIRED", "false",
                "INTERVIEW_ENCRYPTION_MIGRATE", "true"))))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("interview.encryption.migrate is true but encryption at rest is off");
    }

    @Test
    void should_migrate_a_plaintext_database_only_when_the_migration_is_switched_on() throws Exception {
        String schema = TestServices.newSchema();
        schemas.add(schema);
        Map<String, String> env = new HashMap<>(Map.of("INTERVIEW_STORE_URL", TestServices.PG_URL,
                "INTERVIEW_STORE_USER", TestServices.PG_USER, "INTERVIEW_STORE_SCHEMA", schema,
                "INTERVIEW_ENCRYPTION_REQUIRED", "false"));
        if (!TestServices.PG_PASSWORD.isEmpty()) {
            env.put("INTERVIEW_STORE_PASSWORD", TestServices.PG_PASSWORD);
        }
        InterviewId id;
        try (InterviewStorage plain = InterviewStorage.open(InterviewConfig.fromEnvironment(env))) {
            id = interviewWithAnswer(plain);
        }
        env.remove("INTERVIEW_ENCRYPTION_REQUIRED");
        env.put("INTERVIEW_ENCRYPTION_KEYS", "k1:" + KEY);

        try (InterviewStorage strict = InterviewStorage.open(InterviewConfig.fromEnvironment(env))) {
            assertThatThrownBy(() -> strict.store().load(id)).isInstanceOf(StoreException.class)
                    .hasMessageContaining("plain text");
        }
        env.put("INTERVIEW_ENCRYPTION_MIGRATE", "true");
        try (InterviewStorage migrating = InterviewStorage.open(InterviewConfig.fromEnvironment(env))) {
            assertThat(migrating.description()).anyMatch(line -> line.startsWith("encryption migration: on"));
            assertThat(transcript(migrating, id)).isEqualTo(ANSWER);
        }
        env.remove("INTERVIEW_ENCRYPTION_MIGRATE");
        try (InterviewStorage after = InterviewStorage.open(InterviewConfig.fromEnvironment(env));
             Connection c = TestServices.pgConnection(schema);
             PreparedStatement ps = c.prepareStatement("SELECT string_agg(text, ' ') FROM turns")) {
            assertThat(transcript(after, id)).isEqualTo(ANSWER);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertThat(rs.getString(1)).doesNotContain("night shift").contains("enc:v2:k1:");
            }
        }
    }
}
