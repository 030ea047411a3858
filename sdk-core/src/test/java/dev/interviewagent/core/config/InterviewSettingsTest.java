package dev.interviewagent.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The registry itself: complete, unambiguous, named the way Spring Boot will bind it, defaults that parse. */
class InterviewSettingsTest {

    /** Provider variables that keep their industry names instead of the derived INTERVIEW_… form. */
    private static final Set<String> INDUSTRY_NAMES = Set.of("OPENAI_API_KEY", "OPENAI_BASE_URL", "OPENAI_MODEL",
            "ANTHROPIC_API_KEY", "ANTHROPIC_BASE_URL", "ANTHROPIC_MODEL", "ASSEMBLYAI_API_KEY", "ASSEMBLYAI_BASE_URL",
            "REDIS_URL", "TELEGRAM_BOT_TOKEN", "TELEGRAM_API_URL");

    @Test
    void should_list_every_setting_constant_once_when_asked_for_all() throws IllegalAccessException {
        List<Setting<?>> constants = new ArrayList<>();
        for (Field field : InterviewSettings.class.getDeclaredFields()) {
            if (Modifier.isPublic(field.getModifiers()) && field.getType() == Setting.class) {
                constants.add((Setting<?>) field.get(null));
            }
        }

        assertThat(InterviewSettings.all()).containsExactlyInAnyOrderElementsOf(constants);
        assertThat(InterviewSettings.byName("interview.store.url")).containsSame(InterviewSettings.STORE_URL);
    }

    @Test
    void should_give_every_setting_its_own_names() {
        Set<String> names = new HashSet<>();
        Set<String> variables = new HashSet<>();
        for (Setting<?> setting : InterviewSettings.all()) {
            assertThat(names.add(setting.name())).as(setting.name()).isTrue();
            assertThat(variables.add(setting.environmentVariable())).as(setting.environmentVariable()).isTrue();
            for (String old : setting.deprecatedEnvironmentVariables()) {
                assertThat(variables.add(old)).as(old).isTrue();
            }
        }
    }

    @Test
    void should_derive_environment_variables_as_spring_boot_does_except_for_industry_names() {
        assertThat(Setting.environmentVariableFor("interview.engine.brain-timeout"))
                .isEqualTo("INTERVIEW_ENGINE_BRAIN_TIMEOUT");
        for (Setting<?> setting : InterviewSettings.all()) {
            assertThat(setting.name()).matches("interview(\\.[a-z][a-z0-9]*(-[a-z0-9]+)*)+");
            if (setting.hasDerivedEnvironmentVariable()) {
                assertThat(INDUSTRY_NAMES).doesNotContain(setting.environmentVariable());
            } else {
                assertThat(INDUSTRY_NAMES).as(setting.name()).contains(setting.environmentVariable());
            }
        }
    }

    @Test
    void should_have_defaults_that_parse_and_keys_that_are_secret() {
        InterviewConfig empty = InterviewConfig.fromEnvironment(java.util.Map.of());
        for (Setting<?> setting : InterviewSettings.all()) {
            setting.defaultValue().ifPresent(text -> assertThat(empty.get(setting)).as(setting.name()).isNotNull());
            boolean looksSecret = setting.name().endsWith("api-key") || setting.name().endsWith("password")
                    || setting.name().endsWith("token") || setting.name().endsWith("secret")
                    || setting.name().endsWith(".keys");
            assertThat(setting.isSecret()).as(setting.name()).isEqualTo(looksSecret);
            assertThat(setting.description()).as(setting.name()).endsWith(".").doesNotContain("|");
        }
    }

    @Test
    void should_default_the_engine_brain_timeout_to_thirty_seconds() {
        InterviewConfig empty = InterviewConfig.fromEnvironment(java.util.Map.of());

        assertThat(empty.get(InterviewSettings.ENGINE_BRAIN_TIMEOUT)).isEqualTo(Duration.ofSeconds(30));
    }
}
