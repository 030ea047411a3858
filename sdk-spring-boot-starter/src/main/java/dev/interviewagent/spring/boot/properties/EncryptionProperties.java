package dev.interviewagent.spring.boot.properties;

import dev.interviewagent.core.config.InterviewSettings;
import org.jspecify.annotations.Nullable;

/** Encryption at rest: {@code interview.encryption.*}. */
public final class EncryptionProperties {

    /**
     * Encryption at rest (AES-GCM, each value bound to its row) of answers, interview state, reports and inbox
     * payloads: id:base64key,… with 16, 24 or 32-byte keys. Unset: the embedded store uses a key file it creates next
     * to its database; an external database needs keys unless interview.encryption.required is false. Secret.
     */
    private @Nullable String keys;

    /** The key that encrypts new values; the others only decrypt (rotation). Unset: the first key listed. */
    private @Nullable String primaryKeyId;

    /**
     * Whether answers must be encrypted at rest. true: without interview.encryption.keys the embedded store creates
     * a key file (encryption.key, owner-only) in its directory and an external database refuses to start. false:
     * without keys, stored as plain text (a key file that already exists is still used).
     */
    private boolean required = true;

    /**
     * One-time migration: at start, rewrite every value not encrypted for its row with the primary key (plain text
     * from before encryption, the enc:v1 format, older keys), and read such values while on. Turn off when done: then
     * they are refused.
     */
    private boolean migrate = false;

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

    public boolean isRequired() {
        return required;
    }

    public void setRequired(boolean required) {
        this.required = required;
    }

    public boolean isMigrate() {
        return migrate;
    }

    public void setMigrate(boolean migrate) {
        this.migrate = migrate;
    }

    void collect(SettingValues values) {
        values.put(InterviewSettings.ENCRYPTION_KEYS, keys);
        values.put(InterviewSettings.ENCRYPTION_PRIMARY_KEY_ID, primaryKeyId);
        values.put(InterviewSettings.ENCRYPTION_REQUIRED, required);
        values.put(InterviewSettings.ENCRYPTION_MIGRATE, migrate);
    }
}
