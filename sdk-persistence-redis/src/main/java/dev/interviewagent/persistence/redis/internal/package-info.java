/** Redis internals: outage tracking and scripts. Not a published API. */
@NullMarked
package dev.interviewagent.persistence.redis.internal;

import org.jspecify.annotations.NullMarked;
