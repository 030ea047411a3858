/** Pure-Java container sniffing and duration reading. Not a published API. */
@NullMarked
package dev.interviewagent.voice.internal.audio;

import org.jspecify.annotations.NullMarked;
