package dev.interviewagent.voice;

/**
 * Turns a spoken answer into a {@link Transcript}. The SPI that providers implement and channels call.
 *
 * <p>Contract for implementations (checked by the {@code SpeechToTextContract} kit in this module's test-jar):
 * <ul>
 *   <li>check the audio with an {@link AudioInspector} before any upload, so empty, truncated, unknown, too short,
 *       too long or too large audio fails fast with a non-retriable {@link SpeechException} and costs nothing;</li>
 *   <li>block until the transcript is ready or a configured timeout passes; never hang;</li>
 *   <li>map every provider failure to a {@link SpeechException} whose {@link SpeechException.Reason} says whether a
 *       retry may help (429/5xx/timeouts yes; auth and bad requests no), keeping the cause;</li>
 *   <li>be safe to call from several threads at once;</li>
 *   <li>never log audio, transcript text or keys, and leave no temporary files behind.</li>
 * </ul>
 * Implementations do not retry by themselves; wrap them in {@link ResilientSpeechToText} for retries and a
 * concurrency limit, and in {@link FallbackSpeechToText} to fall back to another provider.
 */
public interface SpeechToText extends AutoCloseable {

    /**
     * Transcribes one audio clip. Blocks the calling thread.
     *
     * @param audio the audio; its bytes decide the format, not its name
     * @param options language hint, expected languages, redaction
     * @return the transcript; its quality is for the caller to judge
     * @throws SpeechException on rejected audio or a provider failure; retry only if
     *     {@link SpeechException#isRetriable()}
     */
    Transcript transcribe(AudioInput audio, TranscriptionOptions options);

    /** Like {@link #transcribe(AudioInput, TranscriptionOptions)} with {@link TranscriptionOptions#defaults()}. */
    default Transcript transcribe(AudioInput audio) {
        return transcribe(audio, TranscriptionOptions.defaults());
    }

    /** A short stable id of the provider, e.g. {@code assemblyai} or {@code openai}; also in each transcript. */
    String providerId();

    /** Releases HTTP connections and threads; decorators close what they wrap. Idempotent; default does nothing. */
    @Override
    default void close() {
    }
}
