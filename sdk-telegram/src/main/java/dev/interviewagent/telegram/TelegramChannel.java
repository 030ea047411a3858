package dev.interviewagent.telegram;

import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.channel.ChannelAdapter;
import dev.interviewagent.core.channel.ChannelBridge;
import dev.interviewagent.core.channel.ChannelInbox;
import dev.interviewagent.core.channel.SpeechTranscriber;
import dev.interviewagent.telegram.internal.BotAddress;
import dev.interviewagent.telegram.internal.BotRegistration;
import dev.interviewagent.telegram.internal.ChatFlow;
import dev.interviewagent.telegram.internal.ChatOutbox;
import dev.interviewagent.telegram.internal.ChatStates;
import dev.interviewagent.telegram.internal.KeyedSerialExecutor;
import dev.interviewagent.telegram.internal.TelegramAdapter;
import dev.interviewagent.telegram.internal.TelegramApi;
import dev.interviewagent.telegram.internal.UpdateIntake;
import dev.interviewagent.telegram.internal.WebhookSecret;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.updates.DeleteWebhook;

/**
 * Carries interviews over a Telegram bot: the facade of sdk-telegram. A host builds it with the bot token and an
 * {@link InterviewEngine} and calls {@link #start()}: it long-polls, or, with a {@link TelegramChannelBuilder#webhookUrl webhook
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
 * {@link TelegramChannelBuilder#webhookSecret} in {@value #WEBHOOK_SECRET_HEADER} (constant-time comparison); webhook mode cannot
 * be configured without one. Anything else is refused before it is parsed.
 *
 * <p><b>Durability.</b> Every update is stored in the {@link TelegramChannelBuilder#inbox inbox} before it is acknowledged (before
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

    private final String token;
    private final TelegramUrl url;
    private final InterviewEngine engine;
    private final OkHttpClient http;
    private final TelegramApi api;
    private final TelegramAdapter adapter;
    private final UpdateIntake intake;
    private final ExecutorService executor;
    private final boolean ownsExecutor;
    private final ScheduledExecutorService scheduler;
    private final boolean ownsScheduler;
    private final Set<Long> adminIds;
    private final @Nullable WebhookSecret webhookSecret;
    private final @Nullable String webhookUrl;
    private volatile boolean closed;
    private boolean started;
    private @Nullable TelegramBotsLongPollingApplication polling;

    TelegramChannel(TelegramChannelBuilder b) {
        this.token = b.token;
        this.url = BotAddress.apiUrl(b.apiUrl);
        this.engine = b.engine;
        this.adminIds = Set.copyOf(b.adminIds);
        this.webhookSecret = b.webhookSecret;
        this.webhookUrl = b.webhookUrl;
        this.http = new OkHttpClient.Builder().connectTimeout(Duration.ofSeconds(10))
                .readTimeout(Duration.ofSeconds(75)).writeTimeout(Duration.ofSeconds(30)).build();
        OkHttpTelegramClient client = new OkHttpTelegramClient(http, token, url);
        this.api = new TelegramApi(client, http, url, token, b.sleeper, b.retryPolicy());
        this.ownsExecutor = b.executor == null;
        this.executor = b.executor != null ? b.executor : Executors.newFixedThreadPool(DEFAULT_PARALLELISM,
                BotRegistration.daemonThreads("telegram-chat-"));
        this.ownsScheduler = b.scheduler == null;
        this.scheduler = b.scheduler != null ? b.scheduler
                : Executors.newSingleThreadScheduledExecutor(BotRegistration.daemonThreads("telegram-timer-"));
        ChatOutbox outbox = new ChatOutbox(api, executor,
                (delay, task) -> scheduler.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS));
        String inboxScope = BotAddress.inboxScope(b.token);
        // the setup state of each chat is kept in the inbox too, so a restart does not lose a setup half done
        ChatStates states = new ChatStates(b.inbox, inboxScope);
        this.adapter = new TelegramAdapter(api, outbox,
                conversation -> states.cachedLanguage(conversation).orElse(Language.ENGLISH), b.synthesizer, b.clock);
        ChannelBridge bridge = ChannelBridge.builder(engine, adapter).transcriber(b.transcriber)
                .qualityTiers(b.highConfidence, b.mediumConfidence).clock(b.clock).build();
        ChatFlow flow = new ChatFlow(engine, bridge, adapter, api, outbox, states, adminIds, b.privateChatsOnly,
                b.transcriber != SpeechTranscriber.NONE, scheduler, b.respondentData);
        outbox.onFailure(flow::notifyFailure);
        this.intake = new UpdateIntake(b.inbox, inboxScope, b.privateChatsOnly, flow, outbox,
                new KeyedSerialExecutor(executor), b.sleeper, b.initialBackoff, () -> closed);
    }

    /**
     * A builder for a bot with this token, carrying interviews of this engine.
     *
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the token is blank
     */
    public static TelegramChannelBuilder builder(String token, InterviewEngine engine) {
        return new TelegramChannelBuilder(token, engine);
    }

    /**
     * Sets the bot's command menu per language, replays the updates the inbox still holds from before the last stop,
     * then either registers the webhook ({@code setWebhook} with the secret token, when a
     * {@link TelegramChannelBuilder#webhookUrl webhook URL} is set) or starts long polling. Returns at once; updates are handled on
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
        int replayed = intake.replay();
        if (webhookUrl != null) {
            BotRegistration.registerWebhook(http, token, url, webhookUrl,
                    Objects.requireNonNull(webhookSecret, "webhookSecret"));
            started = true;
            log.info("Telegram webhook registered ({} pending updates replayed)", replayed);
            return;
        }
        polling = BotRegistration.startPolling(http, token, url, intake, replayed);
        started = true;
    }

    /**
     * Sets the command menus ({@code setMyCommands}) in every supported language, plus {@code /metrics} for each
     * admin's private chat. {@link #start()} calls it; webhook hosts call it once themselves.
     */
    public void registerCommands() {
        BotRegistration.registerCommands(api, adminIds);
    }

    /** Removes the webhook ({@code deleteWebhook}), e.g. before switching back to long polling. */
    public void deleteWebhook() {
        api.execute(DeleteWebhook.builder().build());
    }

    /**
     * Takes one webhook request: checks the {@value #WEBHOOK_SECRET_HEADER} header against the
     * {@link TelegramChannelBuilder#webhookSecret secret} (constant-time), then parses the update, stores it in the inbox and
     * queues it on its conversation's lane. Returns once the update is stored (before it is handled); answer the
     * request with {@link WebhookResult#httpStatus()}. A request that fails the check is refused before anything
     * else: nothing is parsed, stored, executed or sent.
     *
     * @param headers the request's headers (names in any case), e.g. a servlet's or the JDK server's
     * @param body    the request body as received (at most {@link #MAX_WEBHOOK_BODY_BYTES})
     * @throws IllegalStateException if no webhook secret was configured (the builder's
     *                               {@link TelegramChannelBuilder#webhookSecret})
     */
    public WebhookResult onWebhook(Map<String, ? extends List<String>> headers, byte[] body) {
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(body, "body");
        WebhookSecret secret = webhookSecret;
        if (secret == null) {
            throw new IllegalStateException("onWebhook needs TelegramChannelBuilder.webhookSecret(...): without it "
                    + "anyone who finds the URL could post updates");
        }
        return intake.onWebhook(secret, headers, body, MAX_WEBHOOK_BODY_BYTES);
    }

    /**
     * Waits until every accepted update has been handled and its messages sent (for graceful shutdown and tests).
     *
     * @return false if {@code timeout} passed first
     */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        return intake.awaitIdle(timeout);
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
            BotRegistration.closeQuietly(polling);
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
}
