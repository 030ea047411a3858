package dev.interviewagent.telegram.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The webhook's shared secret: Telegram sends it in {@value #HEADER} with every update (it was given to
 * {@code setWebhook} as {@code secret_token}). A request is authentic when the header is present exactly once and
 * equals the secret; the comparison is of SHA-256 digests with {@link MessageDigest#isEqual}, so its time tells an
 * attacker neither the secret's length nor how much of a guess was right. Never logged.
 */
public final class WebhookSecret {

    /** The header Telegram sends the secret in. */
    public static final String HEADER = "X-Telegram-Bot-Api-Secret-Token";

    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{1,256}");

    private final String secret;
    private final byte[] digest;

    private WebhookSecret(String secret) {
        this.secret = secret;
        this.digest = sha256(secret);
    }

    /**
     * A secret in Telegram's {@code secret_token} format.
     *
     * @throws IllegalArgumentException unless it is 1–256 characters of {@code A-Z a-z 0-9 _ -} (the message never
     *                                  contains the value)
     */
    public static WebhookSecret of(String secret) {
        Objects.requireNonNull(secret, "webhookSecret");
        if (!FORMAT.matcher(secret).matches()) {
            throw new IllegalArgumentException("webhookSecret must be 1-256 characters of A-Z, a-z, 0-9, '_' and "
                    + "'-' (Telegram's secret_token), was " + secret.length() + " characters");
        }
        return new WebhookSecret(secret);
    }

    /** Whether the request's headers (any name case) carry this secret exactly once. */
    public boolean matches(Map<String, ? extends List<String>> headers) {
        String presented = null;
        int count = 0;
        for (Map.Entry<String, ? extends List<String>> header : headers.entrySet()) {
            if (header.getKey() != null && header.getKey().equalsIgnoreCase(HEADER) && header.getValue() != null) {
                for (String value : header.getValue()) {
                    presented = value;
                    count++;
                }
            }
        }
        if (count != 1 || presented == null) {
            return false;
        }
        return MessageDigest.isEqual(sha256(presented), digest);
    }

    /** The secret itself, for {@code setWebhook}. */
    public String value() {
        return secret;
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    @Override
    public String toString() {
        return "WebhookSecret{<masked>}";
    }
}
