/** Internals of sdk-persistence: not a published API, may change in any release. */
@NullMarked
package dev.interviewagent.persistence.internal;

import org.jspecify.annotations.NullMarked;
