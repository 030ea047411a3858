/** The anthropic model provider of the LLM brain, registered for {@link java.util.ServiceLoader}. */
@NullMarked
package dev.interviewagent.llm.anthropic;

import org.jspecify.annotations.NullMarked;
