/**
 * The model provider SPI of the LLM brain: one {@link dev.interviewagent.llm.spi.ChatModelProvider} per provider
 * module, found with {@link java.util.ServiceLoader}.
 */
@NullMarked
package dev.interviewagent.llm.spi;

import org.jspecify.annotations.NullMarked;
