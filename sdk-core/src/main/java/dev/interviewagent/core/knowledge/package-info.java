/** The knowledge items an interview collects, per stage, with a link to the turn they came from. */
@NullMarked
package dev.interviewagent.core.knowledge;

import org.jspecify.annotations.NullMarked;
