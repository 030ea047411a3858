package dev.interviewagent.telegram.internal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interviewagent.core.channel.ChannelInbox;
import dev.interviewagent.core.resilience.RetryPolicy;
import dev.interviewagent.core.resilience.Sleeper;
import dev.interviewagent.telegram.WebhookResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Where every update enters, by webhook, long polling or replay: it is stored in the {@link ChannelInbox} before it
 * is acknowledged, queued on its conversation's lane for the {@link ChatFlow}, and marked done once its replies were
 * sent. The inbox is also the de-duplication of redelivered {@code update_id}s.
 */
public final class UpdateIntake {

    private static final Logger log = LoggerFactory.getLogger(UpdateIntake.class);
    private static final Duration MAX_STORE_BACKOFF = Duration.ofSeconds(30);

    private final ChannelInbox inbox;
    private final String inboxScope;
    private final boolean privateChatsOnly;
    private final ChatFlow flow;
    private final ChatOutbox outbox;
    private final KeyedSerialExecutor lanes;
    private final Sleeper sleeper;
    private final RetryPolicy storeRetries;
    private final BooleanSupplier closed;
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final ObjectMapper json = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /**
     * @param sleeper        waits between attempts to store a polled update while the inbox is unavailable
     * @param initialBackoff the first of those waits (doubling up to 30 s; 100 ms when zero)
     * @param closed         whether the channel is closing (polling then stops without confirming)
     */
    public UpdateIntake(ChannelInbox inbox, String inboxScope, boolean privateChatsOnly, ChatFlow flow,
                        ChatOutbox outbox, KeyedSerialExecutor lanes, Sleeper sleeper,
                        Duration initialBackoff, BooleanSupplier closed) {
        this.inbox = inbox;
        this.inboxScope = inboxScope;
        this.privateChatsOnly = privateChatsOnly;
        this.flow = flow;
        this.outbox = outbox;
        this.lanes = lanes;
        this.sleeper = sleeper;
        // no limit on attempts: an update is never confirmed to Telegram before it is stored
        Duration first = initialBackoff.isZero() ? Duration.ofMillis(100) : initialBackoff;
        this.storeRetries = new RetryPolicy(Integer.MAX_VALUE, first, 2.0,
                first.compareTo(MAX_STORE_BACKOFF) > 0 ? first : MAX_STORE_BACKOFF, Duration.ZERO, false);
        this.closed = closed;
    }

    /** A webhook request: authenticated by {@code secret}, then parsed, stored and queued (see the facade). */
    public WebhookResult onWebhook(WebhookSecret secret, Map<String, ? extends List<String>> headers, byte[] body,
                                   int maxBodyBytes) {
        if (!secret.matches(headers)) {
            log.debug("webhook request refused: missing or wrong {}", WebhookSecret.HEADER);
            return WebhookResult.UNAUTHENTICATED;
        }
        if (body.length > maxBodyBytes) {
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
    public void onPolled(List<Update> updates) {
        for (Update update : updates) {
            for (int retry = 0; accept(update, () -> serialize(update)) == WebhookResult.UNAVAILABLE; retry++) {
                if (closed.getAsBoolean()) {
                    // stops the poller without confirming: Telegram delivers the update again next time
                    throw new IllegalStateException("closed before update " + update.getUpdateId() + " was stored");
                }
                try {
                    sleeper.sleep(storeRetries.backoff(retry));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted before update " + update.getUpdateId()
                            + " was stored", e);
                }
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

    /**
     * Queues the updates the inbox holds from before the last stop, oldest first.
     *
     * @return how many were queued
     * @throws IllegalStateException if the inbox cannot be read
     */
    public int replay() {
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

    /** Waits until every accepted update has been handled and its messages sent; false if {@code timeout} passed. */
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
}
