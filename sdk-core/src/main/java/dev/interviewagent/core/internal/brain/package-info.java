/** Internals of the offline brain: the template catalog and the message composer. Not a published API. */
@NullMarked
package dev.interviewagent.core.internal.brain;

import org.jspecify.annotations.NullMarked;
