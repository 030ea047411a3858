/** Ready-made {@link dev.interviewagent.core.spi.InterviewStore} implementations that need no server. */
@NullMarked
package dev.interviewagent.core.store;

import org.jspecify.annotations.NullMarked;
