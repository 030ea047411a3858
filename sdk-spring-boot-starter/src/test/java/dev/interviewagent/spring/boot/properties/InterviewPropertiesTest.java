package dev.interviewagent.spring.boot.properties;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewagent.core.config.InterviewConfig;
import dev.interviewagent.core.config.InterviewSettings;
import dev.interviewagent.core.config.Setting;
import java.beans.PropertyDescriptor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.BeanWrapper;
import org.springframework.beans.PropertyAccessorFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** One property per registry setting, the other way round too, and the SDK reads each exactly as bound. */
class InterviewPropertiesTest {

    private static final String KEY = Base64.getEncoder().encodeToString(
            "0123456789abcdef".getBytes(StandardCharsets.US_ASCII));

    @TempDir
    Path dir;

    /** A valid value, different from the default, for every setting of the registry. */
    private Map<String, String> everySetting() {
        return Map.ofEntries(
                entry("interview.config.file", dir.resolve("interview.properties").toString()),
                entry("interview.store.url", "jdbc:postgresql://db:5432/interviews"),
                entry("interview.store.user", "interviewer"),
                entry("interview.store.password", "pw-1"),
                entry("interview.store.schema", "tenant_a"),
                entry("interview.store.max-pool-size", "7"),
                entry("interview.store.query-timeout", "3s"),
                entry("interview.redis.url", "redis://cache:6379"),
                entry("interview.redis.key-prefix", "prod"),
                entry("interview.encryption.keys", "k1:" + KEY),
                entry("interview.encryption.primary-key-id", "k1"),
                entry("interview.encryption.required", "false"),
                entry("interview.encryption.migrate", "true"),
                entry("interview.privacy.redact-pii", "true"),
                entry("interview.retention.enabled", "true"),
                entry("interview.retention.abandon-after", "7d"),
                entry("interview.retention.purge-archived-after-days", "365"),
                entry("interview.retention.sweep-every", "15m"),
                entry("interview.engine.brain-timeout", "20s"),
                entry("interview.engine.lock-timeout", "1500ms"),
                entry("interview.engine.max-answer-chars", "9000"),
                entry("interview.start.language", "ru"),
                entry("interview.start.style", "telegram"),
                entry("interview.start.guide", "classpath:guides/bakery-guide.json"),
                entry("interview.llm.provider", "anthropic"),
                entry("interview.llm.openai.api-key", "sk-1"),
                entry("interview.llm.openai.base-url", "http://llm.local/v1"),
                entry("interview.llm.openai.model", "gpt-x"),
                entry("interview.llm.anthropic.api-key", "sk-ant-1"),
                entry("interview.llm.anthropic.base-url", "http://claude.local/v1/"),
                entry("interview.llm.anthropic.model", "claude-x"),
                entry("interview.llm.call-timeout", "5s"),
                entry("interview.llm.turn-timeout", "9s"),
                entry("interview.llm.max-retries", "0"),
                entry("interview.voice.provider", "openai"),
                entry("interview.voice.fallback", "false"),
                entry("interview.voice.assemblyai.api-key", "aai-1"),
                entry("interview.voice.assemblyai.base-url", "http://aai.local"),
                entry("interview.voice.openai.api-key", "sk-2"),
                entry("interview.voice.openai.base-url", "http://stt.local/v1"),
                entry("interview.voice.openai.model", "gpt-4o-transcribe"),
                entry("interview.voice.tts.api-key", "sk-3"),
                entry("interview.voice.tts.base-url", "http://tts.local/v1"),
                entry("interview.voice.tts.model", "tts-1"),
                entry("interview.voice.tts.voice", "nova"),
                entry("interview.voice.tts.format", "mp3"),
                entry("interview.telegram.bot-token", "123:abc"),
                entry("interview.telegram.api-url", "http://bots.local"),
                entry("interview.telegram.admin-ids", "1,2"),
                entry("interview.telegram.allow-groups", "true"),
                entry("interview.telegram.voice-replies", "true"),
                entry("interview.telegram.webhook-url", "https://bot.example/hook"),
                entry("interview.telegram.webhook-secret", "hook-secret"),
                entry("interview.telegram.webhook-port", "9443"),
                entry("interview.websocket.host", "0.0.0.0"),
                entry("interview.websocket.port", "0"),
                entry("interview.websocket.allowed-origins", "https://a.example,https://b.example"),
                entry("interview.websocket.max-connections", "10"),
                entry("interview.websocket.max-text-bytes", "2048"),
                entry("interview.websocket.max-audio-bytes", "4096"),
                entry("interview.websocket.messages-per-second", "2.5"),
                entry("interview.websocket.burst", "5"),
                entry("interview.websocket.max-frame-chars", "4096"),
                entry("interview.websocket.idle-timeout", "90s"),
                entry("interview.websocket.max-connections-per-address", "9"),
                entry("interview.websocket.starts-per-minute", "600"),
                entry("interview.websocket.starts-per-minute-per-address", "10"),
                entry("interview.websocket.turn-threads", "16"),
                entry("interview.websocket.max-queued-turns", "400"),
                entry("interview.websocket.client-address-header", "X-Forwarded-For"));
    }

    private static InterviewProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bind(InterviewProperties.PREFIX, InterviewProperties.class).orElseGet(InterviewProperties::new);
    }

    @Test
    void should_hand_every_registry_setting_to_the_sdk_as_the_sdk_would_read_it_itself() throws Exception {
        Files.writeString(dir.resolve("interview.properties"), "interview.engine.lock-timeout=99s\n");
        Map<String, String> values = everySetting();
        assertThat(values.keySet()).as("a sample for every setting")
                .isEqualTo(InterviewSettings.all().stream().map(Setting::name).collect(Collectors.toSet()));

        InterviewConfig config = bind(values).toInterviewConfig();

        InterviewConfig direct = InterviewConfig.of(Map.of(), values, Map.of());
        for (Setting<?> setting : InterviewSettings.all()) {
            assertThat(config.isSet(setting)).as(setting.name()).isTrue();
            assertThat(config.source(setting)).as(setting.name())
                    .contains("Spring property " + setting.name());
            Object expected = direct.find(setting).orElseThrow();
            Object actual = config.find(setting).orElseThrow();
            if (expected instanceof Map<?, ?> keys) {
                assertThat(((Map<?, ?>) actual).keySet()).as(setting.name()).isEqualTo(keys.keySet());
            } else {
                assertThat(actual).as(setting.name()).isEqualTo(expected);
            }
        }
        assertThat(config.get(InterviewSettings.ENGINE_LOCK_TIMEOUT)).as("the property wins over the file")
                .isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void should_bind_no_property_that_is_not_a_registry_setting() {
        Set<String> bound = new TreeSet<>();
        collectLeafProperties(new InterviewProperties(), InterviewProperties.PREFIX, bound);

        assertThat(bound).isEqualTo(InterviewSettings.all().stream().map(Setting::name)
                .collect(Collectors.toCollection(TreeSet::new)));
    }

    /** Walks the JavaBean properties: read-only ones are groups, read-write ones are settings. */
    private static void collectLeafProperties(Object group, String prefix, Set<String> names) {
        BeanWrapper bean = PropertyAccessorFactory.forBeanPropertyAccess(group);
        for (PropertyDescriptor property : bean.getPropertyDescriptors()) {
            if (property.getName().equals("class") || property.getReadMethod() == null) {
                continue;
            }
            String name = prefix + "." + kebab(property.getName());
            if (property.getWriteMethod() != null) {
                names.add(name);
            } else {
                collectLeafProperties(bean.getPropertyValue(property.getName()), name, names);
            }
        }
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    @Test
    void should_configure_nothing_when_no_property_is_set() {
        InterviewConfig config = new InterviewProperties().toInterviewConfig();

        assertThat(config.describe()).as("every field's default is the registry's default").isEmpty();
        for (Setting<?> setting : InterviewSettings.all()) {
            assertThat(config.find(setting)).as(setting.name())
                    .isEqualTo(InterviewConfig.of(Map.of(), Map.of(), Map.of()).find(setting));
        }
    }

    @Test
    void should_leave_out_values_equal_to_a_default_but_keep_those_of_settings_that_fall_back() {
        InterviewConfig config = bind(Map.of("interview.store.url", "interviews",
                "interview.retention.sweep-every", "60m",
                "interview.llm.openai.base-url", "http://llm.local/v1",
                "interview.voice.openai.base-url", "https://api.openai.com/v1")).toInterviewConfig();

        assertThat(config.isSet(InterviewSettings.STORE_URL)).isFalse();
        assertThat(config.isSet(InterviewSettings.RETENTION_SWEEP_EVERY)).as("60m is the default 1h").isFalse();
        assertThat(config.get(InterviewSettings.SPEECH_OPENAI_BASE_URL)).as("set to the default on purpose")
                .isEqualTo("https://api.openai.com/v1");
        assertThat(config.get(InterviewSettings.TTS_BASE_URL)).as("falls back as in the SDK")
                .isEqualTo("https://api.openai.com/v1");
    }

    @Test
    void should_bind_yaml_style_lists_and_spring_durations() {
        Map<String, String> yaml = new HashMap<>();
        yaml.put("interview.telegram.admin-ids[0]", "7");
        yaml.put("interview.telegram.admin-ids[1]", "8");
        yaml.put("interview.engine.brain-timeout", "PT45S");
        yaml.put("interview.retention.abandon-after", "2d");

        InterviewConfig config = bind(yaml).toInterviewConfig();

        assertThat(config.get(InterviewSettings.TELEGRAM_ADMIN_IDS)).containsExactly(7L, 8L);
        assertThat(config.get(InterviewSettings.ENGINE_BRAIN_TIMEOUT)).isEqualTo(Duration.ofSeconds(45));
        assertThat(config.display(InterviewSettings.RETENTION_ABANDON_AFTER)).contains("2d");
    }

    @Test
    void should_write_durations_and_numbers_as_the_sdk_reads_them() {
        List<String> texts = new ArrayList<>();
        for (Object value : List.of(Duration.ofDays(14), Duration.ofMinutes(90), Duration.ofMillis(1500),
                Duration.ofNanos(1500), Duration.ZERO, Duration.ofSeconds(-5), 10.0, 2.5, List.of(1L, 2L))) {
            texts.add(SettingValues.text(value));
        }

        assertThat(texts).containsExactly("14d", "90m", "1500ms", "PT0.0000015S", "PT0S", "PT-5S", "10", "2.5",
                "1,2");
    }
}
