/**
 * The exceptions of the SDK: one unchecked root, {@link dev.interviewagent.core.exception.InterviewException}, with a
 * typed leaf per {@link dev.interviewagent.core.exception.ErrorCode}.
 */
@NullMarked
package dev.interviewagent.core.exception;

import org.jspecify.annotations.NullMarked;
