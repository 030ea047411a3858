/**
 * The {@code interview.*} properties a Spring Boot application sets, bound to {@link
 * dev.interviewagent.spring.boot.properties.InterviewProperties}: one property per setting of the SDK's registry
 * ({@link dev.interviewagent.core.config.InterviewSettings}), with the same dotted names, defaults and meaning, so
 * {@code docs/configuration.md} is the reference for both. {@link
 * dev.interviewagent.spring.boot.properties.InterviewProperties#toInterviewConfig()} turns them into the SDK's {@link
 * dev.interviewagent.core.config.InterviewConfig}, from which the auto-configuration builds everything through the
 * SDK's own factories.
 */
@NullMarked
package dev.interviewagent.spring.boot.properties;

import org.jspecify.annotations.NullMarked;
