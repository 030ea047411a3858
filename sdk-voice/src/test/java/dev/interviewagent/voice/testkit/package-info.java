/**
 * The contract kit for {@link dev.interviewagent.voice.SpeechToText} implementations, shipped in {@code sdk-voice}'s
 * test-jar: {@link dev.interviewagent.voice.testkit.SpeechToTextContract} plus fixtures
 * ({@link dev.interviewagent.voice.testkit.AudioFixtures}) and a fake clock
 * ({@link dev.interviewagent.voice.testkit.MutableClock}).
 */
@NullMarked
package dev.interviewagent.voice.testkit;

import org.jspecify.annotations.NullMarked;
