/**
 * The checks every brain's output passes through; not API. {@code OneQuestionGuard} enforces one question per
 * interviewer message (repairing two to one), and {@code QuestionFingerprint} normalises messages so that none
 * repeats within an interview. SDK modules with their own brains (sdk-llm) use them too.
 */
@NullMarked
package dev.interviewagent.core.internal.guard;

import org.jspecify.annotations.NullMarked;
