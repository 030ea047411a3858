/**
 * The LLM interviewer brain: {@link dev.interviewagent.llm.LlmBrain} phrases the moves the decision layer chooses
 * through a model, and {@link dev.interviewagent.llm.LlmBrains} builds it from the configuration. The model
 * provider comes from a provider module ({@code sdk-llm-openai}, {@code sdk-llm-anthropic}).
 */
@NullMarked
package dev.interviewagent.llm;

import org.jspecify.annotations.NullMarked;
