package dev.interviewagent.samples.rest.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/**
 * Per-interview bearer tokens, as sdk-websocket's tokens: 256 random bits, base64url, shown to the client once (in
 * the start response). Only a SHA-256 of a token is stored, as an interview attribute, so a store leak does not leak
 * tokens and every node, also after a restart, can check one. The interview's channel key is another hash of the
 * token ({@code rest:} and 43 characters): one per interview, so the privacy operations export and delete exactly
 * that interview, and listings find REST interviews by their channel {@code rest}. Thread-safe.
 */
public final class AccessTokens {

    /** The interview attribute that holds the token's hash. */
    public static final String ATTRIBUTE = "rest.tokenHash";
    /** The channel of REST interviews: their channel keys start with {@code rest:}. */
    public static final String CHANNEL = "rest";

    private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

    private final SecureRandom random = new SecureRandom();

    /** A fresh token: 32 random bytes, base64url without padding (43 characters). */
    public String newToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return BASE64.encodeToString(bytes);
    }

    /** What is stored for a token. */
    public static String hash(String token) {
        return sha256("ia-rest-token-hash\u0000" + token);
    }

    /** The channel key of the interview a token opens: {@code rest:} and a hash of the token. */
    public static String channelKey(String token) {
        return CHANNEL + ":" + sha256("ia-rest-respondent\u0000" + token);
    }

    /** Whether {@code token} matches the stored hash; constant time in the token's content. */
    public static boolean matches(@Nullable String token, @Nullable String storedHash) {
        if (token == null || storedHash == null) {
            return false;
        }
        return MessageDigest.isEqual(hash(token).getBytes(StandardCharsets.US_ASCII),
                storedHash.getBytes(StandardCharsets.US_ASCII));
    }

    /** SHA-256 of the text's UTF-8 bytes, base64url without padding. */
    public static String sha256(String text) {
        return BASE64.encodeToString(digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** SHA-256 of some bytes. */
    public static byte[] digest(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
