package dev.interviewagent.spring.boot.properties;

import dev.interviewagent.core.config.InterviewSettings;
import org.jspecify.annotations.Nullable;

/** Encryption at rest: {@code interview.encryption.*}. */
public final class EncryptionProperties {

    /**
     * Encryption at rest (AES-GCM) of answers, interview state and reports: id:base64key,… with 16, 24 or 32-byte
     * keys. Unset: stored as plain text. Secret.
     */
    private @Nullable String keys;

    /** The key that encrypts new values; the others only decrypt (rotation). Unset: the first key listed. */
    private @Nullable String primaryKeyId;

    public @Nullable String getKeys() {
        return keys;
    }

    public void setKeys(@Nullable String keys) {
        this.keys = keys;
    }

    public @Nullable String getPrimaryKeyId() {
        return primaryKeyId;
    }

    public void setPrimaryKeyId(@Nullable String primaryKeyId) {
        this.primaryKeyId = primaryKeyId;
    }

    void collect(SettingValues values) {
        values.put(InterviewSettings.ENCRYPTION_KEYS, keys);
        values.put(InterviewSettings.ENCRYPTION_PRIMARY_KEY_ID, primaryKeyId);
    }
}
