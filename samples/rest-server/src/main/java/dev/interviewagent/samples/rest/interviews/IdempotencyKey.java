package dev.interviewagent.samples.rest.interviews;

import dev.interviewagent.core.MessageId;
import dev.interviewagent.samples.rest.access.AccessTokens;
import dev.interviewagent.samples.rest.problem.ApiException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The {@code Idempotency-Key} of an answer, mapped to the engine's message id, so the engine's own idempotency does
 * the work: a repeat of the same key and the same answer gets the first reply and never a second turn. The message id
 * is {@code idem:<key>/<fingerprint>}, where the fingerprint is a hash of the answer (its text or its recording); a
 * key used again with another answer is found by its key part and refused (422), since it would otherwise be a new
 * message id and a second turn.
 *
 * @param value the key as the client sent it: 1–64 visible ASCII characters
 */
public record IdempotencyKey(String value) {

    /** The header. */
    public static final String HEADER = "Idempotency-Key";
    /** The longest key. */
    public static final int MAX_LENGTH = 64;

    private static final String PREFIX = "idem:";
    /** {@code /} and a 22-character fingerprint end every message id made from a key. */
    private static final int FINGERPRINT_PART = 23;

    public IdempotencyKey {
        if (!valid(value)) {
            throw ApiException.badRequest("Idempotency-Key must be 1-" + MAX_LENGTH
                    + " visible ASCII characters (e.g. a UUID)");
        }
    }

    /**
     * Reads the header.
     *
     * @throws ApiException 400 when it is missing or malformed
     */
    public static IdempotencyKey parse(@Nullable String header) {
        if (header == null) {
            throw ApiException.badRequest("the Idempotency-Key header is required: a new unique value for each"
                    + " answer, the same value when the same answer is sent again");
        }
        return new IdempotencyKey(header);
    }

    private static boolean valid(@Nullable String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x21 || c > 0x7E) {
                return false;
            }
        }
        return true;
    }

    /** The engine message id for this key and an answer with {@code fingerprint}. */
    public MessageId messageId(String fingerprint) {
        return MessageId.of(PREFIX + value + "/" + fingerprint);
    }

    /** The key a message id was made from, if it was made from one. */
    public static Optional<String> keyOf(@Nullable MessageId messageId) {
        if (messageId == null) {
            return Optional.empty();
        }
        String id = messageId.value();
        if (!id.startsWith(PREFIX) || id.length() < PREFIX.length() + 1 + FINGERPRINT_PART
                || id.charAt(id.length() - FINGERPRINT_PART) != '/') {
            return Optional.empty();
        }
        return Optional.of(id.substring(PREFIX.length(), id.length() - FINGERPRINT_PART));
    }

    /** Whether {@code messageId} was made from this key, whatever the answer. */
    public boolean madeFrom(@Nullable MessageId messageId) {
        return keyOf(messageId).filter(value::equals).isPresent();
    }

    /** The fingerprint of a typed answer. */
    public static String fingerprintOfText(String text) {
        return fingerprint(("text\u0000" + text).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The fingerprint of a recording. */
    public static String fingerprintOfAudio(byte[] audio) {
        byte[] tagged = new byte[audio.length + 6];
        System.arraycopy("audio\u0000".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, tagged, 0, 6);
        System.arraycopy(audio, 0, tagged, 6, audio.length);
        return fingerprint(tagged);
    }

    /** 128 bits of SHA-256, base64url: 22 characters. */
    private static String fingerprint(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                Arrays.copyOf(AccessTokens.digest(bytes), 16));
    }
}
