package dev.interviewagent.spring.boot;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;

/**
 * Where the SDK's Micrometer {@code MeterBinder}s become beans, when Micrometer is on the classpath: Spring Boot's
 * metrics auto-configuration binds every {@code MeterBinder} bean to each {@code MeterRegistry}.
 *
 * <p><b>Registers nothing yet.</b> The binders themselves (engine, LLM brain, speech, store and Redis meters) are
 * plain-Java classes of the SDK's modules, written apart from this starter; once they exist, each gets a
 * {@code @Bean @ConditionalOnMissingBean} method here taking the auto-configured engine, brain or storage.
 */
@AutoConfiguration(after = InterviewAutoConfiguration.class,
        afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration")
@ConditionalOnClass(name = "io.micrometer.core.instrument.MeterRegistry")
public class InterviewMetricsAutoConfiguration {
    // MeterBinder beans go here (see the class comment); none are registered until the SDK's binders land.
}
