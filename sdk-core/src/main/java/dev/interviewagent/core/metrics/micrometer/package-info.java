/**
 * Micrometer meter binders for the engine ({@link dev.interviewagent.core.metrics.micrometer.InterviewEngineMetrics})
 * (the LLM brain's binder is in sdk-llm: {@code dev.interviewagent.llm.micrometer.LlmMetrics}). Micrometer
 * ({@code io.micrometer:micrometer-core}) is an optional dependency of sdk-core: add it to use this package. No class
 * outside this package refers to Micrometer, so hosts without it never load one. Plain Java: Spring Boot registers
 * the binders as beans, any other host calls {@code bindTo(registry)} itself.
 *
 * <p>Names are dotted, lower case and start with {@code interview.}; registries render them in their own style
 * (Prometheus: {@code interview_turn_duration_seconds}, {@code interview_answers_total}). No tag carries an
 * interview id, a message id or respondent text.
 */
@NullMarked
package dev.interviewagent.core.metrics.micrometer;

import org.jspecify.annotations.NullMarked;
