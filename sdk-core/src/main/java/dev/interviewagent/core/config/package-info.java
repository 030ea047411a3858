/**
 * One configuration story for the SDK and its samples: a registry of every setting and a resolver that reads them.
 *
 * <p>{@link dev.interviewagent.core.config.InterviewSettings} lists every setting once: its dotted name
 * ({@code interview.store.url}), its environment variable ({@code INTERVIEW_STORE_URL}), its type, default, whether
 * it is secret and what it does. {@link dev.interviewagent.core.config.InterviewConfig} resolves them from
 * environment variables, then Java system properties, then an optional properties file, and hands out typed,
 * validated values. The module helpers take it: {@code LlmBrains.from(config)},
 * {@link dev.interviewagent.core.config.EngineSettings#from}, {@code SpeechToTextFactory.from(config)},
 * {@code InterviewStorage.open(config)}. {@code docs/configuration.md} holds the table of all settings.
 */
@NullMarked
package dev.interviewagent.core.config;

import org.jspecify.annotations.NullMarked;
