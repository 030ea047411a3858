package dev.interviewagent.telegram;

import dev.interviewagent.core.Language;

/**
 * Turns the interviewer's question into speech for optional voice replies. Hosts adapt a text-to-speech provider
 * (for example sdk-voice's {@code TextToSpeech}) to it. May block; must be thread-safe.
 */
@FunctionalInterface
public interface SpeechSynthesizer {

    /**
     * Speaks {@code text}.
     *
     * @return OGG/Opus audio, as Telegram plays voice messages
     * @throws RuntimeException on failure; the channel then sends the text only
     */
    byte[] synthesize(String text, Language language);

    /** No voice replies: questions are sent as text only. */
    SpeechSynthesizer NONE = (text, language) -> {
        throw new UnsupportedOperationException("voice replies are not enabled");
    };
}
