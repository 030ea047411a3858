package dev.interviewagent.telegram;

import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.channel.ChannelAdapter;
import dev.interviewagent.core.channel.ChannelBridge;
import dev.interviewagent.core.channel.SpeechTranscriber;
import dev.interviewagent.core.channel.TranscriptQuality;
import dev.interviewagent.telegram.internal.ChatFlow;
import dev.interviewagent.telegram.internal.KeyedSerialExecutor;
import dev.interviewagent.telegram.internal.RecentIds;
import dev.interviewagent.telegram.internal.TelegramAdapter;
import dev.interviewagent.telegram.internal.TelegramApi;
import dev.interviewagent.telegram.internal.UiText;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.longpolling.BotSession;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.longpolling.util.DefaultGetUpdatesGenerator;
import org.telegram.telegrambots.longpolling.util.ExponentialBackOff;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.methods.updates.DeleteWebhook;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScopeChat;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScopeDefault;

/**
 * Carries interviews over a Telegram bot: the facade of sdk-telegram. A host builds it with the bot token and an
 * {@link InterviewEngine}, then either calls {@link #start()} (long polling) or feeds the updates its own webhook
 * endpoint receives to {@link #onUpdate(Update)} after {@link #setWebhook(String, String)}.
 *
 * <pre>{@code
 * try (TelegramChannel channel = TelegramChannel.builder(System.getenv("TELEGRAM_BOT_TOKEN"), engine).build()) {
 *     channel.start();          // long polling until close()
 *     ...
 * }
 * }</pre>
 *
 * <p>Updates of one chat are handled one after another in arrival order; different chats run in parallel on the
 * executor. A repeated {@code update_id} is handled once (a bounded memory of recent ids, and the engine's
 * idempotency by message id {@code tg-<update_id>} behind it). Telegram's 429 waits {@code retry_after}; network
 * errors and 5xx are retried with exponential backoff. Thread-safe. The token and message texts are never logged.
 */
public final class TelegramChannel implements AutoCloseable {

    /** The public Bot API server. */
    public static final String DEFAULT_API_URL = "https://api.telegram.org";
    /** Default number of threads handling chats in parallel. */
    public static final int DEFAULT_PARALLELISM = Math.max(4, Runtime.getRuntime().availableProcessors() * 2);
    /** Default attempts per Bot API call (the first one included). */
    public static final int DEFAULT_MAX_ATTEMPTS = 5;
    /** Default first backoff after a network error or 5xx; doubles each attempt. */
    public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofMillis(500);
    /** Default longest {@code retry_after} the channel waits for; a longer one fails the call. */
    public static final Duration DEFAULT_MAX_RETRY_AFTER = Duration.ofSeconds(60);
    /** How many recent update ids are remembered to drop redeliveries. */
    public static final int DEFAULT_DEDUPLICATION_WINDOW = 10_000;

    private static final Logger log = LoggerFactory.getLogger(TelegramChannel.class);

    /** How the channel waits before a retry; {@link #SYSTEM} sleeps. Tests pass one that records. */
    @FunctionalInterface
    public interface Sleeper {
        /** Sleeps the current thread; the default implementation. */
        Sleeper SYSTEM = duration -> TimeUnit.NANOSECONDS.sleep(duration.toNanos());

        /** Waits {@code duration}. */
        void sleep(Duration duration) throws InterruptedException;
    }

    private final String token;
    private final TelegramUrl url;
    private final InterviewEngine engine;
    private final OkHttpClient http;
    private final TelegramApi api;
    private final TelegramAdapter adapter;
    private final ChatFlow flow;
    private final KeyedSerialExecutor lanes;
    private final RecentIds recent;
    private final ExecutorService executor;
    private final boolean ownsExecutor;
    private final ScheduledExecutorService scheduler;
    private final Set<Long> adminIds;
    private @Nullable TelegramBotsLongPollingApplication polling;

    private TelegramChannel(Builder b) {
        this.token = b.token;
        this.url = toTelegramUrl(b.apiUrl);
        this.engine = b.engine;
        this.adminIds = Set.copyOf(b.adminIds);
        this.http = new OkHttpClient.Builder().connectTimeout(Duration.ofSeconds(10))
                .readTimeout(Duration.ofSeconds(75)).writeTimeout(Duration.ofSeconds(30)).build();
        OkHttpTelegramClient client = new OkHttpTelegramClient(http, token, url);
        Sleeper sleeper = b.sleeper;
        this.api = new TelegramApi(client, http, url, token, sleeper::sleep, b.maxAttempts, b.initialBackoff,
                b.maxRetryAfter);
        this.ownsExecutor = b.executor == null;
        this.executor = b.executor != null ? b.executor : Executors.newFixedThreadPool(DEFAULT_PARALLELISM,
                daemonThreads("telegram-chat-"));
        this.scheduler = Executors.newSingleThreadScheduledExecutor(daemonThreads("telegram-typing-"));
        ChatFlow[] flowRef = new ChatFlow[1];
        this.adapter = new TelegramAdapter(api, conversation -> flowRef[0] == null ? Language.ENGLISH
                : flowRef[0].languageOf(conversation), b.synthesizer, b.clock);
        ChannelBridge bridge = ChannelBridge.builder(engine, adapter).transcriber(b.transcriber)
                .qualityTiers(b.highConfidence, b.mediumConfidence).clock(b.clock).build();
        this.flow = new ChatFlow(engine, bridge, adapter, api, adminIds, b.privateChatsOnly,
                b.transcriber != SpeechTranscriber.NONE, scheduler, b.respondentData);
        flowRef[0] = flow;
        this.lanes = new KeyedSerialExecutor(executor);
        this.recent = new RecentIds(DEFAULT_DEDUPLICATION_WINDOW);
    }

    /**
     * A builder for a bot with this token, carrying interviews of this engine.
     *
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the token is blank
     */
    public static Builder builder(String token, InterviewEngine engine) {
        return new Builder(token, engine);
    }

    /**
     * Sets the bot's command menu per language and starts long polling. Returns at once; updates are handled on
     * the executor until {@link #close()}.
     *
     * @throws IllegalStateException if polling has already started or the Bot API cannot be reached
     */
    public synchronized void start() {
        if (polling != null) {
            throw new IllegalStateException("already started");
        }
        registerCommands();
        TelegramBotsLongPollingApplication app = new TelegramBotsLongPollingApplication(
                com.fasterxml.jackson.databind.ObjectMapper::new, () -> http,
                Executors::newSingleThreadScheduledExecutor, ExponentialBackOff::new);
        try {
            BotSession session = app.registerBot(token, () -> url, new DefaultGetUpdatesGenerator(), this::onUpdates);
            log.info("Telegram long polling started ({})", session.isRunning() ? "running" : "starting");
        } catch (Exception e) {
            closeQuietly(app);
            throw new IllegalStateException("could not start long polling: " + e.getClass().getSimpleName(), e);
        }
        polling = app;
    }

    /**
     * Sets the command menus ({@code setMyCommands}) in every supported language, plus {@code /metrics} for each
     * admin's private chat. {@link #start()} calls it; webhook hosts call it once themselves.
     */
    public void registerCommands() {
        for (Language language : Language.values()) {
            SetMyCommands.SetMyCommandsBuilder<?, ?> commands = SetMyCommands.builder()
                    .commands(commands(language, false)).scope(new BotCommandScopeDefault());
            if (language != Language.ENGLISH) {
                commands.languageCode(language.code());
            }
            api.execute(commands.build());
        }
        for (Long admin : adminIds) {
            api.execute(SetMyCommands.builder().commands(commands(Language.ENGLISH, true))
                    .scope(new BotCommandScopeChat(String.valueOf(admin))).build());
        }
    }

    private static List<BotCommand> commands(Language language, boolean admin) {
        List<BotCommand> out = new ArrayList<>();
        for (String name : List.of("start", "status", "complete", "report", "language", "style", "reset", "help",
                "delete_my_data")) {
            out.add(new BotCommand(name, UiText.get(language, "command." + name)));
        }
        if (admin) {
            out.add(new BotCommand("metrics", UiText.get(language, "command.metrics")));
        }
        return out;
    }

    /**
     * Points Telegram at a webhook ({@code setWebhook}); then pass each received update to {@link #onUpdate}.
     * Verify the {@code X-Telegram-Bot-Api-Secret-Token} header of incoming requests against {@code secretToken}.
     *
     * @param secretToken 1–256 characters {@code A-Za-z0-9_-}, or null for none
     */
    public void setWebhook(String webhookUrl, @Nullable String secretToken) {
        Objects.requireNonNull(webhookUrl, "webhookUrl");
        SetWebhook.SetWebhookBuilder<?, ?> request = SetWebhook.builder().url(webhookUrl);
        if (secretToken != null) {
            request.secretToken(secretToken);
        }
        try {
            new OkHttpTelegramClient(http, token, url).execute(request.build());
        } catch (org.telegram.telegrambots.meta.exceptions.TelegramApiException e) {
            throw new IllegalStateException("setWebhook failed: " + e.getClass().getSimpleName(), e);
        }
    }

    /** Removes the webhook ({@code deleteWebhook}), e.g. before switching back to long polling. */
    public void deleteWebhook() {
        api.execute(DeleteWebhook.builder().build());
    }

    /**
     * Accepts updates (from long polling or a webhook) for handling. Returns at once: each update is queued on its
     * chat's lane. Updates without a chat, and repeated update ids, are dropped.
     */
    public void onUpdates(List<Update> updates) {
        for (Update update : updates) {
            onUpdate(update);
        }
    }

    /** Accepts one update; see {@link #onUpdates(List)}. Never throws for a bad update. */
    public void onUpdate(Update update) {
        Objects.requireNonNull(update, "update");
        if (update.getUpdateId() == null || !recent.firstTime(update.getUpdateId())) {
            log.debug("update {} dropped as a repeat", update.getUpdateId());
            return;
        }
        Optional<Long> chat = ChatFlow.chatOf(update);
        if (chat.isEmpty()) {
            return;
        }
        lanes.submit(String.valueOf(chat.get()), () -> flow.handle(update));
    }

    /**
     * Waits until every accepted update has been handled (for graceful shutdown and tests).
     *
     * @return false if {@code timeout} passed first
     */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        return lanes.awaitIdle(timeout);
    }

    /** The channel adapter that renders interview events into this bot's chats (conversation = chat id). */
    public ChannelAdapter adapter() {
        return adapter;
    }

    /** The engine this channel carries interviews of. */
    public InterviewEngine engine() {
        return engine;
    }

    /** Stops polling, waits briefly for running updates and releases threads the channel created. Idempotent. */
    @Override
    public synchronized void close() {
        if (polling != null) {
            closeQuietly(polling);
            polling = null;
        }
        try {
            lanes.awaitIdle(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        scheduler.shutdownNow();
        if (ownsExecutor) {
            executor.shutdown();
        }
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    private static void closeQuietly(TelegramBotsLongPollingApplication app) {
        try {
            app.close();
        } catch (Exception e) {
            log.debug("closing long polling failed: {}", e.getClass().getSimpleName());
        }
    }

    private static java.util.concurrent.ThreadFactory daemonThreads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    static TelegramUrl toTelegramUrl(String apiUrl) {
        URI uri = URI.create(apiUrl);
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new IllegalArgumentException("apiUrl must be http(s)://host[:port], was " + apiUrl);
        }
        if (uri.getPath() != null && !uri.getPath().isEmpty() && !uri.getPath().equals("/")) {
            throw new IllegalArgumentException("apiUrl must not have a path (telegrambots adds /bot<token>/), was "
                    + apiUrl);
        }
        int port = uri.getPort() > 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        return new TelegramUrl(scheme, uri.getHost(), port, false);
    }

    /** Builds a {@link TelegramChannel}. Setters validate at once; not thread-safe. */
    public static final class Builder {
        private final String token;
        private final InterviewEngine engine;
        private String apiUrl = DEFAULT_API_URL;
        private SpeechTranscriber transcriber = SpeechTranscriber.NONE;
        private SpeechSynthesizer synthesizer = SpeechSynthesizer.NONE;
        private double highConfidence = TranscriptQuality.DEFAULT_HIGH;
        private double mediumConfidence = TranscriptQuality.DEFAULT_MEDIUM;
        private Set<Long> adminIds = Set.of();
        private boolean privateChatsOnly = true;
        private @Nullable ExecutorService executor;
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.SYSTEM;
        private int maxAttempts = DEFAULT_MAX_ATTEMPTS;
        private Duration initialBackoff = DEFAULT_INITIAL_BACKOFF;
        private Duration maxRetryAfter = DEFAULT_MAX_RETRY_AFTER;
        private @Nullable RespondentData respondentData;

        private Builder(String token, InterviewEngine engine) {
            Objects.requireNonNull(token, "token");
            if (token.isBlank()) {
                throw new IllegalArgumentException("token must not be blank");
            }
            this.token = token;
            this.engine = Objects.requireNonNull(engine, "engine");
        }

        /**
         * The Bot API server, {@code scheme://host[:port]} without a path. Default {@link #DEFAULT_API_URL}; set it
         * for a self-hosted Bot API server.
         *
         * @throws IllegalArgumentException if it is not an http(s) URL without a path
         */
        public Builder apiUrl(String apiUrl) {
            toTelegramUrl(Objects.requireNonNull(apiUrl, "apiUrl"));
            this.apiUrl = apiUrl;
            return this;
        }

        /** How voice messages and audio files are transcribed. Default {@link SpeechTranscriber#NONE} (voice off). */
        public Builder transcriber(SpeechTranscriber transcriber) {
            this.transcriber = Objects.requireNonNull(transcriber, "transcriber");
            return this;
        }

        /** Voice replies: each question is also sent as a voice message. Default {@link SpeechSynthesizer#NONE}. */
        public Builder synthesizer(SpeechSynthesizer synthesizer) {
            this.synthesizer = Objects.requireNonNull(synthesizer, "synthesizer");
            return this;
        }

        /**
         * Transcript confidence bounds: at or above {@code high} the answer goes straight on, below {@code medium}
         * the respondent confirms. Defaults 0.85 and 0.6.
         *
         * @throws IllegalArgumentException unless 0 ≤ medium ≤ high ≤ 1
         */
        public Builder qualityTiers(double high, double medium) {
            if (!(0 <= medium && medium <= high && high <= 1)) {
                throw new IllegalArgumentException("need 0 <= medium <= high <= 1, was high=" + high + " medium="
                        + medium);
            }
            this.highConfidence = high;
            this.mediumConfidence = medium;
            return this;
        }

        /** Telegram user ids allowed to use {@code /metrics}. Default none. */
        public Builder adminIds(Set<Long> adminIds) {
            this.adminIds = Set.copyOf(Objects.requireNonNull(adminIds, "adminIds"));
            return this;
        }

        /** Whether the bot answers only in private chats (groups are ignored). Default true. */
        public Builder privateChatsOnly(boolean privateChatsOnly) {
            this.privateChatsOnly = privateChatsOnly;
            return this;
        }

        /**
         * The executor that handles chats (should be bounded). Default: a fixed pool of
         * {@link #DEFAULT_PARALLELISM} daemon threads, shut down on close; a given executor is left running.
         */
        public Builder executor(ExecutorService executor) {
            this.executor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** How retry waits are done. Default {@link Sleeper#SYSTEM}. */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /**
         * Attempts per Bot API call (first included). Default {@link #DEFAULT_MAX_ATTEMPTS}.
         *
         * @throws IllegalArgumentException if below 1
         */
        public Builder maxAttempts(int maxAttempts) {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be >= 1, was " + maxAttempts);
            }
            this.maxAttempts = maxAttempts;
            return this;
        }

        /**
         * First backoff after a network error or 5xx (doubling). Default {@link #DEFAULT_INITIAL_BACKOFF}.
         *
         * @throws IllegalArgumentException if negative
         */
        public Builder initialBackoff(Duration initialBackoff) {
            if (Objects.requireNonNull(initialBackoff, "initialBackoff").isNegative()) {
                throw new IllegalArgumentException("initialBackoff must be >= 0, was " + initialBackoff);
            }
            this.initialBackoff = initialBackoff;
            return this;
        }

        /**
         * Longest {@code retry_after} honoured; a longer one fails the call with {@code rate_limited}. Default
         * {@link #DEFAULT_MAX_RETRY_AFTER}.
         *
         * @throws IllegalArgumentException if negative
         */
        public Builder maxRetryAfter(Duration maxRetryAfter) {
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
        public Builder respondentData(RespondentData respondentData) {
            this.respondentData = Objects.requireNonNull(respondentData, "respondentData");
            return this;
        }

        /** The channel; nothing runs until {@link TelegramChannel#start()} or {@link TelegramChannel#onUpdate}. */
        public TelegramChannel build() {
            return new TelegramChannel(this);
        }

        @Override
        public String toString() {
            return "TelegramChannel.Builder{token=<masked>, apiUrl=" + apiUrl + ", admins=" + adminIds.size()
                    + ", privateChatsOnly=" + privateChatsOnly + "}";
        }
    }
}
