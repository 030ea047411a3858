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
 * AES-GCM encryption at rest with a key ring for rotation. Bound values ({@link #encrypt(String, Binding)}, what
 * stores write) are {@code enc:v2:<keyId>:<base64(12-byte IV | ciphertext | 16-byte tag)>} with the binding (row
 * owner, field, item) as associated data, so a value copied to another row or field fails to decrypt; unbound values
 * of earlier versions are {@code enc:v1:…} without associated data. New values use the primary key; any key in the
 * ring decrypts, so rotating means adding a new primary key and keeping the old ones until nothing refers to them
 * (see {@code docs/persistence.md}). {@link #decrypt(String, Binding)} refuses plain text and {@code enc:v1:}
 * values: a store reads those only while it migrates them. The keys come from the host (a KMS, a secret store);
 * this class never reads files or environment variables. Thread-safe. {@link #toString()} shows key ids only, and
 * no exception message carries a key or a plaintext.
 *
 * <pre>{@code
 * AnswerEncryption encryption = AesGcmAnswerEncryption.builder()
 *         .key("2026-01", keyBytes)          // the first key added is primary unless primaryKeyId says otherwise
 *         .key("2025-06", previousKeyBytes)  // still decrypts older rows
 *         .build();
 * }</pre>
 */
public final class AesGcmAnswerEncryption implements AnswerEncryption {

    /** Prefix of bound values, the format stores write. */
    public static final String PREFIX = "enc:v2:";
    /** Prefix of unbound values ({@link #encrypt(String)}, and everything stores wrote before bound encryption). */
    public static final String LEGACY_PREFIX = "enc:v1:";

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final byte[] AAD_DOMAIN = "interview-agent/enc:v2".getBytes(StandardCharsets.UTF_8);

    private final Map<String, SecretKey> keys;
    private final String primaryKeyId;
    private final SecretKey primary;
    private final SecureRandom random;
    private final String primaryPrefix;
    private final String primaryLegacyPrefix;

    private AesGcmAnswerEncryption(Builder builder) {
        this.keys = Map.copyOf(builder.keys);
        this.primaryKeyId = Objects.requireNonNull(builder.primaryKeyId);
        this.primary = keys.get(primaryKeyId);
        this.random = builder.random;
        this.primaryPrefix = PREFIX + primaryKeyId + ":";
        this.primaryLegacyPrefix = LEGACY_PREFIX + primaryKeyId + ":";
    }

    /** A builder; add at least one key. */
    public static Builder builder() {
        return new Builder();
    }

    /** The id of the key new values are encrypted with. */
    public String primaryKeyId() {
        return primaryKeyId;
    }

    /**
     * Whether {@code stored} is a bound value written with the primary key; a migration (or a rotation job)
     * rewrites the rest.
     */
    @Override
    public boolean isCurrent(String stored) {
        return stored.startsWith(primaryPrefix);
    }

    /** Plain text and {@code enc:v1:} values: what {@link #decrypt(String, Binding)} refuses. */
    @Override
    public boolean isLegacy(String stored) {
        return !stored.startsWith(PREFIX);
    }

    /** An unbound {@code enc:v1:} value, as earlier versions wrote; stores write {@link #encrypt(String, Binding)}. */
    @Override
    public String encrypt(String plaintext) {
        return seal(plaintext, null, primaryLegacyPrefix);
    }

    @Override
    public String encrypt(String plaintext, Binding binding) {
        Objects.requireNonNull(binding, "binding");
        return seal(plaintext, binding, primaryPrefix);
    }

    /** Opens an {@code enc:v1:} value; anything else not starting with {@code enc:} is plain text, returned as is. */
    @Override
    public String decrypt(String stored) {
        if (stored.startsWith(LEGACY_PREFIX)) {
            return open(stored, LEGACY_PREFIX, null, "a value");
        }
        if (stored.startsWith(PREFIX)) {
            throw new StoreException("a bound enc:v2 value can only be decrypted with its binding");
        }
        return stored;
    }

    @Override
    public String decrypt(String stored, Binding binding) {
        Objects.requireNonNull(binding, "binding");
        if (stored.startsWith(PREFIX)) {
            return open(stored, PREFIX, binding, binding.toString());
        }
        if (stored.startsWith(LEGACY_PREFIX)) {
            throw new StoreException(binding + " is in the unbound enc:v1 format of earlier versions (key '"
                    + keyIdOf(stored, LEGACY_PREFIX) + "'), which is refused unless the store migrates it (see"
                    + " \"Migrating to bound encryption\" in docs/persistence.md)");
        }
        throw new StoreException(binding + " is stored as plain text, which is refused while encryption is on"
                + " (written before encryption was switched on? migrate it: see \"Migrating to bound encryption\" in"
                + " docs/persistence.md)");
    }

    /** The key id of an encrypted value, if it is a valid one (it is shown in messages). */
    private static String keyIdOf(String stored, String prefix) {
        int colon = stored.indexOf(':', prefix.length());
        String keyId = colon < 0 ? "" : stored.substring(prefix.length(), colon);
        return KEY_ID.matcher(keyId).matches() ? keyId : "?";
    }

    private String seal(String plaintext, @Nullable Binding binding, String prefix) {
        Objects.requireNonNull(plaintext, "plaintext");
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, primary, new GCMParameterSpec(TAG_BITS, iv));
            if (binding != null) {
                cipher.updateAAD(associatedData(binding));
            }
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            ByteBuffer out = ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed);
            return prefix + Base64.getEncoder().encodeToString(out.array());
        } catch (GeneralSecurityException e) {
            throw new StoreException("cannot encrypt with key " + primaryKeyId, e);
        }
    }

    private String open(String stored, String prefix, @Nullable Binding binding, String what) {
        int colon = stored.indexOf(':', prefix.length());
        if (colon < 0) {
            throw new StoreException(what + ": malformed encrypted value");
        }
        String keyId = stored.substring(prefix.length(), colon);
        SecretKey key = keys.get(keyId);
        if (key == null) {
            throw new StoreException(what + " is encrypted with key '" + keyIdOf(stored, prefix)
                    + "', which is not in the key ring");
        }
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(stored.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            throw new StoreException(what + ": malformed encrypted value (not base64)");
        }
        if (raw.length < IV_BYTES + TAG_BITS / 8) {
            throw new StoreException(what + ": malformed encrypted value (too short)");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, raw, 0, IV_BYTES));
            if (binding != null) {
                cipher.updateAAD(associatedData(binding));
            }
            byte[] plain = cipher.doFinal(raw, IV_BYTES, raw.length - IV_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new StoreException("cannot decrypt " + what + " with key '" + keyId + "': wrong key, tampered data"
                    + (binding == null ? "" : ", or a value copied from another row or field"), e);
        }
    }

    /**
     * The associated data of a binding: a domain tag, then each part length-prefixed (an absent item as length -1),
     * so no two bindings share an encoding whatever characters their parts hold.
     */
    private static byte[] associatedData(Binding binding) {
        byte[] subject = binding.subject().getBytes(StandardCharsets.UTF_8);
        byte[] field = binding.field().getBytes(StandardCharsets.UTF_8);
        byte[] item = binding.item() == null ? null : binding.item().getBytes(StandardCharsets.UTF_8);
        ByteBuffer out = ByteBuffer.allocate(AAD_DOMAIN.length + 12 + subject.length + field.length
                + (item == null ? 0 : item.length));
        out.put(AAD_DOMAIN);
        out.putInt(subject.length).put(subject);
        out.putInt(field.length).put(field);
        if (item == null) {
            out.putInt(-1);
        } else {
            out.putInt(item.length).put(item);
        }
        return out.array();
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
