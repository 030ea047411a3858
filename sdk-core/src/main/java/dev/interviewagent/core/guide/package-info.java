/**
 * The interview guide and the interviewer styles as data: {@link dev.interviewagent.core.guide.Stage},
 * {@link dev.interviewagent.core.guide.InterviewGuide} and {@link dev.interviewagent.core.guide.InterviewStyles}.
 */
@NullMarked
package dev.interviewagent.core.guide;

import org.jspecify.annotations.NullMarked;
