package dev.interviewagent.persistence;

import dev.interviewagent.core.exception.StoreException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * AES-GCM encryption at rest with a key ring for rotation. Values are written as
 * {@code enc:v1:<keyId>:<base64(12-byte IV | ciphertext | 16-byte tag)>} with the primary key; any key in the ring
 * decrypts, so rotating means adding a new primary key and keeping the old ones until nothing refers to them (see
 * {@code docs/persistence.md}). The keys come from the host (a KMS, a secret store); this class never reads files or
 * environment variables. Thread-safe. {@link #toString()} shows key ids only.
 *
 * <pre>{@code
 * AnswerEncryption encryption = AesGcmAnswerEncryption.builder()
 *         .key("2026-01", keyBytes)          // the first key added is primary unless primaryKeyId says otherwise
 *         .key("2025-06", previousKeyBytes)  // still decrypts older rows
 *         .build();
 * }</pre>
 */
public final class AesGcmAnswerEncryption implements AnswerEncryption {

    /** Prefix of every value this class writes. */
    public static final String PREFIX = "enc:v1:";

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final Map<String, SecretKey> keys;
    private final String primaryKeyId;
    private final SecretKey primary;
    private final SecureRandom random;
    private final String primaryPrefix;

    private AesGcmAnswerEncryption(Builder builder) {
        this.keys = Map.copyOf(builder.keys);
        this.primaryKeyId = Objects.requireNonNull(builder.primaryKeyId);
        this.primary = keys.get(primaryKeyId);
        this.random = builder.random;
        this.primaryPrefix = PREFIX + primaryKeyId + ":";
    }

    /** A builder; add at least one key. */
    public static Builder builder() {
        return new Builder();
    }

    /** The id of the key new values are encrypted with. */
    public String primaryKeyId() {
        return primaryKeyId;
    }

    /** Whether {@code stored} was written with the primary key (a rotation job re-encrypts the rest). */
    public boolean isCurrent(String stored) {
        return stored.startsWith(primaryPrefix);
    }

    @Override
    public String encrypt(String plaintext) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, primary, new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            ByteBuffer out = ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed);
            return primaryPrefix + Base64.getEncoder().encodeToString(out.array());
        } catch (GeneralSecurityException e) {
            throw new StoreException("cannot encrypt with key " + primaryKeyId, e);
        }
    }

    @Override
    public String decrypt(String stored) {
        if (!stored.startsWith(PREFIX)) {
            return stored;
        }
        int colon = stored.indexOf(':', PREFIX.length());
        if (colon < 0) {
            throw new StoreException("malformed encrypted value");
        }
        String keyId = stored.substring(PREFIX.length(), colon);
        SecretKey key = keys.get(keyId);
        if (key == null) {
            throw new StoreException("value is encrypted with key '" + keyId + "', which is not in the key ring");
        }
        try {
            byte[] raw = Base64.getDecoder().decode(stored.substring(colon + 1));
            if (raw.length < IV_BYTES + TAG_BITS / 8) {
                throw new StoreException("malformed encrypted value");
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, raw, 0, IV_BYTES));
            byte[] plain = cipher.doFinal(raw, IV_BYTES, raw.length - IV_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new StoreException("cannot decrypt a value with key '" + keyId + "' (wrong key or tampered data)", e);
        }
    }

    @Override
    public String toString() {
        return "AesGcmAnswerEncryption{primaryKeyId=" + primaryKeyId + ", keyIds=" + keys.keySet().stream().sorted()
                .toList() + ", keys=<masked>}";
    }

    /** Builds an {@link AesGcmAnswerEncryption}. Not thread-safe. */
    public static final class Builder {
        private final Map<String, SecretKey> keys = new LinkedHashMap<>();
        private @Nullable String primaryKeyId;
        private SecureRandom random = new SecureRandom();

        private Builder() {
        }

        /**
         * Adds a key to the ring. The first key added is the primary one unless {@link #primaryKeyId} names another.
         *
         * @param keyId    1–64 of {@code [A-Za-z0-9._-]}; stored in the clear next to each value
         * @param keyBytes 16, 24 or 32 bytes (AES-128/192/256); copied
         * @throws IllegalArgumentException for a bad id, a bad key length or a repeated id
         */
        public Builder key(String keyId, byte[] keyBytes) {
            Objects.requireNonNull(keyId, "keyId");
            Objects.requireNonNull(keyBytes, "keyBytes");
            if (!KEY_ID.matcher(keyId).matches()) {
                throw new IllegalArgumentException("keyId must be 1-64 of [A-Za-z0-9._-], was '" + keyId + "'");
            }
            if (keyBytes.length != 16 && keyBytes.length != 24 && keyBytes.length != 32) {
                throw new IllegalArgumentException("key '" + keyId + "' must be 16, 24 or 32 bytes, was "
                        + keyBytes.length);
            }
            if (keys.containsKey(keyId)) {
                throw new IllegalArgumentException("key '" + keyId + "' was added twice");
            }
            keys.put(keyId, new SecretKeySpec(keyBytes.clone(), "AES"));
            if (primaryKeyId == null) {
                primaryKeyId = keyId;
            }
            return this;
        }

        /** Which key encrypts new values. Default: the first key added. */
        public Builder primaryKeyId(String primaryKeyId) {
            this.primaryKeyId = Objects.requireNonNull(primaryKeyId, "primaryKeyId");
            return this;
        }

        /** The source of IVs. Default: a new {@link SecureRandom}. */
        public Builder random(SecureRandom random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /**
         * @throws IllegalStateException if no key was added or the primary key id is not in the ring
         */
        public AesGcmAnswerEncryption build() {
            if (keys.isEmpty()) {
                throw new IllegalStateException("add at least one key");
            }
            if (!keys.containsKey(primaryKeyId)) {
                throw new IllegalStateException("primaryKeyId '" + primaryKeyId + "' is not in the key ring");
            }
            return new AesGcmAnswerEncryption(this);
        }
    }
}
