/**
 * Speech-to-text on AssemblyAI ({@link dev.interviewagent.voice.assemblyai.AssemblyAiSpeechToText}) through the
 * official {@code assemblyai-java} SDK, registered for {@code SpeechToTextFactory} as the {@code assemblyai}
 * provider.
 */
@NullMarked
package dev.interviewagent.voice.assemblyai;

import org.jspecify.annotations.NullMarked;
