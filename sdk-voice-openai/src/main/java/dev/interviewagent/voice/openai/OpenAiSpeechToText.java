package dev.interviewagent.voice.openai;

import com.openai.client.OpenAIClient;
import com.openai.core.MultipartField;
import com.openai.models.audio.AudioResponseFormat;
import com.openai.models.audio.transcriptions.Transcription;
import com.openai.models.audio.transcriptions.TranscriptionCreateParams;
import com.openai.models.audio.transcriptions.TranscriptionCreateResponse;
import com.openai.models.audio.transcriptions.TranscriptionInclude;
import com.openai.models.audio.transcriptions.TranscriptionSegment;
import com.openai.models.audio.transcriptions.TranscriptionVerbose;
import com.openai.models.audio.transcriptions.TranscriptionWord;
import dev.interviewagent.core.Language;
import dev.interviewagent.voice.AudioInfo;
import dev.interviewagent.voice.AudioInput;
import dev.interviewagent.voice.AudioInspector;
import dev.interviewagent.voice.AudioLimits;
import dev.interviewagent.voice.ResilientSpeechToText;
import dev.interviewagent.voice.SpeechException;
import dev.interviewagent.voice.SpeechToText;
import dev.interviewagent.voice.Transcript;
import dev.interviewagent.voice.TranscriptionOptions;
import dev.interviewagent.voice.provider.Checks;
import dev.interviewagent.voice.provider.ProviderErrors;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Speech-to-text on OpenAI's audio transcription endpoint ({@code POST /audio/transcriptions}) through the official
 * {@code openai-java} SDK.
 *
 * <p>With a {@code whisper-*} model (default {@code whisper-1}) it asks for {@code verbose_json} with word and segment
 * timestamps: text, detected language, duration and word timings come back, and the confidence is the
 * duration-weighted mean of {@code exp(avg_logprob)} over segments. With other models ({@code gpt-4o-transcribe},
 * {@code gpt-4o-mini-transcribe}) it asks for {@code json} with token log-probabilities and the confidence is
 * {@code exp(mean logprob)}. Without either, the confidence is 0 so the channel asks the respondent to confirm.
 * OpenAI reports no language confidence.
 *
 * <p>The audio is checked by an {@link AudioInspector} first. The SDK's own retries are off (wrap in
 * {@link ResilientSpeechToText}). Thread-safe; the audio is streamed from memory, nothing is written to disk.
 * {@link #toString()} masks the key.
 */
public final class OpenAiSpeechToText implements SpeechToText {

    /** {@value}: the provider id in transcripts. */
    public static final String PROVIDER_ID = "openai";
    /** {@value}; the SDK appends {@code /audio/transcriptions}. */
    public static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";
    /** {@value}: the model that returns word timings, language and duration. */
    public static final String DEFAULT_MODEL = "whisper-1";
    /** Timeout of the transcription call: 2 minutes (the call returns only when the text is ready). */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofMinutes(2);

    private static final Logger log = LoggerFactory.getLogger(OpenAiSpeechToText.class);

    private final String apiKeyMask;
    private final String baseUrl;
    private final String model;
    private final Duration requestTimeout;
    private final AudioInspector inspector;
    private final OpenAIClient client;

    private OpenAiSpeechToText(Builder builder) {
        this.apiKeyMask = ProviderErrors.mask(builder.apiKey);
        this.baseUrl = builder.baseUrl;
        this.model = builder.model;
        this.requestTimeout = builder.requestTimeout;
        this.inspector = AudioInspector.of(builder.audioLimits);
        this.client = OpenAiClients.create(builder.apiKey, builder.baseUrl, builder.requestTimeout);
    }

    /** A builder; only {@link Builder#apiKey(String)} is required. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String providerId() {
        return PROVIDER_ID;
    }

    /**
     * {@inheritDoc}
     *
     * <p>Only {@link TranscriptionOptions#languageHint()} is used; OpenAI detects the language itself otherwise and
     * does not redact PII.
     */
    @Override
    public Transcript transcribe(AudioInput audio, TranscriptionOptions options) {
        Objects.requireNonNull(audio, "audio");
        Objects.requireNonNull(options, "options");
        AudioInfo info = inspector.inspect(audio);
        boolean whisper = model.startsWith("whisper");
        TranscriptionCreateResponse response;
        try (InputStream stream = audio.openStream()) {
            TranscriptionCreateParams.Builder params = TranscriptionCreateParams.builder()
                    .file(MultipartField.<InputStream>builder()
                            .value(stream)
                            .filename("audio." + info.format().fileExtension())
                            .contentType(info.format().mimeType())
                            .build())
                    .model(model);
            if (whisper) {
                params.responseFormat(AudioResponseFormat.VERBOSE_JSON)
                        .addTimestampGranularity(TranscriptionCreateParams.TimestampGranularity.WORD)
                        .addTimestampGranularity(TranscriptionCreateParams.TimestampGranularity.SEGMENT);
            } else {
                params.responseFormat(AudioResponseFormat.JSON).addInclude(TranscriptionInclude.LOGPROBS);
            }
            options.languageHint().ifPresent(language -> params.language(language.code()));
            TranscriptionCreateParams request = params.build();
            response = OpenAiClients.call(PROVIDER_ID, "transcription",
                    () -> client.audio().transcriptions().create(request));
        } catch (java.io.IOException e) {
            throw ProviderErrors.forIo(PROVIDER_ID, "transcription", e); // closing a byte stream cannot fail
        }
        Transcript transcript = response.verbose().map(v -> fromVerbose(v, info, options))
                .or(() -> response.transcription().map(t -> fromJson(t, info, options)))
                .orElseThrow(() -> new SpeechException(SpeechException.Reason.PROVIDER_ERROR,
                        "openai transcription returned an unexpected response shape"));
        log.debug("openai: transcription done, model={} bytes={} chars={} confidence={}", model, info.sizeBytes(),
                transcript.text().length(), transcript.confidence());
        return transcript;
    }

    private Transcript fromVerbose(TranscriptionVerbose verbose, AudioInfo info, TranscriptionOptions options) {
        List<Transcript.Word> words = new ArrayList<>();
        for (TranscriptionWord word : verbose.words().orElse(List.of())) {
            Duration start = seconds(word.start());
            Duration end = seconds(Math.max(word.start(), word.end()));
            words.add(new Transcript.Word(word.word(), start, end, OptionalDouble.empty()));
        }
        double weighted = 0;
        double total = 0;
        for (TranscriptionSegment segment : verbose.segments().orElse(List.of())) {
            double length = Math.max(0.01, segment.end() - segment.start());
            weighted += length * Math.exp(segment.avgLogprob());
            total += length;
        }
        double confidence = total > 0 ? clamp(weighted / total) : 0;
        Optional<String> language = LanguageNames.toCode(verbose._language().asString().orElse(""))
                .or(() -> options.languageHint().map(Language::code));
        Duration duration = verbose._duration().asNumber().isPresent() ? seconds(verbose.duration()) : info.duration();
        return new Transcript(verbose.text().strip(), confidence, language, OptionalDouble.empty(), words, duration,
                PROVIDER_ID);
    }

    private Transcript fromJson(Transcription transcription, AudioInfo info, TranscriptionOptions options) {
        List<Transcription.Logprob> logprobs = transcription.logprobs().orElse(List.of());
        double confidence = logprobs.stream().filter(l -> l.logprob().isPresent())
                .mapToDouble(l -> l.logprob().get()).average().stream().map(Math::exp).map(OpenAiSpeechToText::clamp)
                .findFirst().orElse(0);
        Optional<String> language = transcription.languages().orElse(List.of()).stream()
                .map(l -> l._code().asString().orElse(""))
                .flatMap(code -> LanguageNames.toCode(code).stream())
                .findFirst()
                .or(() -> options.languageHint().map(Language::code));
        return new Transcript(transcription.text().strip(), confidence, language, OptionalDouble.empty(), List.of(),
                info.duration(), PROVIDER_ID);
    }

    private static Duration seconds(double seconds) {
        return Duration.ofNanos(Math.round(Math.max(0, seconds) * 1e9));
    }

    private static double clamp(double value) {
        return Double.isNaN(value) ? 0 : Math.max(0, Math.min(1, value));
    }

    @Override
    public void close() {
        client.close();
    }

    /** Configuration without the key. */
    @Override
    public String toString() {
        return "OpenAiSpeechToText[apiKey=" + apiKeyMask + ", baseUrl=" + baseUrl + ", model=" + model
                + ", requestTimeout=" + requestTimeout + "]";
    }

    /** Builds {@link OpenAiSpeechToText}. Setters validate at once; {@link #build()} requires the key. */
    public static final class Builder {
        private String apiKey = "";
        private String baseUrl = DEFAULT_BASE_URL;
        private String model = DEFAULT_MODEL;
        private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
        private AudioLimits audioLimits = AudioLimits.defaults();

        private Builder() {
        }

        /** The API key, sent as {@code Authorization: Bearer}. Required. */
        public Builder apiKey(String apiKey) {
            this.apiKey = Checks.requireText(apiKey, "apiKey");
            return this;
        }

        /** The API root including {@code /v1}; default {@link #DEFAULT_BASE_URL}. Also for compatible servers. */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = Checks.requireBaseUrl(baseUrl);
            return this;
        }

        /** The transcription model; default {@link #DEFAULT_MODEL}. */
        public Builder model(String model) {
            this.model = Checks.requireText(model, "model");
            return this;
        }

        /** Timeout of the transcription call; default {@link #DEFAULT_REQUEST_TIMEOUT}. */
        public Builder requestTimeout(Duration requestTimeout) {
            this.requestTimeout = Checks.requirePositive(requestTimeout, "requestTimeout");
            return this;
        }

        /** Limits checked before upload; default {@link AudioLimits#defaults()}. */
        public Builder audioLimits(AudioLimits audioLimits) {
            this.audioLimits = Objects.requireNonNull(audioLimits, "audioLimits");
            return this;
        }

        /** @throws IllegalStateException if no key is set */
        public OpenAiSpeechToText build() {
            if (apiKey.isEmpty()) {
                throw new IllegalStateException("apiKey is required");
            }
            return new OpenAiSpeechToText(this);
        }

        @Override
        public String toString() {
            return "OpenAiSpeechToText.Builder[apiKey=" + ProviderErrors.mask(apiKey) + ", baseUrl=" + baseUrl
                    + ", model=" + model + "]";
        }
    }
}
