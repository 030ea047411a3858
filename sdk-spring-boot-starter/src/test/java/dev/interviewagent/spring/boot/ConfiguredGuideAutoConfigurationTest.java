package dev.interviewagent.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.StartRequest;
import dev.interviewagent.core.config.InvalidConfigurationException;
import dev.interviewagent.core.guide.InterviewGuide;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The guide interviews follow is chosen by {@code interview.start.guide}, with no bean of the host's own. */
class ConfiguredGuideAutoConfigurationTest {

    @TempDir
    Path dir;

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(InterviewAutoConfiguration.class))
                .withPropertyValues("interview.store.url=" + dir.resolve("store"));
    }

    @Test
    void should_run_interviews_on_the_guide_the_property_names() {
        runner().withPropertyValues("interview.start.guide=classpath:guides/bakery-guide.json").run(context -> {
            InterviewEngine engine = context.getBean(InterviewEngine.class);
            var first = engine.start(StartRequest.builder().language(Language.ENGLISH).build());

            assertThat(context.getBean(InterviewGuide.class).id()).isEqualTo("bakery-onboarding");
            assertThat(engine.status(first.interviewId()).guideId()).isEqualTo("bakery-onboarding");
        });
    }

    @Test
    void should_use_the_built_in_guide_without_the_property() {
        runner().run(context -> assertThat(context.getBean(InterviewGuide.class))
                .isEqualTo(InterviewGuide.expertise()));
    }

    @Test
    void should_refuse_to_start_on_a_guide_that_cannot_be_read() {
        runner().withPropertyValues("interview.start.guide=classpath:guides/none.json").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).hasRootCauseInstanceOf(InvalidConfigurationException.class)
                    .rootCause().hasMessageContaining("interview.start.guide");
        });
    }
}
