/**
 * The one retry toolkit every module uses: {@link dev.interviewagent.core.resilience.RetryPolicy} (how many attempts,
 * how long to back off, how far to honour a provider's Retry-After) and
 * {@link dev.interviewagent.core.resilience.Sleeper} (how to wait, so tests move a clock instead of sleeping).
 * The LLM brain, the speech-to-text wrappers and the Telegram channel share them, so a retry behaves the same
 * whichever provider failed.
 */
@NullMarked
package dev.interviewagent.core.resilience;

import org.jspecify.annotations.NullMarked;
