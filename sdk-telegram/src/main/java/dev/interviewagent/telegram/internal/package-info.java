/** Internals of the Telegram channel: not a published API, may change in any release. */
@NullMarked
package dev.interviewagent.telegram.internal;

import org.jspecify.annotations.NullMarked;
