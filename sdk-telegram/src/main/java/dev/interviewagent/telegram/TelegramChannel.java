package dev.interviewagent.telegram;

import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.channel.ChannelAdapter;
import dev.interviewagent.core.channel.ChannelBridge;
import dev.interviewagent.core.channel.ChannelInbox;
import dev.interviewagent.core.channel.SpeechTranscriber;
import dev.interviewagent.core.channel.TranscriptQuality;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interviewagent.telegram.internal.ChatFlow;
import dev.interviewagent.telegram.internal.ChatOutbox;
import dev.interviewagent.telegram.internal.Conversations;
import dev.interviewagent.telegram.internal.KeyedSerialExecutor;
import dev.interviewagent.telegram.internal.LenientGetUpdates;
import dev.interviewagent.telegram.internal.TelegramAdapter;
import dev.interviewagent.telegram.internal.TelegramApi;
import dev.interviewagent.telegram.internal.UiText;
import dev.interviewagent.telegram.internal.WebhookSecret;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.longpolling.BotSession;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
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
 * {@link InterviewEngine} and calls {@link #start()}: it long-polls, or, with a {@link Builder#webhookUrl webhook
 * URL}, registers the webhook, and the host passes every request its endpoint receives to {@link #onWebhook}.
 *
 * <pre>{@code
 * try (TelegramChannel channel = TelegramChannel.builder(System.getenv("TELEGRAM_BOT_TOKEN"), engine)
 *         .inbox(JdbcChannelInbox.of(store))      // sdk-persistence: updates survive a crash
 *         .build()) {
 *     channel.start();          // long polling until close()
 *     ...
 * }
 * }</pre>
 *
 * <p><b>Authenticity.</b> A webhook request is handled only if it carries the secret given to
 * {@link Builder#webhookSecret} in {@value #WEBHOOK_SECRET_HEADER} (constant-time comparison); webhook mode cannot
 * be configured without one. Anything else is refused before it is parsed.
 *
 * <p><b>Durability.</b> Every update is stored in the {@link Builder#inbox inbox} before it is acknowledged (before
 * the long-polling offset moves past it, before the webhook answers 200) and marked done once it was handled and its
 * replies were sent; {@link #start()} replays what is still pending. The inbox is also the de-duplication of
 * redelivered {@code update_id}s, and the engine's idempotency by message id ({@code tg-<update_id>}) makes a replay
 * store an answer once.
 *
 * <p>Updates of one conversation (a private chat, or one member of a group: {@code telegram:<chatId>:<userId>}) are
 * handled one after another in arrival order; different conversations run in parallel on the executor. Messages to
 * a chat are sent in order; Telegram's 429 waits {@code retry_after} and network errors and 5xx back off
 * exponentially, on a timer, never on a thread of the shared pool. Thread-safe. The token, the webhook secret and
 * message texts are never logged.
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
    /** The header Telegram sends the webhook's secret token in. */
    public static final String WEBHOOK_SECRET_HEADER = WebhookSecret.HEADER;
    /** Largest webhook request body accepted, in bytes (an update is a few kilobytes). */
    public static final int MAX_WEBHOOK_BODY_BYTES = ChannelInbox.MAX_PAYLOAD_LENGTH;

    private static final Logger log = LoggerFactory.getLogger(TelegramChannel.class);

    /**
     * How the channel waits before retrying a call it makes on its own thread (start-up calls, file downloads, and
     * storing a polled update while the inbox is unavailable); {@link #SYSTEM} sleeps. Chat messages are retried on
     * the {@link Builder#scheduler scheduler} instead. Tests pass one that records.
     */
    @FunctionalInterface
    public interface Sleeper {
        /** Sleeps the current thread; the default implementation. */
        Sleeper SYSTEM = duration -> TimeUnit.NANOSECONDS.sleep(duration.toNanos());

        /** Waits {@code duration}. */
        void sleep(Duration duration) throws InterruptedException;
    }

    private static final Pattern BOT_ID = Pattern.compile("(\\d{1,20}):.+");
    private static final Duration MAX_STORE_BACKOFF = Duration.ofSeconds(30);

    private final String token;
    private final TelegramUrl url;
    private final InterviewEngine engine;
    private final OkHttpClient http;
    private final TelegramApi api;
    private final ChatOutbox outbox;
    private final TelegramAdapter adapter;
    private final ChatFlow flow;
    private final KeyedSerialExecutor lanes;
    private final ExecutorService executor;
    private final boolean ownsExecutor;
    private final ScheduledExecutorService scheduler;
    private final boolean ownsScheduler;
    private final Set<Long> adminIds;
    private final boolean privateChatsOnly;
    private final ChannelInbox inbox;
    private final String inboxScope;
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final @Nullable WebhookSecret webhookSecret;
    private final @Nullable String webhookUrl;
    private final Sleeper sleeper;
    private final Duration initialBackoff;
    private final ObjectMapper json = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private volatile boolean closed;
    private boolean started;
    private @Nullable TelegramBotsLongPollingApplication polling;

    private TelegramChannel(Builder b) {
        this.token = b.token;
        this.url = toTelegramUrl(b.apiUrl);
        this.engine = b.engine;
        this.adminIds = Set.copyOf(b.adminIds);
        this.privateChatsOnly = b.privateChatsOnly;
        this.inbox = b.inbox;
        this.inboxScope = inboxScope(b.token);
        this.webhookSecret = b.webhookSecret;
        this.webhookUrl = b.webhookUrl;
        this.sleeper = b.sleeper;
        this.initialBackoff = b.initialBackoff;
        this.http = new OkHttpClient.Builder().connectTimeout(Duration.ofSeconds(10))
                .readTimeout(Duration.ofSeconds(75)).writeTimeout(Duration.ofSeconds(30)).build();
        OkHttpTelegramClient client = new OkHttpTelegramClient(http, token, url);
        this.api = new TelegramApi(client, http, url, token, b.sleeper::sleep, b.maxAttempts, b.initialBackoff,
                b.maxRetryAfter);
        this.ownsExecutor = b.executor == null;
        this.executor = b.executor != null ? b.executor : Executors.newFixedThreadPool(DEFAULT_PARALLELISM,
                daemonThreads("telegram-chat-"));
        this.ownsScheduler = b.scheduler == null;
        this.scheduler = b.scheduler != null ? b.scheduler
                : Executors.newSingleThreadScheduledExecutor(daemonThreads("telegram-timer-"));
        this.outbox = new ChatOutbox(api, executor,
                (delay, task) -> scheduler.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS));
        ChatFlow[] flowRef = new ChatFlow[1];
        this.adapter = new TelegramAdapter(api, outbox, conversation -> flowRef[0] == null ? Language.ENGLISH
                : flowRef[0].languageOf(conversation), b.synthesizer, b.clock);
        ChannelBridge bridge = ChannelBridge.builder(engine, adapter).transcriber(b.transcriber)
                .qualityTiers(b.highConfidence, b.mediumConfidence).clock(b.clock).build();
        this.flow = new ChatFlow(engine, bridge, adapter, api, outbox, adminIds, b.privateChatsOnly,
                b.transcriber != SpeechTranscriber.NONE, scheduler, b.respondentData);
        flowRef[0] = flow;
        outbox.onFailure(flow::notifyFailure);
        this.lanes = new KeyedSerialExecutor(executor);
    }

    /** {@code telegram:<botId>}: update ids are unique per bot. The token's secret part never leaves the process. */
    private static String inboxScope(String token) {
        var matcher = BOT_ID.matcher(token);
        if (matcher.matches()) {
            return "telegram:" + matcher.group(1);
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return "telegram:" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
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
     * Sets the bot's command menu per language, replays the updates the inbox still holds from before the last stop,
     * then either registers the webhook ({@code setWebhook} with the secret token, when a
     * {@link Builder#webhookUrl webhook URL} is set) or starts long polling. Returns at once; updates are handled on
     * the executor until {@link #close()}.
     *
     * @throws IllegalStateException if the channel has already started or is closed, the inbox cannot be read, or
     *                               the Bot API cannot be reached
     */
    public synchronized void start() {
        if (started || closed) {
            throw new IllegalStateException(closed ? "closed" : "already started");
        }
        registerCommands();
        int replayed = replay();
        if (webhookUrl != null) {
            registerWebhook(webhookUrl, Objects.requireNonNull(webhookSecret, "webhookSecret"));
            started = true;
            log.info("Telegram webhook registered ({} pending updates replayed)", replayed);
            return;
        }
        TelegramBotsLongPollingApplication app = new TelegramBotsLongPollingApplication(
                ObjectMapper::new, () -> http,
                Executors::newSingleThreadScheduledExecutor, ExponentialBackOff::new);
        try {
            BotSession session = app.registerBot(token, () -> url, LenientGetUpdates.GENERATOR, this::onPolled);
            log.info("Telegram long polling started ({}; {} pending updates replayed)",
                    session.isRunning() ? "running" : "starting", replayed);
        } catch (Exception e) {
            closeQuietly(app);
            throw new IllegalStateException("could not start long polling: " + e.getClass().getSimpleName(), e);
        }
        polling = app;
        started = true;
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

    private void registerWebhook(String webhookUrl, WebhookSecret secret) {
        SetWebhook request = SetWebhook.builder().url(webhookUrl).secretToken(secret.value()).build();
        try {
            new OkHttpTelegramClient(http, token, url).execute(request);
        } catch (org.telegram.telegrambots.meta.exceptions.TelegramApiException e) {
            throw new IllegalStateException("setWebhook failed: " + e.getClass().getSimpleName(), e);
        }
    }

    /** Removes the webhook ({@code deleteWebhook}), e.g. before switching back to long polling. */
    public void deleteWebhook() {
        api.execute(DeleteWebhook.builder().build());
    }

    /**
     * Takes one webhook request: checks the {@value #WEBHOOK_SECRET_HEADER} header against the
     * {@link Builder#webhookSecret secret} (constant-time), then parses the update, stores it in the inbox and
     * queues it on its conversation's lane. Returns once the update is stored (before it is handled); answer the
     * request with {@link WebhookResult#httpStatus()}. A request that fails the check is refused before anything
     * else: nothing is parsed, stored, executed or sent.
     *
     * @param headers the request's headers (names in any case), e.g. a servlet's or the JDK server's
     * @param body    the request body as received (at most {@link #MAX_WEBHOOK_BODY_BYTES})
     * @throws IllegalStateException if no webhook secret was configured (the builder's
     *                               {@link Builder#webhookSecret})
     */
    public WebhookResult onWebhook(Map<String, ? extends List<String>> headers, byte[] body) {
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(body, "body");
        WebhookSecret secret = webhookSecret;
        if (secret == null) {
            throw new IllegalStateException("onWebhook needs TelegramChannel.Builder.webhookSecret(...): without it "
                    + "anyone who finds the URL could post updates");
        }
        if (!secret.matches(headers)) {
            log.debug("webhook request refused: missing or wrong {}", WEBHOOK_SECRET_HEADER);
            return WebhookResult.UNAUTHENTICATED;
        }
        if (body.length > MAX_WEBHOOK_BODY_BYTES) {
            log.debug("webhook request refused: body of {} bytes", body.length);
            return WebhookResult.BAD_REQUEST;
        }
        Update update;
        try {
            update = json.readValue(body, Update.class);
        } catch (IOException e) {
            log.debug("webhook request refused: not an update ({})", e.getClass().getSimpleName());
            return WebhookResult.BAD_REQUEST;
        }
        if (update == null) {
            return WebhookResult.BAD_REQUEST;
        }
        return accept(update, () -> new String(body, StandardCharsets.UTF_8));
    }

    /**
     * Long polling's consumer. telegrambots confirms these updates (moves the offset past them) only on its next
     * {@code getUpdates}, after this returns, so this returns only once every update is stored; while the inbox is
     * unavailable it keeps trying, and nothing is confirmed.
     */
    private void onPolled(List<Update> updates) {
        for (Update update : updates) {
            Duration backoff = initialBackoff.isZero() ? Duration.ofMillis(100) : initialBackoff;
            while (accept(update, () -> serialize(update)) == WebhookResult.UNAVAILABLE) {
                if (closed) {
                    // stops the poller without confirming: Telegram delivers the update again next time
                    throw new IllegalStateException("closed before update " + update.getUpdateId() + " was stored");
                }
                try {
                    sleeper.sleep(backoff);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted before update " + update.getUpdateId()
                            + " was stored", e);
                }
                backoff = backoff.multipliedBy(2).compareTo(MAX_STORE_BACKOFF) > 0 ? MAX_STORE_BACKOFF
                        : backoff.multipliedBy(2);
            }
        }
    }

    private String serialize(Update update) {
        try {
            return json.writeValueAsString(update);
        } catch (IOException e) {
            throw new IllegalArgumentException("update " + update.getUpdateId() + " cannot be written as JSON", e);
        }
    }

    /** Stores an update in the inbox and queues it; every update enters here. */
    private WebhookResult accept(Update update, Supplier<String> payload) {
        if (update.getUpdateId() == null) {
            return WebhookResult.BAD_REQUEST;
        }
        String id = String.valueOf(update.getUpdateId());
        Optional<String> conversation = Conversations.of(update);
        if (conversation.isEmpty() || (privateChatsOnly && !Conversations.isPrivate(update))) {
            log.debug("update {} ignored (no chat, or not a private chat)", id);
            return WebhookResult.ACCEPTED;
        }
        boolean stored;
        try {
            stored = inbox.add(new ChannelInbox.Entry(inboxScope, id, payload.get()));
        } catch (IllegalArgumentException e) {
            log.warn("update {} refused: {}", id, e.getMessage());
            return WebhookResult.BAD_REQUEST;
        } catch (RuntimeException e) {
            log.warn("update {} could not be stored, not acknowledged: {}", id, e.getClass().getSimpleName());
            return WebhookResult.UNAVAILABLE;
        }
        if (!stored) {
            log.debug("update {} dropped as a repeat", id);
            return WebhookResult.DUPLICATE;
        }
        dispatch(update, conversation.get());
        return WebhookResult.ACCEPTED;
    }

    /** Queues a stored update on its conversation's lane; it is marked done once its replies have been sent. */
    private boolean dispatch(Update update, String conversation) {
        String id = String.valueOf(update.getUpdateId());
        if (!inFlight.add(id)) {
            return false;
        }
        lanes.submit(conversation, () -> {
            try {
                flow.handle(update);
            } finally {
                outbox.then(conversation, () -> markDone(id));
            }
        });
        return true;
    }

    private void markDone(String id) {
        try {
            inbox.done(inboxScope, id);
        } catch (RuntimeException e) {
            log.warn("update {} was handled but could not be marked done ({}); it is replayed on the next start",
                    id, e.getClass().getSimpleName());
        } finally {
            inFlight.remove(id);
        }
    }

    /** Queues the updates the inbox holds from before the last stop, oldest first. */
    private int replay() {
        List<ChannelInbox.Entry> pending;
        try {
            pending = inbox.pending(inboxScope);
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot read the inbox: " + e.getClass().getSimpleName(), e);
        }
        int replayed = 0;
        for (ChannelInbox.Entry entry : pending) {
            Update update;
            try {
                update = json.readValue(entry.payload(), Update.class);
            } catch (IOException e) {
                log.warn("stored update {} cannot be read ({}); dropped", entry.id(), e.getClass().getSimpleName());
                markDone(entry.id());
                continue;
            }
            Optional<String> conversation = update == null ? Optional.empty() : Conversations.of(update);
            if (conversation.isEmpty() || update.getUpdateId() == null) {
                markDone(entry.id());
                continue;
            }
            if (dispatch(update, conversation.get())) {
                replayed++;
            }
        }
        if (replayed > 0) {
            log.info("replaying {} updates received before the last stop", replayed);
        }
        return replayed;
    }

    /**
     * Waits until every accepted update has been handled and its messages sent (for graceful shutdown and tests).
     *
     * @return false if {@code timeout} passed first
     */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        do {
            if (!lanes.awaitIdle(Duration.ofNanos(deadline - System.nanoTime()))
                    || !outbox.awaitIdle(Duration.ofNanos(deadline - System.nanoTime()))) {
                return false;
            }
        } while (!lanes.isIdle());
        return true;
    }

    /**
     * The channel adapter that renders interview events into this bot's chats (conversation = chat id, or
     * {@code <chatId>:<userId>} for a group member). {@code send} queues the Bot API calls on the chat's outbox
     * and returns; they are delivered in order ({@link #awaitIdle} waits for them).
     */
    public ChannelAdapter adapter() {
        return adapter;
    }

    /** The engine this channel carries interviews of. */
    public InterviewEngine engine() {
        return engine;
    }

    /**
     * Stops polling, waits briefly (10 s) for running updates and releases threads the channel created. Updates not
     * handled by then stay in the inbox and are replayed by the next {@link #start()}. Idempotent.
     */
    @Override
    public synchronized void close() {
        closed = true;
        if (polling != null) {
            closeQuietly(polling);
            polling = null;
        }
        try {
            if (!awaitIdle(Duration.ofSeconds(10))) {
                log.info("closing with updates still running; they are replayed on the next start");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (ownsScheduler) {
            scheduler.shutdownNow();
        }
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
        private @Nullable ScheduledExecutorService scheduler;
        private ChannelInbox inbox = ChannelInbox.inMemory();
        private @Nullable WebhookSecret webhookSecret;
        private @Nullable String webhookUrl;

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

        /**
         * Whether the bot answers only in private chats (groups are ignored). Default true. In groups each member
         * has an interview of their own (channel key {@code telegram:<chatId>:<userId>}).
         */
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

        /**
         * How the channel's own blocking retry waits are done (start-up calls, file downloads, storing a polled
         * update). Default {@link Sleeper#SYSTEM}. Chat messages wait on the {@link #scheduler} instead.
         */
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

        /**
         * Times the retries of chat messages (a 429's {@code retry_after}, backoffs) and the typing indicator's
         * repeats, so that no thread of the chat executor waits. Its tasks are short. Default: one daemon thread,
         * shut down on close; a given scheduler is left running.
         */
        public Builder scheduler(ScheduledExecutorService scheduler) {
            this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
            return this;
        }

        /**
         * Where updates are kept from receipt until handled, and de-duplicated: sdk-persistence's
         * {@code JdbcChannelInbox} for updates that survive a crash or a deploy. Default
         * {@link ChannelInbox#inMemory()} (development and tests: a crash loses the updates being handled).
         */
        public Builder inbox(ChannelInbox inbox) {
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
        public Builder webhookSecret(String webhookSecret) {
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
        public Builder webhookUrl(String webhookUrl) {
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
                        + WEBHOOK_SECRET_HEADER + " so the channel can refuse forged updates");
            }
            return new TelegramChannel(this);
        }

        @Override
        public String toString() {
            return "TelegramChannel.Builder{token=<masked>, apiUrl=" + apiUrl + ", admins=" + adminIds.size()
                    + ", privateChatsOnly=" + privateChatsOnly + ", webhook=" + (webhookUrl != null)
                    + ", webhookSecret=" + (webhookSecret == null ? "none" : "<masked>") + ", inbox=" + inbox + "}";
        }
    }
}
