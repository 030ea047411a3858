package dev.interviewagent.telegram;

/**
 * What {@link TelegramChannel#onWebhook} did with a request, and the HTTP status to answer Telegram with. Telegram
 * delivers an update again until it gets a 2xx, so only a stored (or repeated) update is acknowledged.
 */
public enum WebhookResult {

    /** Stored durably and queued for handling (or an update the channel does not handle): answer 200. */
    ACCEPTED(200),
    /** An update already stored or handled (a redelivery): nothing done; answer 200 so Telegram stops. */
    DUPLICATE(200),
    /** The secret header is missing, repeated or wrong: nothing was parsed, stored or executed; answer 401. */
    UNAUTHENTICATED(401),
    /** Authentic, but not a readable update (not JSON, no {@code update_id}, too large); answer 400. */
    BAD_REQUEST(400),
    /** The inbox could not store the update: answer 503 so Telegram delivers it again later. */
    UNAVAILABLE(503);

    private final int httpStatus;

    WebhookResult(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    /** The status code to answer the webhook request with. */
    public int httpStatus() {
        return httpStatus;
    }
}
