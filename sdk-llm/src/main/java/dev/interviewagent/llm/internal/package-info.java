/** The LLM brain's plumbing: prompts, the model client, retries, the circuit breaker and reply validation. */
@NullMarked
package dev.interviewagent.llm.internal;

import org.jspecify.annotations.NullMarked;
