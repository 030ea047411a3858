package dev.interviewagent.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.Reply;
import dev.interviewagent.core.StartRequest;
import dev.interviewagent.core.guide.InterviewStyles;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The language and style of new interviews come from configuration; the channel may still choose. */
class StartDefaultsTest {

    @Test
    void should_leave_the_language_to_detection_and_use_the_default_style_when_nothing_is_configured() {
        StartDefaults defaults = StartDefaults.from(InterviewConfig.fromEnvironment(Map.of()));

        assertThat(defaults).isEqualTo(StartDefaults.defaults());
        assertThat(defaults.findLanguage()).isEmpty();
        assertThat(defaults.style()).isEqualTo(InterviewStyles.DEFAULT_STYLE);
        StartRequest request = defaults.applyTo(StartRequest.builder()).build();
        assertThat(request.language()).isNull();
        assertThat(request.style()).isEqualTo("master");
    }

    @Test
    void should_start_interviews_in_the_configured_language_and_style() {
        InterviewConfig config = InterviewConfig.fromEnvironment(Map.of("INTERVIEW_START_LANGUAGE", "ru-RU",
                "INTERVIEW_START_STYLE", "telegram"));
        StartDefaults defaults = StartDefaults.from(config);

        try (InterviewEngine engine = InterviewEngine.builder().build()) {
            Reply first = engine.start(defaults.applyTo(StartRequest.builder()).build());

            assertThat(engine.status(first.interviewId()).language()).isEqualTo(Language.RUSSIAN);
            assertThat(engine.status(first.interviewId()).style()).isEqualTo("telegram");
        }
    }

    @Test
    void should_let_the_channel_override_the_configured_language() {
        StartDefaults defaults = new StartDefaults(Language.RUSSIAN, "master");

        StartRequest request = defaults.applyTo(StartRequest.builder()).language(Language.ENGLISH).build();

        assertThat(request.language()).isEqualTo(Language.ENGLISH);
    }

    @Test
    void should_name_the_setting_when_the_language_is_not_supported() {
        InterviewConfig config = InterviewConfig.of(Map.of(), Map.of("interview.start.language", "fr"), Map.of());

        assertThatThrownBy(() -> StartDefaults.from(config))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("interview.start.language must be one of en, ru, was 'fr'");
    }
}
