/** Answer analysis: the facts about each answer that the decision layer and the brains work from. */
@NullMarked
package dev.interviewagent.core.analysis;

import org.jspecify.annotations.NullMarked;
