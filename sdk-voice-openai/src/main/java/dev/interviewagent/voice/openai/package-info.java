/**
 * Speech-to-text ({@link dev.interviewagent.voice.openai.OpenAiSpeechToText}) and text-to-speech
 * ({@link dev.interviewagent.voice.openai.OpenAiTextToSpeech}) on OpenAI through the official {@code openai-java}
 * SDK; the speech-to-text is registered for {@code SpeechToTextFactory} as the {@code openai} provider.
 */
@NullMarked
package dev.interviewagent.voice.openai;

import org.jspecify.annotations.NullMarked;
