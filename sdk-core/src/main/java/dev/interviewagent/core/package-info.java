/**
 * The interview SDK's facade, {@link dev.interviewagent.core.InterviewEngine}, and the values it takes and returns.
 *
 * <p>Start here: build an engine, {@code start} an interview, pass each answer to {@code answer}, show the
 * {@link dev.interviewagent.core.Reply}'s message, and read the report at any time.
 */
@NullMarked
package dev.interviewagent.core;

import org.jspecify.annotations.NullMarked;
