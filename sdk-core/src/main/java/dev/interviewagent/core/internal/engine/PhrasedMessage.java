package dev.interviewagent.core.internal.engine;

import dev.interviewagent.core.spi.BrainReply;

/**
 * A brain's reply after the guard: the message to store, and how it came about.
 *
 * @param reply    the (possibly repaired) reply
 * @param fallback whether the offline brain phrased it because the configured brain failed
 * @param repaired whether the one-question guard changed the message
 * @param failure  why the configured brain was not used; null if it was
 */
public record PhrasedMessage(BrainReply reply, boolean fallback, boolean repaired, Throwable failure) {
}
