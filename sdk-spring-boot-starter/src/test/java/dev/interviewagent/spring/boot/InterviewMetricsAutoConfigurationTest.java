package dev.interviewagent.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewagent.core.Answer;
import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.Reply;
import dev.interviewagent.core.StartRequest;
import dev.interviewagent.core.metrics.micrometer.InterviewEngineMetrics;
import dev.interviewagent.voice.SpeechToText;
import dev.interviewagent.voice.metrics.micrometer.MeteredSpeechToText;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;

/** The SDK's meters become beans, the engine reports to them, and nothing of it appears without Micrometer. */
class InterviewMetricsAutoConfigurationTest {

    @TempDir
    Path dir;

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(InterviewAutoConfiguration.class,
                        InterviewMetricsAutoConfiguration.class))
                .withPropertyValues("interview.store.url=" + dir.resolve("store"));
    }

    /** What Spring Boot's metrics auto-configuration does with every MeterBinder bean. */
    private static MeterRegistry bindAll(ApplicationContext context) {
        MeterRegistry registry = new SimpleMeterRegistry();
        context.getBeansOfType(MeterBinder.class).values().forEach(binder -> binder.bindTo(registry));
        return registry;
    }

    @Test
    void should_count_the_turns_of_the_auto_configured_engine_in_the_registry() {
        runner().run(context -> {
            assertThat(context).hasSingleBean(InterviewEngineMetrics.class);
            MeterRegistry registry = bindAll(context);
            InterviewEngine engine = context.getBean(InterviewEngine.class);

            Reply first = engine.start(StartRequest.builder().language(Language.ENGLISH).build());
            engine.answer(first.interviewId(), Answer.text("m1", "I have run the night shift at the depot for 9 years."));

            assertThat(registry.get("interview.starts").counter().count()).isEqualTo(1);
            assertThat(registry.get("interview.answers").counter().count()).isEqualTo(1);
            assertThat(registry.get("interview.turn.duration").timers()).isNotEmpty()
                    .allSatisfy(timer -> assertThat(timer.getId().getTags())
                            .noneMatch(tag -> tag.getValue().equals(first.interviewId().value())));
            assertThat(registry.get("interview.store.commit.duration").timers()).isNotEmpty();
            // the offline brain: no LLM meters, and no Redis without a Redis URL
            assertThat(registry.find("interview.llm.calls").meters()).isEmpty();
            assertThat(registry.find("interview.redis.commands").meters()).isEmpty();
        });
    }

    @Test
    void should_meter_the_llm_brain_and_the_speech_to_text_it_configures() {
        runner().withPropertyValues("interview.llm.openai.api-key=sk-test-not-used",
                        "interview.llm.openai.base-url=http://127.0.0.1:9/v1",
                        "interview.voice.assemblyai.api-key=aai-test-not-used")
                .run(context -> {
                    assertThat(context.getBean(SpeechToText.class)).isInstanceOf(MeteredSpeechToText.class);
                    MeterRegistry registry = bindAll(context);
                    assertThat(registry.find("interview.llm.breaker.state").meters()).isNotEmpty();
                    assertThat(registry.find("interview.llm.calls").meters()).isNotEmpty();
                    assertThat(registry.getMeters()).noneMatch(meter -> meter.getId().getTags().stream()
                            .anyMatch(tag -> tag.getValue().contains("sk-test") || tag.getValue().contains("aai-")));
                });
    }

    @Test
    void should_register_no_meters_and_keep_the_plain_speech_bean_without_micrometer() {
        runner().withClassLoader(new FilteredClassLoader("io.micrometer"))
                .withPropertyValues("interview.voice.assemblyai.api-key=aai-test-not-used")
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(InterviewEngine.class);
                    assertThat(context).doesNotHaveBean(InterviewEngineMetrics.class);
                    assertThat(context.getBean(SpeechToText.class)).isNotInstanceOf(MeteredSpeechToText.class);
                });
    }
}
