package dev.interviewagent.websocket;

import dev.interviewagent.core.Language;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Speaks the interviewer's questions for clients that ask for them ({@code speak}, see {@code docs/protocol.md}):
 * the host adapts a text-to-speech provider, such as sdk-voice-openai's {@code OpenAiTextToSpeech}. With one
 * configured, {@code session.capabilities.spokenQuestions} is true. May block (the server calls it on threads of its
 * own, never a turn's); must be thread-safe and should never log the text.
 *
 * <pre>{@code
 * TextToSpeech tts = OpenAiTextToSpeech.from(config).orElseThrow(); // sdk-voice-openai, interview.voice.tts.*
 * WebSocketInterviews interviews = WebSocketInterviews.builder(engine)
 *         .speaker((text, language) -> {
 *             SynthesizedSpeech speech = tts.synthesize(text);
 *             return new QuestionSpeaker.Audio(speech.audio(), speech.format().mimeType());
 *         })
 *         .build();
 * }</pre>
 */
@FunctionalInterface
public interface QuestionSpeaker {

    /**
     * Speaks one question.
     *
     * @param text     the interviewer's message, as the respondent reads it
     * @param language the interview's language
     * @return the audio, in a format browsers play ({@code audio/ogg} with Opus, {@code audio/mpeg}, {@code audio/wav})
     * @throws RuntimeException when speech cannot be made now; the client is told and reads the text (or uses its own
     *                          speech synthesis) instead
     */
    Audio speak(String text, Language language);

    /** No spoken questions: {@code speak} is refused and {@code capabilities.spokenQuestions} is false. */
    QuestionSpeaker NONE = (text, language) -> {
        throw new UnsupportedOperationException("spoken questions are not enabled");
    };

    /**
     * Audio of a spoken question. Immutable: the bytes are copied in and out.
     *
     * @param bytes    the encoded audio, not empty
     * @param mimeType its media type, e.g. {@code audio/ogg} or {@code audio/mpeg} (parameters such as
     *                 {@code ;codecs=opus} allowed)
     */
    record Audio(byte[] bytes, String mimeType) {

        private static final Pattern MEDIA_TYPE = Pattern.compile("audio/[a-z0-9.+-]+(\\s*;.*)?");
        private static final Map<String, String> FORMATS = Map.of("audio/ogg", "ogg", "audio/opus", "ogg",
                "audio/mpeg", "mp3", "audio/mp3", "mp3", "audio/wav", "wav", "audio/x-wav", "wav",
                "audio/wave", "wav", "audio/mp4", "m4a", "audio/aac", "aac", "audio/flac", "flac");

        /**
         * @throws IllegalArgumentException if there are no bytes or the type is not {@code audio/...}
         */
        public Audio {
            Objects.requireNonNull(bytes, "bytes");
            Objects.requireNonNull(mimeType, "mimeType");
            if (bytes.length == 0) {
                throw new IllegalArgumentException("audio must not be empty");
            }
            mimeType = mimeType.strip().toLowerCase(Locale.ROOT);
            if (!MEDIA_TYPE.matcher(mimeType).matches()) {
                throw new IllegalArgumentException("mimeType must be audio/..., was " + mimeType);
            }
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        /** The number of bytes. */
        public int size() {
            return bytes.length;
        }

        /** The short format code clients see ({@code ogg}, {@code mp3}, {@code wav}, ...): from the media type. */
        public String format() {
            String base = mimeType.contains(";") ? mimeType.substring(0, mimeType.indexOf(';')).strip() : mimeType;
            return FORMATS.getOrDefault(base, base.substring("audio/".length()));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Audio that && java.util.Arrays.equals(bytes, that.bytes)
                    && mimeType.equals(that.mimeType);
        }

        @Override
        public int hashCode() {
            return 31 * java.util.Arrays.hashCode(bytes) + mimeType.hashCode();
        }

        @Override
        public String toString() {
            return "Audio[" + mimeType + ", " + bytes.length + " bytes]";
        }
    }
}
