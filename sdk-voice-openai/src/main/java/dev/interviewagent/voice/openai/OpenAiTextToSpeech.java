package dev.interviewagent.voice.openai;

import com.openai.client.OpenAIClient;
import com.openai.core.http.HttpResponse;
import com.openai.models.audio.speech.SpeechCreateParams;
import dev.interviewagent.core.config.InterviewConfig;
import dev.interviewagent.core.config.InterviewSettings;
import dev.interviewagent.core.config.InvalidConfigurationException;
import dev.interviewagent.voice.AudioFormat;
import dev.interviewagent.voice.AudioInput;
import dev.interviewagent.voice.AudioInspector;
import dev.interviewagent.voice.AudioLimits;
import dev.interviewagent.voice.SpeechException;
import dev.interviewagent.voice.SynthesizedSpeech;
import dev.interviewagent.voice.TextToSpeech;
import dev.interviewagent.voice.provider.Checks;
import dev.interviewagent.voice.provider.ProviderErrors;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Text-to-speech on OpenAI's speech endpoint ({@code POST /audio/speech}) through the official {@code openai-java}
 * SDK, so channels can answer by voice: {@link AudioFormat#OGG_OPUS} for Telegram voice replies (the default),
 * {@link AudioFormat#MP3} or {@link AudioFormat#WAV_PCM} for the web.
 *
 * <p>Blocks until the audio has been read fully; the response stream is always closed. The SDK's own retries are off.
 * Thread-safe. Never logs the text; {@link #toString()} masks the key.
 */
public final class OpenAiTextToSpeech implements TextToSpeech {

    /** {@value}. */
    public static final String PROVIDER_ID = "openai";
    /** {@value}. */
    public static final String DEFAULT_BASE_URL = OpenAiSpeechToText.DEFAULT_BASE_URL;
    /** {@value}. */
    public static final String DEFAULT_MODEL = "gpt-4o-mini-tts";
    /** {@value}. */
    public static final String DEFAULT_VOICE = "alloy";
    /** Ogg/Opus, what Telegram plays as a voice message. */
    public static final AudioFormat DEFAULT_FORMAT = AudioFormat.OGG_OPUS;
    /** 60 s. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(60);
    /** The endpoint's input limit in characters: {@value}. */
    public static final int MAX_INPUT_CHARS = 4096;

    private static final Logger log = LoggerFactory.getLogger(OpenAiTextToSpeech.class);
    /** Reads the duration of replies; a one-word reply may well be shorter than the answer minimum. */
    private static final AudioInspector REPLY_INSPECTOR =
            AudioInspector.of(AudioLimits.builder().minDuration(Duration.ZERO).maxBytes(Integer.MAX_VALUE).build());

    private final String apiKeyMask;
    private final String baseUrl;
    private final String model;
    private final String voice;
    private final AudioFormat format;
    private final Optional<String> instructions;
    private final Duration requestTimeout;
    private final OpenAIClient client;

    private OpenAiTextToSpeech(Builder builder) {
        this.apiKeyMask = ProviderErrors.mask(builder.apiKey);
        this.baseUrl = builder.baseUrl;
        this.model = builder.model;
        this.voice = builder.voice;
        this.format = builder.format;
        this.instructions = builder.instructions;
        this.requestTimeout = builder.requestTimeout;
        this.client = OpenAiClients.create(builder.apiKey, builder.baseUrl, builder.requestTimeout);
    }

    /**
     * Builds from the configuration: {@code interview.voice.tts.api-key} (required; falls back to the speech-to-text
     * OpenAI key, then {@code OPENAI_API_KEY}), {@code interview.voice.tts.base-url} (falls back likewise),
     * {@code interview.voice.tts.model}, {@code interview.voice.tts.voice} and {@code interview.voice.tts.format} ({@code ogg_opus},
     * {@code mp3}, {@code wav_pcm}, {@code flac}, {@code mp4_aac}). See {@code docs/configuration.md}.
     *
     * @return the instance, or empty when no key is set
     * @throws InvalidConfigurationException for an invalid value, naming the setting
     */
    public static Optional<TextToSpeech> from(InterviewConfig config) {
        Objects.requireNonNull(config, "config");
        if (config.find(InterviewSettings.TTS_API_KEY).isEmpty()) {
            return Optional.empty();
        }
        Builder builder = builder();
        config.apply(InterviewSettings.TTS_API_KEY, builder::apiKey);
        config.apply(InterviewSettings.TTS_BASE_URL, builder::baseUrl);
        config.apply(InterviewSettings.TTS_MODEL, builder::model);
        config.apply(InterviewSettings.TTS_VOICE, builder::voice);
        config.apply(InterviewSettings.TTS_FORMAT, code -> builder.format(AudioFormat.fromCode(code)
                .orElseThrow(() -> new IllegalArgumentException("not a known audio format"))));
        return Optional.of(builder.build());
    }

    /**
     * Builds from environment variables alone; same as {@code from(InterviewConfig.fromEnvironment(env))}:
     * {@code OPENAI_API_KEY} (required), {@code OPENAI_BASE_URL}, {@code INTERVIEW_VOICE_TTS_MODEL},
     * {@code INTERVIEW_VOICE_TTS_VOICE} and {@code INTERVIEW_VOICE_TTS_FORMAT} (the older {@code TTS_MODEL}, {@code TTS_VOICE}
     * and {@code TTS_FORMAT} still work, with a deprecation warning).
     *
     * @return the instance, or empty when {@code OPENAI_API_KEY} is not set
     * @throws IllegalArgumentException for an invalid value
     */
    public static Optional<TextToSpeech> fromEnvironment(java.util.Map<String, String> env) {
        return from(InterviewConfig.fromEnvironment(Objects.requireNonNull(env, "env")));
    }

    /** A builder; only {@link Builder#apiKey(String)} is required. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String providerId() {
        return PROVIDER_ID;
    }

    /** The format this instance produces. */
    public AudioFormat format() {
        return format;
    }

    @Override
    public SynthesizedSpeech synthesize(String text) {
        Objects.requireNonNull(text, "text");
        if (text.isBlank()) {
            throw new IllegalArgumentException("text must not be blank");
        }
        if (text.length() > MAX_INPUT_CHARS) {
            throw new IllegalArgumentException(
                    "text must be at most " + MAX_INPUT_CHARS + " characters, was " + text.length());
        }
        SpeechCreateParams.Builder params = SpeechCreateParams.builder()
                .input(text)
                .model(model)
                .voice(voice)
                .responseFormat(SpeechCreateParams.ResponseFormat.of(wireFormat(format)));
        instructions.ifPresent(params::instructions);
        SpeechCreateParams request = params.build();
        byte[] audio = OpenAiClients.call(PROVIDER_ID, "speech", () -> {
            try (HttpResponse response = client.audio().speech().create(request);
                    InputStream body = response.body()) {
                return body.readAllBytes();
            } catch (IOException e) {
                throw ProviderErrors.forIo(PROVIDER_ID, "speech", e);
            }
        });
        if (audio.length == 0) {
            throw new SpeechException(SpeechException.Reason.PROVIDER_ERROR, "openai speech returned no audio");
        }
        Optional<Duration> duration;
        try {
            duration = Optional.of(REPLY_INSPECTOR.inspect(AudioInput.of(audio)).duration());
        } catch (SpeechException e) {
            duration = Optional.empty(); // streamed containers may not declare a length; the bytes are still usable
        }
        log.debug("openai: speech done, model={} format={} chars={} bytes={}", model, format.code(), text.length(),
                audio.length);
        return new SynthesizedSpeech(audio, format, duration);
    }

    static String wireFormat(AudioFormat format) {
        return switch (format) {
            case OGG_OPUS -> "opus";
            case MP3 -> "mp3";
            case WAV_PCM -> "wav";
            case FLAC -> "flac";
            case MP4_AAC -> "aac";
            case OGG_VORBIS, WEBM -> throw new IllegalArgumentException(
                    "format must be OGG_OPUS, MP3, WAV_PCM, FLAC or MP4_AAC, was " + format);
        };
    }

    @Override
    public void close() {
        client.close();
    }

    /** Configuration without the key. */
    @Override
    public String toString() {
        return "OpenAiTextToSpeech[apiKey=" + apiKeyMask + ", baseUrl=" + baseUrl + ", model=" + model + ", voice="
                + voice + ", format=" + format.code() + ", requestTimeout=" + requestTimeout + "]";
    }

    /** Builds {@link OpenAiTextToSpeech}. Setters validate at once; {@link #build()} requires the key. */
    public static final class Builder {
        private String apiKey = "";
        private String baseUrl = DEFAULT_BASE_URL;
        private String model = DEFAULT_MODEL;
        private String voice = DEFAULT_VOICE;
        private AudioFormat format = DEFAULT_FORMAT;
        private Optional<String> instructions = Optional.empty();
        private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;

        private Builder() {
        }

        /** The API key, sent as {@code Authorization: Bearer}. Required. */
        public Builder apiKey(String apiKey) {
            this.apiKey = Checks.requireText(apiKey, "apiKey");
            return this;
        }

        /** The API root including {@code /v1}; default {@link #DEFAULT_BASE_URL}. */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = Checks.requireBaseUrl(baseUrl);
            return this;
        }

        /** Default {@link #DEFAULT_MODEL}; {@code tts-1} and {@code tts-1-hd} also work. */
        public Builder model(String model) {
            this.model = Checks.requireText(model, "model");
            return this;
        }

        /** A voice name such as {@code alloy}, {@code nova} or {@code sage}; default {@link #DEFAULT_VOICE}. */
        public Builder voice(String voice) {
            this.voice = Checks.requireText(voice, "voice");
            return this;
        }

        /**
         * The output format; default {@link #DEFAULT_FORMAT}.
         *
         * @throws IllegalArgumentException for {@link AudioFormat#OGG_VORBIS} and {@link AudioFormat#WEBM}, which
         *     the endpoint cannot produce
         */
        public Builder format(AudioFormat format) {
            wireFormat(Objects.requireNonNull(format, "format"));
            this.format = format;
            return this;
        }

        /** Speaking-style instructions for models that take them (not {@code tts-1}). */
        public Builder instructions(String instructions) {
            this.instructions = Optional.of(Checks.requireText(instructions, "instructions"));
            return this;
        }

        /** Default {@link #DEFAULT_REQUEST_TIMEOUT}. */
        public Builder requestTimeout(Duration requestTimeout) {
            this.requestTimeout = Checks.requirePositive(requestTimeout, "requestTimeout");
            return this;
        }

        /** @throws IllegalStateException if no key is set */
        public OpenAiTextToSpeech build() {
            if (apiKey.isEmpty()) {
                throw new IllegalStateException("apiKey is required");
            }
            return new OpenAiTextToSpeech(this);
        }
    }
}
