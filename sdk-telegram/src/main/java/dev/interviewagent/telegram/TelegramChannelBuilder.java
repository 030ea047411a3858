package dev.interviewagent.telegram;

import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.channel.ChannelInbox;
import dev.interviewagent.core.channel.SpeechTranscriber;
import dev.interviewagent.core.channel.TranscriptQuality;
import dev.interviewagent.core.resilience.RetryPolicy;
import dev.interviewagent.core.resilience.Sleeper;
import dev.interviewagent.telegram.internal.BotAddress;
import dev.interviewagent.telegram.internal.WebhookSecret;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import org.jspecify.annotations.Nullable;

/**
 * Builds a {@link TelegramChannel} ({@link TelegramChannel#builder}). Setters validate at once; not thread-safe.
 */
public final class TelegramChannelBuilder {

    /** The longest back-off between two attempts of a Bot API call. */
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    // read by TelegramChannel's constructor
    final String token;
    final InterviewEngine engine;
    String apiUrl = TelegramChannel.DEFAULT_API_URL;
    SpeechTranscriber transcriber = SpeechTranscriber.NONE;
    SpeechSynthesizer synthesizer = SpeechSynthesizer.NONE;
    double highConfidence = TranscriptQuality.DEFAULT_HIGH;
    double mediumConfidence = TranscriptQuality.DEFAULT_MEDIUM;
    Set<Long> adminIds = Set.of();
    boolean privateChatsOnly = true;
    @Nullable ExecutorService executor;
    Clock clock = Clock.systemUTC();
    Sleeper sleeper = Sleeper.SYSTEM;
    int maxAttempts = TelegramChannel.DEFAULT_MAX_ATTEMPTS;
    Duration initialBackoff = TelegramChannel.DEFAULT_INITIAL_BACKOFF;
    Duration maxRetryAfter = TelegramChannel.DEFAULT_MAX_RETRY_AFTER;
    @Nullable RespondentData respondentData;
    @Nullable ScheduledExecutorService scheduler;
    ChannelInbox inbox = ChannelInbox.inMemory();
    @Nullable WebhookSecret webhookSecret;
    @Nullable String webhookUrl;

    TelegramChannelBuilder(String token, InterviewEngine engine) {
        Objects.requireNonNull(token, "token");
        if (token.isBlank()) {
            throw new IllegalArgumentException("token must not be blank");
        }
        this.token = token;
        this.engine = Objects.requireNonNull(engine, "engine");
    }

    /**
     * The Bot API server, {@code scheme://host[:port]} without a path. Default {@link TelegramChannel#DEFAULT_API_URL}; set it
     * for a self-hosted Bot API server.
     *
     * @throws IllegalArgumentException if it is not an http(s) URL without a path
     */
    public TelegramChannelBuilder apiUrl(String apiUrl) {
        BotAddress.apiUrl(Objects.requireNonNull(apiUrl, "apiUrl"));
        this.apiUrl = apiUrl;
        return this;
    }

    /** How voice messages and audio files are transcribed. Default {@link SpeechTranscriber#NONE} (voice off). */
    public TelegramChannelBuilder transcriber(SpeechTranscriber transcriber) {
        this.transcriber = Objects.requireNonNull(transcriber, "transcriber");
        return this;
    }

    /** Voice replies: each question is also sent as a voice message. Default {@link SpeechSynthesizer#NONE}. */
    public TelegramChannelBuilder synthesizer(SpeechSynthesizer synthesizer) {
        this.synthesizer = Objects.requireNonNull(synthesizer, "synthesizer");
        return this;
    }

    /**
     * Transcript confidence bounds: at or above {@code high} the answer goes straight on, below {@code medium}
     * the respondent confirms. Defaults 0.85 and 0.6.
     *
     * @throws IllegalArgumentException unless 0 ≤ medium ≤ high ≤ 1
     */
    public TelegramChannelBuilder qualityTiers(double high, double medium) {
        if (!(0 <= medium && medium <= high && high <= 1)) {
            throw new IllegalArgumentException("need 0 <= medium <= high <= 1, was high=" + high + " medium="
                    + medium);
        }
        this.highConfidence = high;
        this.mediumConfidence = medium;
        return this;
    }

    /** Telegram user ids allowed to use {@code /metrics}. Default none. */
    public TelegramChannelBuilder adminIds(Set<Long> adminIds) {
        this.adminIds = Set.copyOf(Objects.requireNonNull(adminIds, "adminIds"));
        return this;
    }

    /**
     * Whether the bot answers only in private chats (groups are ignored). Default true. In groups each member
     * has an interview of their own (channel key {@code telegram:<chatId>:<userId>}).
     */
    public TelegramChannelBuilder privateChatsOnly(boolean privateChatsOnly) {
        this.privateChatsOnly = privateChatsOnly;
        return this;
    }

    /**
     * The executor that handles chats (should be bounded). Default: a fixed pool of
     * {@link TelegramChannel#DEFAULT_PARALLELISM} daemon threads, shut down on close; a given executor is left running.
     */
    public TelegramChannelBuilder executor(ExecutorService executor) {
        this.executor = Objects.requireNonNull(executor, "executor");
        return this;
    }

    public TelegramChannelBuilder clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /**
     * How the channel's own blocking retry waits are done (start-up calls, file downloads, storing a polled
     * update). Default {@link Sleeper#SYSTEM}, the SDK's one way to wait. Chat messages wait on the
     * {@link #scheduler} instead.
     */
    public TelegramChannelBuilder sleeper(Sleeper sleeper) {
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        return this;
    }

    /**
     * Attempts per Bot API call (first included). Default {@link TelegramChannel#DEFAULT_MAX_ATTEMPTS}.
     *
     * @throws IllegalArgumentException if below 1
     */
    public TelegramChannelBuilder maxAttempts(int maxAttempts) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be >= 1, was " + maxAttempts);
        }
        this.maxAttempts = maxAttempts;
        return this;
    }

    /**
     * First backoff after a network error or 5xx (doubling). Default {@link TelegramChannel#DEFAULT_INITIAL_BACKOFF}.
     *
     * @throws IllegalArgumentException if negative
     */
    public TelegramChannelBuilder initialBackoff(Duration initialBackoff) {
        if (Objects.requireNonNull(initialBackoff, "initialBackoff").isNegative()) {
            throw new IllegalArgumentException("initialBackoff must be >= 0, was " + initialBackoff);
        }
        this.initialBackoff = initialBackoff;
        return this;
    }

    /**
     * Longest {@code retry_after} honoured; a longer one fails the call with {@code rate_limited}. Default
     * {@link TelegramChannel#DEFAULT_MAX_RETRY_AFTER}.
     *
     * @throws IllegalArgumentException if negative
     */
    public TelegramChannelBuilder maxRetryAfter(Duration maxRetryAfter) {
        if (Objects.requireNonNull(maxRetryAfter, "maxRetryAfter").isNegative()) {
            throw new IllegalArgumentException("maxRetryAfter must be >= 0, was " + maxRetryAfter);
        }
        this.maxRetryAfter = maxRetryAfter;
        return this;
    }

    /**
     * Where {@code /delete_my_data} exports and deletes a respondent's data by channel key (for example
     * sdk-persistence's {@code PrivacyOperations}). Default: the interviews the channel knows for the chat,
     * through the engine.
     */
    public TelegramChannelBuilder respondentData(RespondentData respondentData) {
        this.respondentData = Objects.requireNonNull(respondentData, "respondentData");
        return this;
    }

    /**
     * Times the retries of chat messages (a 429's {@code retry_after}, backoffs) and the typing indicator's
     * repeats, so that no thread of the chat executor waits. Its tasks are short. Default: one daemon thread,
     * shut down on close; a given scheduler is left running.
     */
    public TelegramChannelBuilder scheduler(ScheduledExecutorService scheduler) {
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        return this;
    }

    /**
     * Where updates are kept from receipt until handled, and de-duplicated: sdk-persistence's
     * {@code JdbcChannelInbox} for updates that survive a crash or a deploy. Default
     * {@link ChannelInbox#inMemory()} (development and tests: a crash loses the updates being handled).
     */
    public TelegramChannelBuilder inbox(ChannelInbox inbox) {
        this.inbox = Objects.requireNonNull(inbox, "inbox");
        return this;
    }

    /**
     * The webhook's secret token: registered with {@code setWebhook} and required in the
     * {@value TelegramChannel#WEBHOOK_SECRET_HEADER} header of every request {@link TelegramChannel#onWebhook}
     * takes. Use a random value (for example 32 bytes, base64url) and keep it out of logs and URLs.
     *
     * @throws IllegalArgumentException unless it is 1–256 characters of {@code A-Z a-z 0-9 _ -} (Telegram's
     *                                  format; the message does not repeat the value)
     */
    public TelegramChannelBuilder webhookSecret(String webhookSecret) {
        this.webhookSecret = WebhookSecret.of(webhookSecret);
        return this;
    }

    /**
     * Webhook mode: {@link TelegramChannel#start()} registers this URL ({@code setWebhook}, with the
     * {@link #webhookSecret}) instead of long polling; the host's endpoint passes requests to
     * {@link TelegramChannel#onWebhook}. Requires {@link #webhookSecret}.
     *
     * @throws IllegalArgumentException unless it is an absolute http(s) URL
     */
    public TelegramChannelBuilder webhookUrl(String webhookUrl) {
        Objects.requireNonNull(webhookUrl, "webhookUrl");
        URI uri;
        try {
            uri = URI.create(webhookUrl);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("webhookUrl is not a URL", e);
        }
        if (uri.getHost() == null || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
            throw new IllegalArgumentException("webhookUrl must be an absolute http(s) URL");
        }
        this.webhookUrl = webhookUrl;
        return this;
    }

    /**
     * The channel; nothing runs until {@link TelegramChannel#start()} or {@link TelegramChannel#onWebhook}.
     *
     * @throws IllegalStateException if a {@link #webhookUrl} is set without a {@link #webhookSecret}
     */
    public TelegramChannel build() {
        if (webhookUrl != null && webhookSecret == null) {
            throw new IllegalStateException("webhook mode needs webhookSecret(...): Telegram sends it in "
                    + TelegramChannel.WEBHOOK_SECRET_HEADER + " so the channel can refuse forged updates");
        }
        return new TelegramChannel(this);
    }

    /** Doubling waits from the initial back-off up to 30 s, {@code retry_after} honoured up to its limit. */
    RetryPolicy retryPolicy() {
        Duration cap = initialBackoff.compareTo(MAX_BACKOFF) > 0 ? initialBackoff : MAX_BACKOFF;
        return new RetryPolicy(maxAttempts, initialBackoff, 2.0, cap, maxRetryAfter, false);
    }

    @Override
    public String toString() {
        return "TelegramChannelBuilder{token=<masked>, apiUrl=" + apiUrl + ", admins=" + adminIds.size()
                + ", privateChatsOnly=" + privateChatsOnly + ", webhook=" + (webhookUrl != null)
                + ", webhookSecret=" + (webhookSecret == null ? "none" : "<masked>") + ", inbox=" + inbox + "}";
    }
}
