/** Redis internals: outage tracking and scripts. Not a published API. */
@NullMarked
package dev.interviewagent.persistence.internal.redis;

import org.jspecify.annotations.NullMarked;
