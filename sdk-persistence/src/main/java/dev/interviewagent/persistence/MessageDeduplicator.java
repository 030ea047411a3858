package dev.interviewagent.persistence;

import java.time.Duration;

/**
 * Remembers inbound message ids for a while so a channel can drop redeliveries (a Telegram update delivered twice,
 * a webhook retried) before it knows which interview a message belongs to. Per-interview idempotency is the store's
 * job already; this is the cheaper first filter. Thread-safe; methods may block on I/O.
 */
public interface MessageDeduplicator {

    /**
     * Records a message id and says whether this is the first time it was seen within {@code ttl}.
     *
     * @param scope     what the id is unique within, e.g. {@code telegram} or a bot name (1–128 characters)
     * @param messageId the inbound id (1–256 characters)
     * @param ttl       how long to remember it; must be &gt; 0
     * @return {@code true} the first time, {@code false} for a repeat
     * @throws dev.interviewagent.core.exception.StoreException if the backing store fails
     */
    boolean firstSeen(String scope, String messageId, Duration ttl);
}
