/** The openai model provider of the LLM brain, registered for {@link java.util.ServiceLoader}. */
@NullMarked
package dev.interviewagent.llm.openai;

import org.jspecify.annotations.NullMarked;
