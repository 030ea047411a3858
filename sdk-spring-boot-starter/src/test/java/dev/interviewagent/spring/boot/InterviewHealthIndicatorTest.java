package dev.interviewagent.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewagent.core.Answer;
import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.StartRequest;
import dev.interviewagent.core.exception.StoreException;
import dev.interviewagent.core.spi.InterviewStore;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The {@code interview} health: store, Redis and brain, up and down, and never a secret in it. */
class InterviewHealthIndicatorTest {

    private static final String KEY = "sk-health-secret-never-shown";

    @TempDir
    Path dir;

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(InterviewAutoConfiguration.class,
                        InterviewHealthAutoConfiguration.class))
                .withPropertyValues("interview.store.url=" + dir.resolve("store"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> detail(Health health, String name) {
        return (Map<String, Object>) health.getDetails().get(name);
    }

    @Test
    void should_be_up_with_the_store_and_the_offline_brain_as_details_when_the_store_answers() {
        runner().run(context -> {
            Health health = context.getBean("interviewHealthIndicator", HealthIndicator.class).health();

            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(detail(health, "store")).containsExactly(Map.entry("status", "UP"), Map.entry("database", "h2"));
            assertThat(detail(health, "brain")).containsExactly(Map.entry("id", "methodology"));
            assertThat(health.getDetails()).doesNotContainKey("redis");
        });
    }

    @Test
    void should_be_up_with_redis_when_redis_answers_and_down_when_it_does_not() {
        runner().withPropertyValues("interview.redis.url=" + TestServices.REDIS_URL,
                "interview.redis.key-prefix=" + TestServices.newRedisPrefix()).run(context -> {
                    Health health = context.getBean(InterviewHealthIndicator.class).health();
                    assertThat(health.getStatus()).isEqualTo(Status.UP);
                    assertThat(detail(health, "redis")).containsExactly(Map.entry("status", "UP"));
                });
        runner().withPropertyValues("interview.redis.url=redis://:" + KEY + "@127.0.0.1:1").run(context -> {
            Health health = context.getBean(InterviewHealthIndicator.class).health();
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(detail(health, "redis")).containsExactly(Map.entry("status", "DOWN"));
            assertThat(detail(health, "store")).containsEntry("status", "UP");
            assertThat(health.toString()).doesNotContain(KEY, "127.0.0.1");
        });
    }

    @Test
    void should_be_down_naming_only_the_failure_type_when_the_store_does_not_answer() {
        runner().withUserConfiguration(FailingStore.class).run(context -> {
            Health health = context.getBean(InterviewHealthIndicator.class).health();

            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(detail(health, "store")).containsEntry("status", "DOWN")
                    .containsEntry("error", "StoreException (unavailable)").containsKey("database");
            assertThat(health.toString()).doesNotContain("jdbc:", "hunter2");
        });
    }

    @Test
    void should_show_the_llm_brains_circuit_and_counters_but_never_its_key() {
        runner().withPropertyValues("interview.llm.openai.api-key=" + KEY, "interview.llm.openai.model=gpt-test",
                "interview.llm.openai.base-url=http://127.0.0.1:9/v1", "interview.llm.max-retries=0",
                "interview.llm.call-timeout=2s").run(context -> {
                    InterviewEngine engine = context.getBean(InterviewEngine.class);
                    InterviewId id = engine.start(StartRequest.builder().language(Language.ENGLISH).build())
                            .interviewId();
                    for (int i = 0; i < 6; i++) {
                        engine.answer(id, Answer.text("m" + i, "I check the pumps every morning before the shift."));
                    }

                    Health health = context.getBean(InterviewHealthIndicator.class).health();

                    assertThat(health.getStatus()).as("the offline brain answers meanwhile").isEqualTo(Status.UP);
                    Map<String, Object> brain = detail(health, "brain");
                    assertThat(brain).containsEntry("id", "llm")
                            .containsEntry("model", "openai gpt-test at http://127.0.0.1:9/v1")
                            .containsEntry("circuit", "open").containsKeys("turns", "calls", "retries", "fallbacks");
                    assertThat((Long) brain.get("calls")).isPositive();
                    assertThat(health.toString()).doesNotContain(KEY);
                });
    }

    @Test
    void should_be_left_out_when_turned_off_or_when_spring_boot_health_is_missing() {
        runner().withPropertyValues("management.health.interview.enabled=false")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(InterviewHealthIndicator.class));
        runner().withClassLoader(new FilteredClassLoader(HealthIndicator.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(InterviewHealthIndicator.class)
                        .hasSingleBean(InterviewEngine.class));
    }

    @Configuration(proxyBeanMethods = false)
    static class FailingStore {
        @Bean
        InterviewStore failingStore() {
            return (InterviewStore) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {InterviewStore.class}, (proxy, method, args) -> {
                        if (method.getDeclaringClass() == Object.class) {
                            return method.getName().equals("toString") ? "FailingStore" : null;
                        }
                        // what a careless driver might say; none of it may reach the health details
                        throw new StoreException("connection to jdbc:postgresql://db/app?password=hunter2 refused");
                    });
        }
    }
}
