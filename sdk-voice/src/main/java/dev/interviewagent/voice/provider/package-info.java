/**
 * Helpers for speech provider modules ({@code sdk-voice-assemblyai}, {@code sdk-voice-openai}, or a host's own):
 * the mapping of HTTP and I/O failures to {@link dev.interviewagent.voice.SpeechException}s and the argument checks
 * of provider builders. Public so that provider modules can use them; hosts have no need to.
 */
@NullMarked
package dev.interviewagent.voice.provider;

import org.jspecify.annotations.NullMarked;
