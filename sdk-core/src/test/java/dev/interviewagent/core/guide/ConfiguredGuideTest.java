package dev.interviewagent.core.guide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interviewagent.core.Language;
import dev.interviewagent.core.config.InterviewConfig;
import dev.interviewagent.core.config.InterviewSettings;
import dev.interviewagent.core.config.InvalidConfigurationException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A host names its own guide by configuration alone ({@code interview.start.guide}), by file or classpath resource. */
class ConfiguredGuideTest {

    private static final String BAKERY = "guides/bakery-guide.json";

    @TempDir
    Path dir;

    @Test
    void should_use_the_built_in_guide_when_none_is_configured() {
        assertThat(InterviewGuide.from(InterviewConfig.builder().environment(Map.of()).build()))
                .isEqualTo(InterviewGuide.expertise());
    }

    @Test
    void should_read_the_guide_from_a_classpath_resource() {
        InterviewGuide guide = InterviewGuide.from(config("classpath:" + BAKERY));

        assertThat(guide.id()).isEqualTo("bakery-onboarding");
        assertThat(guide.stage(Stage.OPERATIONS).seeds(Language.ENGLISH).get(0)).startsWith("Walk me through one night");
    }

    @Test
    void should_read_the_guide_from_a_file_named_by_an_environment_variable() throws Exception {
        Path file = dir.resolve("guide.json");
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(BAKERY)) {
            Files.copy(in, file);
        }
        InterviewConfig config = InterviewConfig.builder()
                .environment(Map.of("INTERVIEW_START_GUIDE", file.toString())).build();

        assertThat(InterviewGuide.from(config).id()).isEqualTo("bakery-onboarding");
    }

    @Test
    void should_name_the_setting_and_the_place_when_the_guide_is_missing_or_invalid() throws Exception {
        Path broken = Files.writeString(dir.resolve("broken.json"), "{\"id\": \"x\"}");

        assertThatThrownBy(() -> InterviewGuide.from(config("classpath:guides/none.json")))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("interview.start.guide").hasMessageContaining("guides/none.json");
        assertThatThrownBy(() -> InterviewGuide.from(config(dir.resolve("absent.json").toString())))
                .isInstanceOf(InvalidConfigurationException.class).hasMessageContaining("cannot read");
        assertThatThrownBy(() -> InterviewGuide.from(config(broken.toString())))
                .isInstanceOf(InvalidConfigurationException.class).hasMessageContaining("is not a valid guide");
    }

    private static InterviewConfig config(String guide) {
        return InterviewConfig.builder().environment(Map.of())
                .set(InterviewSettings.START_GUIDE, guide, "test").build();
    }
}
