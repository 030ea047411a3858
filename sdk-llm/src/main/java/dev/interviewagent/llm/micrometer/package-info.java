/** Micrometer meters over the LLM brain; the only package that needs {@code io.micrometer:micrometer-core}. */
@NullMarked
package dev.interviewagent.llm.micrometer;

import org.jspecify.annotations.NullMarked;
