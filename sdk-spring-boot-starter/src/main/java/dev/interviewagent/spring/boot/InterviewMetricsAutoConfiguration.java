package dev.interviewagent.spring.boot;

import dev.interviewagent.core.metrics.micrometer.InterviewEngineMetrics;
import dev.interviewagent.core.spi.InterviewerBrain;
import dev.interviewagent.llm.LlmBrain;
import dev.interviewagent.llm.micrometer.LlmMetrics;
import dev.interviewagent.persistence.InterviewStorage;
import dev.interviewagent.persistence.redis.metrics.micrometer.RedisMetrics;
import dev.interviewagent.voice.SpeechToText;
import dev.interviewagent.voice.metrics.micrometer.MeteredSpeechToText;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The SDK's Micrometer meters as beans, when Micrometer is on the classpath: Spring Boot's metrics
 * auto-configuration binds every {@link MeterBinder} bean to each {@code MeterRegistry}. Meter names and tags are
 * in docs/operations.md ("Metrics"); none carries an interview id.
 *
 * <ul>
 *   <li>{@link InterviewEngineMetrics}: the engine's observer (set on the auto-configured engine through an
 *       {@link InterviewEngineCustomizer}) and its binder — turns, brain calls, stages, completions, store writes;
 *   <li>the LLM brain's calls, retries, fallbacks, breaker state and tokens, when the brain is an {@link LlmBrain};
 *   <li>speech-to-text calls: every {@code SpeechToText} bean is wrapped in a {@code MeteredSpeechToText};
 *   <li>Redis lock, cache and connection, when the store stack uses Redis.
 * </ul>
 */
@AutoConfiguration(after = InterviewAutoConfiguration.class,
        afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration")
@ConditionalOnClass(name = "io.micrometer.core.instrument.MeterRegistry")
public class InterviewMetricsAutoConfiguration {

    /** The engine's meters; also its observer, so it must exist before the engine is built. */
    @Bean
    @ConditionalOnMissingBean
    public InterviewEngineMetrics interviewEngineMetrics() {
        return new InterviewEngineMetrics();
    }

    /** Sets the engine meters as the auto-configured engine's observer. */
    @Bean
    public InterviewEngineCustomizer interviewEngineMetricsObserver(InterviewEngineMetrics metrics) {
        return builder -> builder.observer(metrics);
    }

    /** The LLM brain's meters, with sdk-llm on the classpath; binds nothing when the brain is the offline one. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(LlmMetrics.class)
    static class LlmMetricsConfiguration {

        @Bean
        MeterBinder interviewLlmMetrics(ObjectProvider<InterviewerBrain> brain) {
            return registry -> {
                if (brain.getIfUnique() instanceof LlmBrain llm) {
                    new LlmMetrics(llm).bindTo(registry);
                }
            };
        }
    }

    /** Speech-to-text meters, with sdk-voice on the classpath. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeteredSpeechToText.class)
    static class SpeechMetricsConfiguration {

        /**
         * Times every {@link SpeechToText} bean, the starter's or the application's: each is replaced by a
         * {@link MeteredSpeechToText} around it (static, so it does not make this configuration early).
         */
        @Bean
        static BeanPostProcessor interviewSpeechMetering() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String beanName) {
                    return bean instanceof SpeechToText speech && !(bean instanceof MeteredSpeechToText)
                            ? MeteredSpeechToText.of(speech) : bean;
                }
            };
        }

        @Bean
        MeterBinder interviewSpeechMetrics(ObjectProvider<SpeechToText> speech) {
            return registry -> {
                if (speech.getIfUnique() instanceof MeteredSpeechToText metered) {
                    metered.bindTo(registry);
                }
            };
        }
    }

    /** Redis meters, with sdk-persistence-redis on the classpath and a store stack that uses Redis. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "dev.interviewagent.persistence.redis.metrics.micrometer.RedisMetrics")
    static class RedisMetricsConfiguration {

        @Bean
        MeterBinder interviewRedisMetrics(ObjectProvider<InterviewStorage> storage) {
            return registry -> {
                InterviewStorage stack = storage.getIfUnique();
                if (stack != null && stack.usesRedis()) {
                    RedisMetrics.of(stack.store(), stack.lock()).bindTo(registry);
                }
            };
        }
    }
}
