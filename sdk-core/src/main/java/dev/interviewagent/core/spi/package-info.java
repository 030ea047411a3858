/**
 * The service provider interfaces a host or another module implements: {@link
 * dev.interviewagent.core.spi.InterviewStore}, {@link dev.interviewagent.core.spi.InterviewerBrain} and {@link
 * dev.interviewagent.core.spi.InterviewLock}, and the values passed through them, among them the store's listing
 * types ({@link dev.interviewagent.core.spi.InterviewQuery}, {@link dev.interviewagent.core.spi.InterviewPage},
 * {@link dev.interviewagent.core.spi.InterviewSummary}, {@link dev.interviewagent.core.spi.InterviewCursor}).
 */
@NullMarked
package dev.interviewagent.core.spi;

import org.jspecify.annotations.NullMarked;
