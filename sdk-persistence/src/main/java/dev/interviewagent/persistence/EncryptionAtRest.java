package dev.interviewagent.persistence;

import dev.interviewagent.core.config.InterviewConfig;
import dev.interviewagent.core.config.InterviewSettings;
import dev.interviewagent.core.config.InvalidConfigurationException;
import dev.interviewagent.core.config.Setting;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What {@link InterviewStorage} encrypts answers with, from {@code interview.encryption.*}: the configured key ring,
 * the embedded store's key file, or nothing.
 *
 * @param encryption the encryption at rest
 * @param newKeyFile whether a key file was created now (so what the directory holds is encrypted at start)
 */
record EncryptionAtRest(AnswerEncryption encryption, boolean newKeyFile) {

    /**
     * The configured key ring; else, for the embedded store, its key file (created if missing, unless encryption
     * is not required); else nothing if not required; else a refusal to start.
     */
    static EncryptionAtRest configure(InterviewConfig config, boolean hostDataSource, SecureRandom random,
                                      List<String> description) {
        Setting<Map<String, byte[]>> keysSetting = InterviewSettings.ENCRYPTION_KEYS;
        Setting<String> primarySetting = InterviewSettings.ENCRYPTION_PRIMARY_KEY_ID;
        Setting<Boolean> requiredSetting = InterviewSettings.ENCRYPTION_REQUIRED;
        Optional<Map<String, byte[]>> keys = config.find(keysSetting);
        if (keys.isEmpty()) {
            if (config.isSet(primarySetting)) {
                throw new InvalidConfigurationException(primarySetting, primarySetting + " is set but "
                        + keysSetting + " (" + keysSetting.environmentVariable() + ") is not: no key to"
                        + " encrypt with");
            }
            boolean required = config.get(requiredSetting);
            Optional<Path> embedded = embeddedDirectory(config, hostDataSource);
            if (embedded.isPresent() && (required || LocalKeyFile.exists(embedded.get()))) {
                LocalKeyFile file = LocalKeyFile.openOrCreate(embedded.get(), random);
                description.add("encryption at rest: on (key file " + file.path()
                        + (file.created() ? ", created now" : "") + ")");
                return new EncryptionAtRest(file.encryption(), file.created());
            }
            if (required) {
                throw new InvalidConfigurationException(keysSetting, keysSetting + " ("
                        + keysSetting.environmentVariable() + ") is not set, and answers on an external database"
                        + " (" + InterviewSettings.STORE_URL + " is a JDBC URL) must be encrypted at rest: set a"
                        + " key ring, or store plain text with " + requiredSetting + "=false");
            }
            description.add("encryption at rest: off (" + requiredSetting + "=false)");
            return new EncryptionAtRest(AnswerEncryption.NONE, false);
        }
        AesGcmAnswerEncryption.Builder builder = AesGcmAnswerEncryption.builder().random(random);
        String from = " (from " + config.source(keysSetting).orElse("?") + ")";
        try {
            keys.get().forEach(builder::key);
        } catch (IllegalArgumentException e) {
            // the message names the key id and its length, never key material
            throw new InvalidConfigurationException(keysSetting, keysSetting + " " + e.getMessage() + from);
        }
        config.apply(primarySetting, builder::primaryKeyId);
        AesGcmAnswerEncryption encryption;
        try {
            encryption = builder.build();
        } catch (IllegalStateException e) {
            throw new InvalidConfigurationException(primarySetting, primarySetting + " '"
                    + config.find(primarySetting).orElse("") + "' is not one of the keys in " + keysSetting
                    + " " + keys.get().keySet() + " (from " + config.source(primarySetting).orElse("?") + ")");
        }
        description.add("encryption at rest: on (AES-GCM, primary key " + encryption.primaryKeyId() + ", "
                + keys.get().size() + (keys.get().size() == 1 ? " key)" : " keys)"));
        return new EncryptionAtRest(encryption, false);
    }

    /**
     * The embedded store's directory, or empty for a JDBC URL or the host's data source (an external or
     * host-managed database).
     */
    private static Optional<Path> embeddedDirectory(InterviewConfig config, boolean hostDataSource) {
        if (hostDataSource) {
            return Optional.empty();
        }
        String url = config.get(InterviewSettings.STORE_URL).strip();
        if (url.toLowerCase(Locale.ROOT).startsWith("jdbc:")) {
            return Optional.empty();
        }
        return Optional.of(Path.of(url.isEmpty() ? InterviewStores.DEFAULT_EMBEDDED_DIRECTORY : url));
    }
}
