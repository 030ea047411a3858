package dev.interviewagent.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.StartRequest;
import dev.interviewagent.core.brain.MethodologyBrain;
import dev.interviewagent.core.spi.InterviewerBrain;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The starter's optional SDK modules: a host that leaves sdk-llm or sdk-persistence-redis out of its build still gets
 * a working engine, with the offline brain and the embedded store, and no bean that needs the missing module.
 */
class OptionalModulesAutoConfigurationTest {

    @TempDir
    Path dir;

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(InterviewAutoConfiguration.class,
                        InterviewMetricsAutoConfiguration.class, InterviewHealthAutoConfiguration.class))
                .withPropertyValues("interview.store.url=" + dir.resolve("store"));
    }

    @Test
    void should_use_the_offline_brain_when_sdk_llm_is_not_on_the_classpath_even_with_a_key_set() {
        runner().withClassLoader(new FilteredClassLoader("dev.interviewagent.llm"))
                .withPropertyValues("interview.llm.openai.api-key=sk-test-not-a-real-key")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(InterviewerBrain.class)).isInstanceOf(MethodologyBrain.class);
                    assertThat(context.getBeansOfType(MeterBinder.class).values())
                            .noneMatch(binder -> binder.getClass().getName().startsWith("dev.interviewagent.llm"));
                    InterviewEngine engine = context.getBean(InterviewEngine.class);
                    assertThat(engine.start(StartRequest.builder().language(Language.ENGLISH).build())
                            .message().text()).isNotBlank();
                });
    }

    @Test
    void should_run_on_the_embedded_store_without_redis_beans_when_sdk_persistence_redis_is_not_on_the_classpath() {
        runner().withClassLoader(new FilteredClassLoader("dev.interviewagent.persistence.redis"))
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(InterviewEngine.class);
                    assertThat(context.getBeansOfType(MeterBinder.class).values()).noneMatch(
                            binder -> binder.getClass().getName().startsWith("dev.interviewagent.persistence.redis"));
                    InterviewEngine engine = context.getBean(InterviewEngine.class);
                    assertThat(engine.start(StartRequest.builder().language(Language.ENGLISH).build())
                            .message().text()).isNotBlank();
                });
    }
}
