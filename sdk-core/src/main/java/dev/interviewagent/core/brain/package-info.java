/**
 * The offline interviewer brain.
 *
 * <p>{@link dev.interviewagent.core.brain.MethodologyBrain} phrases the moves the decision layer chooses from
 * templates held as data (English and Russian, five styles), without any network or model. The engine passes every
 * brain's output through a one-question guard (one question per interviewer message, the first hard rule of the
 * methodology) and a fingerprint check that keeps any message from repeating within an interview; both are internal
 * ({@code dev.interviewagent.core.internal.guard}).
 */
@NullMarked
package dev.interviewagent.core.brain;

import org.jspecify.annotations.NullMarked;
