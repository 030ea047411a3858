package dev.interviewagent.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InterviewConfigTest {

    private static final String SECRET = "sk-very-secret-4242";
    private static final String KEY_B64 = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY="; // 32 bytes

    @TempDir
    Path dir;

    @Test
    void should_prefer_environment_over_system_properties_over_the_file() {
        Setting<Duration> timeout = InterviewSettings.ENGINE_BRAIN_TIMEOUT;
        Map<String, String> env = Map.of("INTERVIEW_ENGINE_BRAIN_TIMEOUT", "10s");
        Map<String, String> sys = Map.of("interview.engine.brain-timeout", "20s");
        Map<String, String> file = Map.of("interview.engine.brain-timeout", "40s");

        assertThat(InterviewConfig.of(env, sys, file).get(timeout)).isEqualTo(Duration.ofSeconds(10));
        assertThat(InterviewConfig.of(Map.of(), sys, file).get(timeout)).isEqualTo(Duration.ofSeconds(20));
        assertThat(InterviewConfig.of(Map.of(), Map.of(), file).get(timeout)).isEqualTo(Duration.ofSeconds(40));
        assertThat(InterviewConfig.of(Map.of(), Map.of(), Map.of()).get(timeout)).isEqualTo(Duration.ofSeconds(30));
        assertThat(InterviewConfig.of(env, sys, file).source(timeout))
                .contains("environment variable INTERVIEW_ENGINE_BRAIN_TIMEOUT");
        assertThat(InterviewConfig.of(Map.of(), sys, file).source(timeout))
                .contains("system property interview.engine.brain-timeout");
        assertThat(InterviewConfig.of(Map.of(), Map.of(), Map.of()).source(timeout)).contains("default");
    }

    @Test
    void should_let_a_value_set_by_the_host_win_over_every_source() {
        InterviewConfig config = InterviewConfig.builder()
                .environment(Map.of("INTERVIEW_STORE_URL", "from-env"))
                .set(InterviewSettings.STORE_URL, "from-option", "option --store")
                .build();

        assertThat(config.get(InterviewSettings.STORE_URL)).isEqualTo("from-option");
        assertThat(config.source(InterviewSettings.STORE_URL)).contains("option --store");
    }

    @Test
    void should_read_the_file_named_by_the_environment_or_a_system_property() throws Exception {
        Path file = dir.resolve("interview.properties");
        Files.writeString(file, "# comment\ninterview.store.schema=tenant_a\ninterview.engine.max-answer-chars=500\n",
                StandardCharsets.UTF_8);

        InterviewConfig byEnv = InterviewConfig.builder()
                .environment(Map.of("INTERVIEW_CONFIG_FILE", file.toString())).build();
        Properties properties = new Properties();
        properties.setProperty("interview.config.file", file.toString());
        properties.setProperty("interview.store.schema", "tenant_b");
        InterviewConfig bySystemProperty = InterviewConfig.builder().systemProperties(properties).build();

        assertThat(byEnv.get(InterviewSettings.STORE_SCHEMA)).isEqualTo("tenant_a");
        assertThat(byEnv.get(InterviewSettings.ENGINE_MAX_ANSWER_CHARS)).isEqualTo(500);
        assertThat(byEnv.source(InterviewSettings.STORE_SCHEMA)).contains("file " + file);
        assertThat(byEnv.file()).contains(file);
        assertThat(bySystemProperty.get(InterviewSettings.STORE_SCHEMA)).isEqualTo("tenant_b");
        assertThat(bySystemProperty.get(InterviewSettings.ENGINE_MAX_ANSWER_CHARS)).isEqualTo(500);
    }

    @Test
    void should_fail_naming_the_setting_when_a_named_file_is_missing_and_not_when_none_is_named() {
        Path missing = dir.resolve("nope.properties");

        assertThatThrownBy(() -> InterviewConfig.builder()
                .environment(Map.of("INTERVIEW_CONFIG_FILE", missing.toString())).build())
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("interview.config.file").hasMessageContaining(missing.toString())
                .hasMessageContaining("environment variable INTERVIEW_CONFIG_FILE")
                .satisfies(e -> assertThat(((InvalidConfigurationException) e).settingName())
                        .isEqualTo("interview.config.file"));
        assertThat(InterviewConfig.builder().build().file()).isEmpty();
    }

    @Test
    void should_accept_simple_and_iso_durations_when_parsing() {
        Setting<Duration> setting = InterviewSettings.RETENTION_ABANDON_AFTER;
        Map<String, Duration> cases = Map.of("30s", Duration.ofSeconds(30), "2m", Duration.ofMinutes(2),
                "1500ms", Duration.ofMillis(1500), "14d", Duration.ofDays(14), "3h", Duration.ofHours(3),
                "PT45S", Duration.ofSeconds(45), "p7d", Duration.ofDays(7), " 5 m ", Duration.ofMinutes(5));

        cases.forEach((text, expected) -> assertThat(config("INTERVIEW_RETENTION_ABANDON_AFTER", text).get(setting))
                .as(text).isEqualTo(expected));
        assertThat(Values.formatDuration(Duration.ofDays(14))).isEqualTo("14d");
        assertThat(Values.formatDuration(Duration.ofMillis(1500))).isEqualTo("1500ms");
    }

    @Test
    void should_name_the_setting_the_source_and_the_value_when_a_value_is_bad() {
        assertThatThrownBy(() -> config("INTERVIEW_ENGINE_BRAIN_TIMEOUT", "30").get(
                InterviewSettings.ENGINE_BRAIN_TIMEOUT))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessage("interview.engine.brain-timeout must be a duration such as 500ms, 30s, 2m, 1h, 14d or"
                        + " PT30S, was '30' (from environment variable INTERVIEW_ENGINE_BRAIN_TIMEOUT)");
        assertThatThrownBy(() -> config("INTERVIEW_ENGINE_LOCK_TIMEOUT", "0s").get(
                InterviewSettings.ENGINE_LOCK_TIMEOUT)).hasMessageContaining("interview.engine.lock-timeout must be"
                + " greater than 0");
        assertThatThrownBy(() -> InterviewConfig.of(Map.of(), Map.of("interview.store.max-pool-size", "lots"),
                Map.of()).get(InterviewSettings.STORE_MAX_POOL_SIZE))
                .hasMessage("interview.store.max-pool-size must be a whole number from 1 to 1000, was 'lots'"
                        + " (from system property interview.store.max-pool-size)");
        assertThatThrownBy(() -> config("INTERVIEW_PRIVACY_REDACT_PII", "maybe").get(
                InterviewSettings.PRIVACY_REDACT_PII)).hasMessageContaining("must be true or false, was 'maybe'");
        assertThatThrownBy(() -> config("INTERVIEW_LLM_PROVIDER", "gemini").get(InterviewSettings.LLM_PROVIDER))
                .hasMessageContaining("must be one of openai, anthropic, offline, was 'gemini'");
        assertThatThrownBy(() -> config("INTERVIEW_TELEGRAM_ADMIN_IDS", "12,abc").get(
                InterviewSettings.TELEGRAM_ADMIN_IDS)).hasMessageContaining("comma-separated whole numbers");
    }

    @Test
    void should_never_echo_a_secret_when_its_value_is_bad() {
        String badRing = "k1:" + SECRET + "!!";

        assertThatThrownBy(() -> config("INTERVIEW_ENCRYPTION_KEYS", badRing).get(InterviewSettings.ENCRYPTION_KEYS))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessage("interview.encryption.keys key 'k1' is not valid base64"
                        + " (from environment variable INTERVIEW_ENCRYPTION_KEYS)")
                .hasMessageNotContaining(SECRET);
        assertThatThrownBy(() -> config("INTERVIEW_ENCRYPTION_KEYS", SECRET).get(InterviewSettings.ENCRYPTION_KEYS))
                .hasMessageContaining("entry 1 must be id:base64key").hasMessageNotContaining(SECRET);
    }

    @Test
    void should_parse_a_key_ring_in_order_when_keys_are_configured() {
        Map<String, byte[]> ring = config("INTERVIEW_ENCRYPTION_KEYS", "new:" + KEY_B64 + " , old:"
                + "ZmVkY2JhOTg3NjU0MzIxMA==").get(InterviewSettings.ENCRYPTION_KEYS);

        assertThat(ring.keySet()).containsExactly("new", "old");
        assertThat(ring.get("new")).hasSize(32);
        assertThat(ring.get("old")).hasSize(16);
        assertThatThrownBy(() -> config("INTERVIEW_ENCRYPTION_KEYS", "a:" + KEY_B64 + ",a:" + KEY_B64)
                .get(InterviewSettings.ENCRYPTION_KEYS)).hasMessageContaining("key 'a' is listed twice");
    }

    @Test
    void should_say_which_variable_to_set_when_a_required_value_is_missing() {
        assertThatThrownBy(() -> InterviewConfig.fromEnvironment(Map.of()).get(InterviewSettings.TELEGRAM_BOT_TOKEN))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessage("interview.telegram.bot-token is not set (environment variable TELEGRAM_BOT_TOKEN or"
                        + " system property interview.telegram.bot-token)");
        assertThat(InterviewConfig.fromEnvironment(Map.of()).find(InterviewSettings.STORE_SCHEMA)).isEmpty();
    }

    @Test
    void should_treat_blank_values_as_unset() {
        InterviewConfig config = InterviewConfig.of(Map.of("OPENAI_API_KEY", "  ", "INTERVIEW_STORE_URL", ""),
                Map.of(), Map.of());

        assertThat(config.isSet(InterviewSettings.LLM_OPENAI_API_KEY)).isFalse();
        assertThat(config.get(InterviewSettings.STORE_URL)).isEqualTo("interviews");
    }

    @Test
    void should_use_the_fallback_setting_when_a_setting_is_not_set_itself() {
        InterviewConfig shared = config("OPENAI_API_KEY", SECRET);
        InterviewConfig own = InterviewConfig.of(Map.of("OPENAI_API_KEY", SECRET,
                "INTERVIEW_VOICE_OPENAI_API_KEY", "sk-speech"), Map.of(), Map.of());

        assertThat(shared.get(InterviewSettings.SPEECH_OPENAI_API_KEY)).isEqualTo(SECRET);
        assertThat(shared.get(InterviewSettings.TTS_API_KEY)).isEqualTo(SECRET);
        assertThat(shared.isSet(InterviewSettings.SPEECH_OPENAI_API_KEY)).isFalse();
        assertThat(own.get(InterviewSettings.SPEECH_OPENAI_API_KEY)).isEqualTo("sk-speech");
        assertThat(own.get(InterviewSettings.TTS_API_KEY)).isEqualTo("sk-speech");
        assertThat(config("OPENAI_BASE_URL", "http://localhost:11434/v1").get(InterviewSettings.TTS_BASE_URL))
                .isEqualTo("http://localhost:11434/v1");
        assertThat(InterviewConfig.fromEnvironment(Map.of()).get(InterviewSettings.TTS_BASE_URL))
                .isEqualTo("https://api.openai.com/v1");
    }

    @Test
    void should_read_a_deprecated_variable_with_one_warning_and_let_the_current_one_win() {
        InterviewConfig old = config("INTERVIEW_DB_URL", "/data/old");
        String log = LogCapture.of(() -> {
            assertThat(old.get(InterviewSettings.STORE_URL)).isEqualTo("/data/old");
            assertThat(old.get(InterviewSettings.STORE_URL)).isEqualTo("/data/old");
        });
        InterviewConfig both = InterviewConfig.of(Map.of("INTERVIEW_DB_URL", "/data/old",
                "INTERVIEW_STORE_URL", "/data/new"), Map.of(), Map.of());
        String bothLog = LogCapture.of(() -> assertThat(both.get(InterviewSettings.STORE_URL)).isEqualTo("/data/new"));

        assertThat(old.source(InterviewSettings.STORE_URL)).contains("environment variable INTERVIEW_DB_URL");
        assertThat(log).contains("INTERVIEW_DB_URL is deprecated: use INTERVIEW_STORE_URL");
        assertThat(log.split("is deprecated", -1)).hasSize(2);
        assertThat(bothLog).contains("INTERVIEW_DB_URL is ignored: INTERVIEW_STORE_URL is set too");
    }

    @Test
    void should_warn_about_unknown_keys_in_the_file_and_system_properties_without_their_values() {
        String log = LogCapture.of(() -> InterviewConfig.of(Map.of("INTERVIEW_SOMETHING_ELSE", "x"),
                Map.of("interview.stor.url", "hidden-1", "java.home", "/jdk", "interview.engine.brain-timeout", "5s"),
                Map.of("interview.retention.sweep-evry", "hidden-2", "OPENAI_API_KEY", SECRET)));

        assertThat(log).contains("unknown system property 'interview.stor.url'; did you mean interview.store.url?")
                .contains("unknown setting 'interview.retention.sweep-evry' in the configuration file; did you mean"
                        + " interview.retention.sweep-every?")
                .contains("unknown setting 'OPENAI_API_KEY' in the configuration file; files and system properties"
                        + " use dotted names: interview.llm.openai.api-key")
                .doesNotContain("hidden-1", "hidden-2", SECRET, "java.home", "INTERVIEW_SOMETHING_ELSE",
                        "brain-timeout");
    }

    @Test
    void should_mask_secrets_and_url_passwords_when_describing() {
        InterviewConfig config = InterviewConfig.of(Map.of(
                        "OPENAI_API_KEY", SECRET,
                        "INTERVIEW_STORE_URL", "jdbc:postgresql://db:5432/app?user=app&password=hunter2",
                        "REDIS_URL", "redis://default:hunter3@cache:6379",
                        "INTERVIEW_ENCRYPTION_KEYS", "k1:" + KEY_B64,
                        "INTERVIEW_STORE_PASSWORD", "hunter4"),
                Map.of("interview.engine.brain-timeout", "45s"), Map.of());

        List<String> lines = config.describe();
        String everything = String.join("\n", lines) + config + config.display(InterviewSettings.REDIS_URL)
                .orElseThrow() + config.display(InterviewSettings.SPEECH_OPENAI_API_KEY).orElseThrow();

        assertThat(lines).contains("interview.llm.openai.api-key = <masked> (environment variable OPENAI_API_KEY)",
                "interview.engine.brain-timeout = 45s (system property interview.engine.brain-timeout)",
                "interview.store.url = jdbc:postgresql://db:5432/app?user=app&password=<masked> (environment variable"
                        + " INTERVIEW_STORE_URL)",
                "interview.redis.url = redis://default:<masked>@cache:6379 (environment variable REDIS_URL)");
        assertThat(everything).doesNotContain(SECRET, "hunter2", "hunter3", "hunter4", KEY_B64);
        assertThat(config.toString()).startsWith("InterviewConfig{").contains("interview.store.password = <masked>");
    }

    @Test
    void should_report_every_bad_value_when_validating() {
        InterviewConfig config = InterviewConfig.of(Map.of("INTERVIEW_ENGINE_BRAIN_TIMEOUT", "soon",
                "INTERVIEW_STORE_MAX_POOL_SIZE", "0"), Map.of(), Map.of());

        assertThatThrownBy(config::validate).isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("2 settings are invalid")
                .hasMessageContaining("interview.store.max-pool-size must be from 1 to 1000")
                .hasMessageContaining("interview.engine.brain-timeout must be a duration");
        assertThat(InterviewConfig.fromEnvironment(Map.of("INTERVIEW_WEBSOCKET_PORT", "8081")).validate()
                .get(InterviewSettings.WEBSOCKET_PORT)).isEqualTo(8081);
    }

    private static InterviewConfig config(String env, String value) {
        return InterviewConfig.fromEnvironment(Map.of(env, value));
    }
}
