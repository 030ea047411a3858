/**
 * Voice for interviews: speech-to-text ({@link dev.interviewagent.voice.SpeechToText}) on AssemblyAI and OpenAI,
 * text-to-speech ({@link dev.interviewagent.voice.TextToSpeech}) on OpenAI, and pure-Java audio checks
 * ({@link dev.interviewagent.voice.AudioInspector}) that run before anything is uploaded.
 *
 * <p>Channels use this package; the interview engine in {@code sdk-core} never does. A channel transcribes a voice
 * answer, asks the {@link dev.interviewagent.voice.Transcript#quality(dev.interviewagent.core.channel.QualityTiers) quality} of the transcript and
 * only submits high or medium (or respondent-confirmed) transcripts to the interview. Every failure is a
 * {@link dev.interviewagent.voice.SpeechException} with a {@link dev.interviewagent.voice.SpeechException.Reason}
 * that channels can localise.
 */
@NullMarked
package dev.interviewagent.voice;

import org.jspecify.annotations.NullMarked;
