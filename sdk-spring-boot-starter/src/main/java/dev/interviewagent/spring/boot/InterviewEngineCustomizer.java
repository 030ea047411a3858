package dev.interviewagent.spring.boot;

import dev.interviewagent.core.InterviewEngine;

/**
 * Changes the auto-configured engine's builder before it is built, for the parts that have no property: a clock, an
 * answer analyzer, a knowledge extractor, an executor for brain calls. Declare one or more as beans; they run in
 * {@link org.springframework.core.annotation.Order} after the auto-configuration has set the store, lock, brain,
 * guide, styles, listener, timeouts and limits, so a customizer may also replace any of those.
 *
 * <pre>{@code
 * @Bean
 * InterviewEngineCustomizer utcClock() {
 *     return builder -> builder.clock(Clock.systemUTC());
 * }
 * }</pre>
 */
@FunctionalInterface
public interface InterviewEngineCustomizer {

    /** Customizes {@code builder}; called once, on the thread that creates the engine bean. */
    void customize(InterviewEngine.Builder builder);
}
