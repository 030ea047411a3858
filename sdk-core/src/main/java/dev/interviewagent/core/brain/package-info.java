/**
 * The offline interviewer brain and the guards every brain's output passes through.
 *
 * <p>{@link dev.interviewagent.core.brain.MethodologyBrain} phrases the moves the decision layer chooses from
 * templates held as data (English and Russian, five styles), without any network or model.
 * {@link dev.interviewagent.core.brain.OneQuestionGuard} enforces the first hard rule of the methodology — one
 * question per interviewer message — on the output of every brain, and
 * {@link dev.interviewagent.core.brain.QuestionFingerprint} normalises messages so that none repeats within an
 * interview.
 */
@NullMarked
package dev.interviewagent.core.brain;

import org.jspecify.annotations.NullMarked;
