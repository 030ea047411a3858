/**
 * The contract kit for {@link dev.interviewagent.voice.SpeechToText} implementations, shipped in {@code sdk-voice}'s
 * test-jar: {@link dev.interviewagent.voice.testkit.SpeechToTextContract} plus fixtures
 * ({@link dev.interviewagent.voice.testkit.AudioFixtures}). The fake clock is sdk-core's
 * ({@code dev.interviewagent.core.spi.testkit.MutableClock}), shared by every module's tests.
 */
@NullMarked
package dev.interviewagent.voice.testkit;

import org.jspecify.annotations.NullMarked;
