package dev.interviewagent.websocket.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Per-interview access tokens and the keys derived from a browser's client key. A token is 256 random bits,
 * base64url, shown to the client once in {@code session}. Only the SHA-256 of a token is stored (as an interview
 * attribute), so a store leak does not leak tokens, and any node, also after a restart, can check one. The client
 * key itself is never stored: only hashes of it with different prefixes (token, idempotency key, respondent key),
 * none of which can be turned back into the key or into one another. Thread-safe.
 */
public final class Tokens {

    /** The interview attribute that holds the base64url SHA-256 of the token. */
    public static final String ATTRIBUTE = "ws.tokenHash";

    /** The prefix of a web respondent's channel key. */
    public static final String RESPONDENT_PREFIX = "web:";

    /** A client key ({@code clientKey} extension): base64url, 22+ characters (at least 128 bits). */
    private static final Pattern CLIENT_KEY = Pattern.compile("[A-Za-z0-9_-]{22,128}");

    private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

    private final SecureRandom random;

    public Tokens(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    /** A fresh random token (256 bits). */
    public String newToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return BASE64.encodeToString(bytes);
    }

    public static boolean isClientKey(@Nullable String key) {
        return key != null && CLIENT_KEY.matcher(key).matches();
    }

    /**
     * The token of a start made with a client key: derived from the key (the browser's secret, 128+ bits) and the
     * start's clientMessageId, so a start repeated on a new connection yields the same interview and the same token.
     */
    public static String derivedToken(String clientKey, String clientMessageId) {
        return sha256("ia-ws-token\u0000" + clientKey + "\u0000" + clientMessageId);
    }

    /** The engine idempotency key of a start made with a client key. */
    public static String idempotencyKey(String clientKey, String clientMessageId) {
        return sha256("ia-ws-start\u0000" + clientKey + "\u0000" + clientMessageId);
    }

    /**
     * The channel key of the respondent behind a client key: {@code web:} and a SHA-256 of the key, the same on
     * every node and after restarts, so all interviews of one browser are found by it. The key's 128+ random bits
     * make the hash impossible to reverse by guessing.
     */
    public static String respondentKey(String clientKey) {
        return RESPONDENT_PREFIX + sha256("ia-ws-respondent\u0000" + clientKey);
    }

    public static String hash(String token) {
        return sha256("ia-ws-token-hash\u0000" + token);
    }

    /** Whether {@code token} matches the stored hash; constant time in the token's content. */
    public static boolean matches(@Nullable String token, @Nullable String storedHash) {
        if (storedHash == null || token == null) {
            return false;
        }
        return MessageDigest.isEqual(hash(token).getBytes(StandardCharsets.US_ASCII),
                storedHash.getBytes(StandardCharsets.US_ASCII));
    }

    private static String sha256(String text) {
        try {
            return BASE64.encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
