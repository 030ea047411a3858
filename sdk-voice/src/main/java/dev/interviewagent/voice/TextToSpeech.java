package dev.interviewagent.voice;

/**
 * Turns interviewer text into audio so channels can answer by voice (Ogg/Opus for Telegram voice replies, MP3 or WAV
 * for the web). Implementations are thread-safe, block until the audio is ready or a timeout passes, and never log
 * the text.
 */
public interface TextToSpeech extends AutoCloseable {

    /**
     * Synthesises speech for the text in the implementation's configured voice and format.
     *
     * @param text what to say; not blank
     * @return the audio and its format
     * @throws IllegalArgumentException if the text is blank or longer than the provider accepts
     * @throws SpeechException on a provider failure; retry only if {@link SpeechException#isRetriable()}
     */
    SynthesizedSpeech synthesize(String text);

    /** A short stable id of the provider, e.g. {@code openai}. */
    String providerId();

    /** Releases HTTP connections and threads. Idempotent; the default does nothing. */
    @Override
    default void close() {
    }
}
