/**
 * Voice for interviews: speech-to-text ({@link dev.interviewagent.voice.SpeechToText}), text-to-speech
 * ({@link dev.interviewagent.voice.TextToSpeech}) and pure-Java audio checks
 * ({@link dev.interviewagent.voice.AudioInspector}) that run before anything is uploaded. The providers live in
 * modules of their own, {@code sdk-voice-assemblyai} and {@code sdk-voice-openai};
 * {@link dev.interviewagent.voice.SpeechToTextFactory} finds them through the
 * {@link dev.interviewagent.voice.spi.SpeechToTextProvider} SPI.
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
