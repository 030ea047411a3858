/**
 * Internals of the offline brain: the template catalog and the message composer ({@link
 * dev.interviewagent.core.internal.brain.TemplatePhraser}, with its placeholder values, slot plan, variant pools,
 * combination search and text fitter). Not a published API.
 */
@NullMarked
package dev.interviewagent.core.internal.brain;

import org.jspecify.annotations.NullMarked;
