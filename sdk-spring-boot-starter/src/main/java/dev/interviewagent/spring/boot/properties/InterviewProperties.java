package dev.interviewagent.spring.boot.properties;

import dev.interviewagent.core.config.InterviewConfig;
import dev.interviewagent.core.config.InvalidConfigurationException;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;

/**
 * Every {@code interview.*} property, one per setting of the SDK's registry, by the same dotted name: {@code
 * interview.store.url}, {@code interview.redis.url}, {@code interview.llm.openai.api-key}, {@code
 * interview.engine.brain-timeout}, … ({@code docs/configuration.md} lists them all). Spring's relaxed binding reads
 * them from {@code application.properties} or YAML, from environment variables such as {@code
 * INTERVIEW_ENGINE_BRAIN_TIMEOUT}, or from the command line; the provider variables the SDK reads by their industry
 * names ({@code OPENAI_API_KEY}, {@code REDIS_URL}, …) are read too.
 *
 * <p>Values are checked when the configuration is built, by the SDK's own rules: a bad one stops the application
 * with a message that names the property and, unless the setting is secret, the value. Secrets (keys, passwords,
 * tokens) are plain strings here so that Spring's binder, whose messages echo values, never fails on them.
 */
@ConfigurationProperties(InterviewProperties.PREFIX)
public final class InterviewProperties {

    /** The prefix of every property. */
    public static final String PREFIX = "interview";

    @NestedConfigurationProperty
    private final ConfigFileProperties config = new ConfigFileProperties();

    @NestedConfigurationProperty
    private final StoreProperties store = new StoreProperties();

    @NestedConfigurationProperty
    private final RedisProperties redis = new RedisProperties();

    @NestedConfigurationProperty
    private final EncryptionProperties encryption = new EncryptionProperties();

    @NestedConfigurationProperty
    private final PrivacyProperties privacy = new PrivacyProperties();

    @NestedConfigurationProperty
    private final RetentionProperties retention = new RetentionProperties();

    @NestedConfigurationProperty
    private final EngineProperties engine = new EngineProperties();

    @NestedConfigurationProperty
    private final StartProperties start = new StartProperties();

    @NestedConfigurationProperty
    private final LlmProperties llm = new LlmProperties();

    @NestedConfigurationProperty
    private final VoiceProperties voice = new VoiceProperties();

    @NestedConfigurationProperty
    private final TelegramProperties telegram = new TelegramProperties();

    @NestedConfigurationProperty
    private final WebSocketProperties websocket = new WebSocketProperties();

    public ConfigFileProperties getConfig() {
        return config;
    }

    public StoreProperties getStore() {
        return store;
    }

    public RedisProperties getRedis() {
        return redis;
    }

    public EncryptionProperties getEncryption() {
        return encryption;
    }

    public PrivacyProperties getPrivacy() {
        return privacy;
    }

    public RetentionProperties getRetention() {
        return retention;
    }

    public EngineProperties getEngine() {
        return engine;
    }

    public StartProperties getStart() {
        return start;
    }

    public LlmProperties getLlm() {
        return llm;
    }

    public VoiceProperties getVoice() {
        return voice;
    }

    public TelegramProperties getTelegram() {
        return telegram;
    }

    public WebSocketProperties getWebsocket() {
        return websocket;
    }

    /**
     * These properties as the SDK's configuration, each value under its setting with the source {@code Spring
     * property interview.…}; values equal to a default count as unset. When {@code interview.config.file} is set, the
     * file is read for the settings no property sets. Values are parsed when read: call {@link
     * InterviewConfig#validate()} to check them all now.
     *
     * @throws InvalidConfigurationException if {@code interview.config.file} names a file that cannot be read
     */
    public InterviewConfig toInterviewConfig() {
        SettingValues values = new SettingValues();
        config.collect(values);
        store.collect(values);
        redis.collect(values);
        encryption.collect(values);
        privacy.collect(values);
        retention.collect(values);
        engine.collect(values);
        start.collect(values);
        llm.collect(values);
        voice.collect(values);
        telegram.collect(values);
        websocket.collect(values);
        return values.build();
    }
}
