/**
 * Internals of style experiments: the assignment hash, the per-interview outcome figures, the collection of the
 * outcome report from a store, its statistics and its Markdown rendering. Not API.
 */
@NullMarked
package dev.interviewagent.core.internal.experiment;

import org.jspecify.annotations.NullMarked;
