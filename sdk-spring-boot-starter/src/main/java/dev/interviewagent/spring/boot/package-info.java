/**
 * Spring Boot auto-configuration of the interview SDK: {@link dev.interviewagent.spring.boot.InterviewAutoConfiguration}
 * builds the engine, store stack, brain and speech-to-text from the {@code interview.*} properties
 * ({@link dev.interviewagent.spring.boot.properties.InterviewProperties}) through the SDK's own factories;
 * {@link dev.interviewagent.spring.boot.InterviewHealthIndicator} reports the store, Redis and the brain to
 * Actuator. See {@code docs/spring-boot.md}.
 */
@NullMarked
package dev.interviewagent.spring.boot;

import org.jspecify.annotations.NullMarked;
