/** The in-memory {@link dev.interviewagent.core.channel.ChannelInbox}. Not a published API. */
@NullMarked
package dev.interviewagent.core.internal.inbox;

import org.jspecify.annotations.NullMarked;
