package dev.interviewagent.spring.boot;

import dev.interviewagent.core.spi.InterviewStore;
import dev.interviewagent.core.spi.InterviewerBrain;
import dev.interviewagent.llm.LlmBrain;
import dev.interviewagent.persistence.InterviewStorage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers {@link InterviewHealthIndicator} as the {@code interview} health contributor when Spring Boot's health
 * support is on the classpath; {@code management.health.interview.enabled=false} turns it off.
 */
@AutoConfiguration(after = InterviewAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean(InterviewStore.class)
@ConditionalOnEnabledHealthIndicator("interview")
public class InterviewHealthAutoConfiguration {

    /** With sdk-llm on the classpath: the LLM brain's circuit state and counters as details. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(LlmBrain.class)
    static class LlmBrainHealthConfiguration {

        @Bean
        @ConditionalOnMissingBean(name = "interviewHealthIndicator")
        InterviewHealthIndicator interviewHealthIndicator(InterviewStore store, ObjectProvider<InterviewStorage> storage,
                                                          ObjectProvider<InterviewerBrain> brain) {
            return new InterviewHealthIndicator(store, storage.getIfUnique(), brain.getIfUnique(),
                    LlmBrainHealthDetails::of);
        }
    }

    @Bean
    @ConditionalOnMissingBean(name = "interviewHealthIndicator")
    public InterviewHealthIndicator interviewHealthIndicator(InterviewStore store,
                                                             ObjectProvider<InterviewStorage> storage,
                                                             ObjectProvider<InterviewerBrain> brain) {
        return new InterviewHealthIndicator(store, storage.getIfUnique(), brain.getIfUnique());
    }
}
