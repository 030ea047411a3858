package dev.interviewagent.voice.assemblyai;

import com.assemblyai.api.core.ApiError;
import com.assemblyai.api.resources.files.types.UploadedFile;
import com.assemblyai.api.resources.transcripts.requests.TranscriptParams;
import com.assemblyai.api.resources.transcripts.types.TranscriptStatus;
import dev.interviewagent.core.resilience.Sleeper;
import dev.interviewagent.voice.AudioInfo;
import dev.interviewagent.voice.AudioInput;
import dev.interviewagent.voice.AudioInspector;
import dev.interviewagent.voice.AudioLimits;
import dev.interviewagent.voice.ResilientSpeechToText;
import dev.interviewagent.voice.SpeechException;
import dev.interviewagent.voice.SpeechException.Reason;
import dev.interviewagent.voice.SpeechToText;
import dev.interviewagent.voice.Transcript;
import dev.interviewagent.voice.TranscriptionOptions;
import dev.interviewagent.voice.provider.Checks;
import dev.interviewagent.voice.provider.ProviderErrors;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Speech-to-text on AssemblyAI through the official {@code assemblyai-java} SDK: upload the bytes
 * ({@code POST /v2/upload}), create a transcript with language detection among the expected languages, punctuation,
 * formatting and optional PII redaction ({@code POST /v2/transcript}), then poll ({@code GET /v2/transcript/{id}})
 * with growing intervals until it completes, fails or the overall timeout passes.
 *
 * <p>Once the transcript is read, or the job failed or was abandoned (timeout, interruption), the transcript and the
 * uploaded audio are deleted at AssemblyAI ({@code DELETE /v2/transcript/{id}}) unless
 * {@link Builder#deleteTranscripts(boolean)} turns that off; a deletion that fails for a moment (429, 5xx, network)
 * is tried again (three attempts, then in the background for about ten minutes and once more on {@link #close()}),
 * and one that still fails is logged at WARN, never thrown.
 *
 * <p>The audio is checked by an {@link AudioInspector} first, so rejected audio is never uploaded. Transient errors
 * while polling are tolerated until the overall timeout; other failures become a {@link SpeechException}. The
 * instance does not retry uploads itself (wrap it in {@link ResilientSpeechToText}). Thread-safe; nothing is written
 * to disk. {@link #toString()} masks the key.
 *
 * <pre>{@code
 * SpeechToText stt = AssemblyAiSpeechToText.builder().apiKey(System.getenv("ASSEMBLYAI_API_KEY")).build();
 * }</pre>
 */
public final class AssemblyAiSpeechToText implements SpeechToText {

    /** {@value}: the provider id in transcripts. */
    public static final String PROVIDER_ID = "assemblyai";
    /** {@value}; the SDK appends {@code /v2/...}. */
    public static final String DEFAULT_BASE_URL = "https://api.assemblyai.com";
    /** {@code ["universal-2"]}: sent as {@code speech_models}, in priority order. */
    public static final List<String> DEFAULT_SPEECH_MODELS = List.of("universal-2");
    /** Timeout of each HTTP call (upload, create, one poll): 30 s. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);
    /** Overall time from upload to a finished transcript: 3 minutes. */
    public static final Duration DEFAULT_OVERALL_TIMEOUT = Duration.ofMinutes(3);
    /** First wait between polls: 500 ms. */
    public static final Duration DEFAULT_INITIAL_POLL_INTERVAL = Duration.ofMillis(500);
    /** Longest wait between polls: 5 s. */
    public static final Duration DEFAULT_MAX_POLL_INTERVAL = Duration.ofSeconds(5);
    /** Growth of the poll interval after each poll: 1.5. */
    public static final double DEFAULT_POLL_BACKOFF_MULTIPLIER = 1.5;
    /** PII policies used when redaction is asked for and none are configured. */
    public static final List<String> DEFAULT_PII_POLICIES = List.of("person_name", "phone_number", "email_address",
            "credit_card_number", "banking_information", "location", "date_of_birth");

    private static final Logger log = LoggerFactory.getLogger(AssemblyAiSpeechToText.class);

    private final Builder config;
    private final AssemblyAiClients.Handle client;
    private final AudioInspector inspector;
    private final AssemblyAiDeletions deletions;

    private AssemblyAiSpeechToText(Builder builder) {
        this.config = builder.copy();
        this.client = AssemblyAiClients.create(builder.apiKey, builder.baseUrl, builder.requestTimeout);
        this.inspector = AudioInspector.of(builder.audioLimits);
        this.deletions = new AssemblyAiDeletions(
                id -> call("delete transcript", () -> client.api().transcripts().delete(id)), config.sleeper,
                config.deferredDeleteDelay);
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
     * <p>Blocks for up to the overall timeout (default 3 minutes), plus the deletion of the transcript afterwards
     * (at most three request timeouts and 750 ms between them, when the provider fails).
     */
    @Override
    public Transcript transcribe(AudioInput audio, TranscriptionOptions options) {
        Objects.requireNonNull(audio, "audio");
        Objects.requireNonNull(options, "options");
        AudioInfo info = inspector.inspect(audio);
        Instant started = config.clock.instant();
        Instant deadline = started.plus(config.overallTimeout);

        // the SDK uploads a byte array only: a copy of the (size-checked) audio, since AudioInput shares none
        byte[] bytes = audio.bytes();
        UploadedFile uploaded = call("upload", () -> client.api().files().upload(bytes));
        TranscriptParams params = AssemblyAiMapping.params(uploaded.getUploadUrl(), options, config);
        // AssemblyAI has no call that deletes an upload on its own: if creating the transcript fails, the upload
        // stays until the provider expires it
        com.assemblyai.api.resources.transcripts.types.Transcript job =
                call("create transcript", () -> client.api().transcripts().submit(params));
        log.debug("assemblyai: transcript {} created, bytes={} durationMs={}", job.getId(), info.sizeBytes(),
                info.duration().toMillis());
        try {
            com.assemblyai.api.resources.transcripts.types.Transcript done = await(job, deadline);
            Transcript transcript = AssemblyAiMapping.transcript(done, info, options);
            log.debug("assemblyai: transcript {} completed in {} ms, chars={} confidence={}", done.getId(),
                    Duration.between(started, config.clock.instant()).toMillis(), transcript.text().length(),
                    transcript.confidence());
            return transcript;
        } finally {
            if (config.deleteTranscripts) {
                deletions.delete(job.getId());
            }
        }
    }

    private com.assemblyai.api.resources.transcripts.types.Transcript await(
            com.assemblyai.api.resources.transcripts.types.Transcript job, Instant deadline) {
        com.assemblyai.api.resources.transcripts.types.Transcript current = job;
        Duration interval = config.initialPollInterval;
        int polls = 0;
        while (true) {
            TranscriptStatus status = current.getStatus();
            if (TranscriptStatus.COMPLETED.equals(status)) {
                return current;
            }
            if (TranscriptStatus.ERROR.equals(status)) {
                // the error text describes the audio ("no spoken audio", "could not be decoded"), not secrets,
                // but it is still kept out of the message; hosts can read it from the provider if needed
                throw new SpeechException(Reason.TRANSCRIPTION_FAILED,
                        "assemblyai transcript " + current.getId() + " failed after " + polls + " polls");
            }
            Duration remaining = Duration.between(config.clock.instant(), deadline);
            if (remaining.isNegative() || remaining.isZero()) {
                throw new SpeechException(Reason.TIMEOUT, "assemblyai transcript " + current.getId()
                        + " not ready within " + config.overallTimeout.toMillis() + " ms (" + polls + " polls)");
            }
            sleep(interval.compareTo(remaining) < 0 ? interval : remaining);
            interval = next(interval);
            polls++;
            String id = current.getId();
            try {
                current = call("get transcript", () -> client.api().transcripts().get(id));
            } catch (SpeechException e) {
                if (!e.isRetriable()) {
                    throw e;
                }
                log.debug("assemblyai: transient {} while polling transcript {}, polling on", e.reason().code(), id);
            }
        }
    }

    private Duration next(Duration interval) {
        long millis = (long) Math.ceil(interval.toMillis() * config.pollBackoffMultiplier);
        Duration grown = Duration.ofMillis(Math.max(millis, 1));
        return grown.compareTo(config.maxPollInterval) > 0 ? config.maxPollInterval : grown;
    }

    private void sleep(Duration duration) {
        try {
            config.sleeper.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SpeechException(Reason.INTERRUPTED, "interrupted while polling assemblyai", e);
        }
    }

    private <T> T call(String operation, Supplier<T> action) {
        try {
            return action.get();
        } catch (ApiError e) {
            throw ProviderErrors.forStatus(PROVIDER_ID, operation, e.statusCode(), e);
        } catch (RuntimeException e) {
            if (ProviderErrors.isIo(e)) {
                throw ProviderErrors.forIo(PROVIDER_ID, operation, e);
            }
            throw new SpeechException(Reason.PROVIDER_ERROR, PROVIDER_ID + " " + operation
                    + " failed: unexpected " + e.getClass().getSimpleName(), e);
        }
    }

    @Override
    public void close() {
        try {
            deletions.close();
        } finally {
            client.close();
        }
    }

    /** Configuration without the key. */
    @Override
    public String toString() {
        return "AssemblyAiSpeechToText" + config;
    }

    /** Builds {@link AssemblyAiSpeechToText}. Setters validate at once; {@link #build()} requires the key. */
    public static final class Builder {
        private String apiKey = "";
        private String baseUrl = DEFAULT_BASE_URL;
        List<String> speechModels = DEFAULT_SPEECH_MODELS;
        boolean punctuate = true;
        boolean formatText = true;
        boolean redactPii;
        private boolean deleteTranscripts = true;
        List<String> piiPolicies = DEFAULT_PII_POLICIES;
        private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
        private Duration overallTimeout = DEFAULT_OVERALL_TIMEOUT;
        private Duration initialPollInterval = DEFAULT_INITIAL_POLL_INTERVAL;
        private Duration maxPollInterval = DEFAULT_MAX_POLL_INTERVAL;
        private double pollBackoffMultiplier = DEFAULT_POLL_BACKOFF_MULTIPLIER;
        private AudioLimits audioLimits = AudioLimits.defaults();
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.SYSTEM;
        private Duration deferredDeleteDelay = AssemblyAiDeletions.DEFERRED_DELETE_DELAY;

        private Builder() {
        }

        private Builder copy() {
            Builder copy = new Builder();
            copy.apiKey = apiKey;
            copy.baseUrl = baseUrl;
            copy.speechModels = speechModels;
            copy.punctuate = punctuate;
            copy.formatText = formatText;
            copy.redactPii = redactPii;
            copy.deleteTranscripts = deleteTranscripts;
            copy.piiPolicies = piiPolicies;
            copy.requestTimeout = requestTimeout;
            copy.overallTimeout = overallTimeout;
            copy.initialPollInterval = initialPollInterval;
            copy.maxPollInterval = maxPollInterval;
            copy.pollBackoffMultiplier = pollBackoffMultiplier;
            copy.audioLimits = audioLimits;
            copy.clock = clock;
            copy.sleeper = sleeper;
            copy.deferredDeleteDelay = deferredDeleteDelay;
            return copy;
        }

        /** The API key, sent raw in the {@code Authorization} header. Required. */
        public Builder apiKey(String apiKey) {
            this.apiKey = Checks.requireText(apiKey, "apiKey");
            return this;
        }

        /** The API root without {@code /v2}; default {@link #DEFAULT_BASE_URL}. Tests point it at a local server. */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = Checks.requireBaseUrl(baseUrl);
            return this;
        }

        /** Speech models in priority order ({@code speech_models}); default {@link #DEFAULT_SPEECH_MODELS}. */
        public Builder speechModels(List<String> speechModels) {
            Objects.requireNonNull(speechModels, "speechModels");
            if (speechModels.isEmpty() || speechModels.stream().anyMatch(m -> m == null || m.isBlank())) {
                throw new IllegalArgumentException("speechModels must be non-empty names, was " + speechModels);
            }
            this.speechModels = List.copyOf(speechModels);
            return this;
        }

        /** Default true. */
        public Builder punctuate(boolean punctuate) {
            this.punctuate = punctuate;
            return this;
        }

        /** Default true. */
        public Builder formatText(boolean formatText) {
            this.formatText = formatText;
            return this;
        }

        /** Redact PII in every call, not only when {@link TranscriptionOptions#redactPii()} asks; default false. */
        public Builder redactPii(boolean redactPii) {
            this.redactPii = redactPii;
            return this;
        }

        /**
         * Whether to delete each transcript, and the uploaded audio with it, at AssemblyAI as soon as it is read or
         * abandoned; default true. Turn it off only to inspect jobs in AssemblyAI's dashboard: the provider then
         * keeps the respondent's words and voice under its own retention rules.
         */
        public Builder deleteTranscripts(boolean deleteTranscripts) {
            this.deleteTranscripts = deleteTranscripts;
            return this;
        }

        /** AssemblyAI PII policy names used when redacting; default {@link #DEFAULT_PII_POLICIES}. */
        public Builder piiPolicies(List<String> piiPolicies) {
            Objects.requireNonNull(piiPolicies, "piiPolicies");
            if (piiPolicies.isEmpty()) {
                throw new IllegalArgumentException("piiPolicies must not be empty");
            }
            this.piiPolicies = List.copyOf(piiPolicies);
            return this;
        }

        /** Timeout of each HTTP call; default {@link #DEFAULT_REQUEST_TIMEOUT}. */
        public Builder requestTimeout(Duration requestTimeout) {
            this.requestTimeout = Checks.requirePositive(requestTimeout, "requestTimeout");
            return this;
        }

        /** Time from upload to a finished transcript; default {@link #DEFAULT_OVERALL_TIMEOUT}. */
        public Builder overallTimeout(Duration overallTimeout) {
            this.overallTimeout = Checks.requirePositive(overallTimeout, "overallTimeout");
            return this;
        }

        /** First wait between polls; default {@link #DEFAULT_INITIAL_POLL_INTERVAL}. */
        public Builder initialPollInterval(Duration initialPollInterval) {
            this.initialPollInterval = Checks.requirePositive(initialPollInterval, "initialPollInterval");
            return this;
        }

        /** Longest wait between polls; default {@link #DEFAULT_MAX_POLL_INTERVAL}. */
        public Builder maxPollInterval(Duration maxPollInterval) {
            this.maxPollInterval = Checks.requirePositive(maxPollInterval, "maxPollInterval");
            return this;
        }

        /** Growth of the poll interval, at least 1; default {@link #DEFAULT_POLL_BACKOFF_MULTIPLIER}. */
        public Builder pollBackoffMultiplier(double multiplier) {
            if (!(multiplier >= 1 && multiplier <= 10)) {
                throw new IllegalArgumentException("pollBackoffMultiplier must be in [1, 10], was " + multiplier);
            }
            this.pollBackoffMultiplier = multiplier;
            return this;
        }

        /** Limits checked before upload; default {@link AudioLimits#defaults()}. */
        public Builder audioLimits(AudioLimits audioLimits) {
            this.audioLimits = Objects.requireNonNull(audioLimits, "audioLimits");
            return this;
        }

        /** Clock for the overall timeout; default {@link Clock#systemUTC()}. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** How to wait between polls; default {@link Sleeper#SYSTEM}. */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /** The wait before the first background attempt at a failed deletion (tests shorten it). */
        Builder deferredDeleteDelay(Duration delay) {
            this.deferredDeleteDelay = Objects.requireNonNull(delay, "delay");
            return this;
        }

        /**
         * @throws IllegalStateException if no key is set, or the first poll interval exceeds the longest
         */
        public AssemblyAiSpeechToText build() {
            if (apiKey.isEmpty()) {
                throw new IllegalStateException("apiKey is required");
            }
            if (initialPollInterval.compareTo(maxPollInterval) > 0) {
                throw new IllegalStateException("initialPollInterval must be <= maxPollInterval, was "
                        + initialPollInterval + " > " + maxPollInterval);
            }
            return new AssemblyAiSpeechToText(this);
        }

        @Override
        public String toString() {
            return "[apiKey=" + ProviderErrors.mask(apiKey) + ", baseUrl=" + baseUrl + ", speechModels="
                    + speechModels + ", redactPii=" + redactPii + ", deleteTranscripts=" + deleteTranscripts
                    + ", requestTimeout=" + requestTimeout
                    + ", overallTimeout=" + overallTimeout + ", pollInterval=" + initialPollInterval + ".."
                    + maxPollInterval + "]";
        }
    }
}
