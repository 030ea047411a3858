package dev.interviewagent.spring.boot;

import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.InterviewListener;
import dev.interviewagent.core.brain.MethodologyBrain;
import dev.interviewagent.core.config.EngineSettings;
import dev.interviewagent.core.config.InterviewConfig;
import dev.interviewagent.core.config.InterviewSettings;
import dev.interviewagent.core.config.InvalidConfigurationException;
import dev.interviewagent.core.config.Setting;
import dev.interviewagent.core.config.StartDefaults;
import dev.interviewagent.core.guide.InterviewGuide;
import dev.interviewagent.core.guide.InterviewStyles;
import dev.interviewagent.core.spi.InterviewLock;
import dev.interviewagent.core.spi.InterviewStore;
import dev.interviewagent.core.spi.InterviewerBrain;
import dev.interviewagent.llm.LlmBrains;
import dev.interviewagent.persistence.InterviewStorage;
import dev.interviewagent.persistence.PrivacyOperations;
import dev.interviewagent.spring.boot.properties.InterviewProperties;
import dev.interviewagent.voice.SpeechToText;
import dev.interviewagent.voice.SpeechToTextFactory;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configures an {@link InterviewEngine} and what it runs on from the {@code interview.*} properties
 * ({@link InterviewProperties}), through the SDK's own factories, so an application behaves as a plain-Java host
 * given the same settings would. Every bean backs off when the application defines its own of the same type.
 *
 * <ul>
 *   <li>{@link InterviewConfig}: the properties as the SDK's configuration, every value checked at start-up.</li>
 *   <li>{@link InterviewStorage} ({@code InterviewStorage.builder(config)}): on the application's {@link DataSource}
 *       when it has one and {@code interview.store.url} is not set, after the application's own Flyway or
 *       Liquibase; otherwise on {@code interview.store.url} (an embedded H2 store in {@code ./interviews} by
 *       default). Encryption at rest, PII redaction, the Redis cache and cluster-wide lock, privacy operations and
 *       retention follow their properties. Not created when the application defines an {@link InterviewStore}.</li>
 *   <li>{@link InterviewStore}, {@link InterviewLock}, {@link PrivacyOperations}: from the storage (the lock is
 *       in-process without it). Channels that drop redelivered messages take {@link InterviewStorage#deduplicator()}
 *       (Redis with the database as fallback): it is no bean of its own, since without Redis it is the store
 *       itself.</li>
 *   <li>{@link InterviewRetention}: the retention sweeps as a lifecycle bean.</li>
 *   <li>{@link InterviewerBrain}: with sdk-llm and a provider module on the classpath, the LLM brain
 *       {@code interview.llm.*} selects ({@link LlmBrains#from}); else the offline {@link MethodologyBrain}.</li>
 *   <li>{@link SpeechToText}: when a speech provider module ({@code sdk-voice-assemblyai}, {@code sdk-voice-openai})
 *       is on the classpath and its key is set, or {@code interview.voice.provider} names one
 *       ({@link SpeechToTextFactory#from}).</li>
 *   <li>{@link InterviewGuide}: the guide {@code interview.start.guide} names, else the built-in one;
 *       {@link InterviewStyles}: the built-in styles.</li>
 *   <li>{@link StartDefaults}: the language and style of new interviews ({@code interview.start.*}).</li>
 *   <li>{@link InterviewEngine}: all of the above with {@code interview.engine.*} timeouts and limits, the
 *       application's {@link InterviewListener} if it has one, then every {@link InterviewEngineCustomizer}.</li>
 * </ul>
 */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@EnableConfigurationProperties(InterviewProperties.class)
public class InterviewAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(InterviewAutoConfiguration.class);
    /** The settings only the store stack reads. */
    private static final List<String> STORAGE_GROUPS = List.of("interview.store.", "interview.redis.",
            "interview.encryption.", "interview.privacy.", "interview.retention.");

    /**
     * The properties as the SDK's configuration.
     *
     * @throws InvalidConfigurationException naming the property, for any value the SDK cannot use
     */
    @Bean
    @ConditionalOnMissingBean
    public InterviewConfig interviewConfig(InterviewProperties properties) {
        return properties.toInterviewConfig().validate();
    }

    @Bean
    @ConditionalOnMissingBean
    public InterviewGuide interviewGuide(InterviewConfig config) {
        return InterviewGuide.from(config);
    }

    @Bean
    @ConditionalOnMissingBean
    public InterviewStyles interviewStyles() {
        return InterviewStyles.builtIn();
    }

    /**
     * The language and style of new interviews.
     *
     * @throws InvalidConfigurationException if {@code interview.start.style} is not one of the styles
     */
    @Bean
    @ConditionalOnMissingBean
    public StartDefaults interviewStartDefaults(InterviewConfig config, InterviewStyles styles) {
        StartDefaults defaults = StartDefaults.from(config);
        if (styles.find(defaults.style()).isEmpty()) {
            throw new InvalidConfigurationException(InterviewSettings.START_STYLE, InterviewSettings.START_STYLE
                    + " must be one of " + styles.codes() + ", was '" + defaults.style() + "' (from "
                    + config.source(InterviewSettings.START_STYLE).orElse("?") + ")");
        }
        return defaults;
    }

    /** The offline brain, when no LLM brain is configured (sdk-llm missing, or no key set). */
    @Bean
    @ConditionalOnMissingBean
    public InterviewerBrain interviewerBrain() {
        log.info("interview offline brain (add dev.interviewagent:sdk-llm-openai or sdk-llm-anthropic for the LLM"
                + " brain)");
        return MethodologyBrain.create();
    }

    /** The storage's lock (cluster-wide with Redis), or an in-process one when there is no storage. */
    @Bean(destroyMethod = "")
    @ConditionalOnMissingBean
    public InterviewLock interviewLock(ObjectProvider<InterviewStorage> storage) {
        InterviewStorage stack = storage.getIfUnique();
        return stack != null ? stack.lock() : InterviewLock.local();
    }

    @Bean
    @ConditionalOnMissingBean
    public InterviewEngine interviewEngine(InterviewConfig config, InterviewStore store, InterviewLock lock,
                                           InterviewerBrain brain, InterviewGuide guide, InterviewStyles styles,
                                           ObjectProvider<InterviewListener> listener,
                                           ObjectProvider<InterviewEngineCustomizer> customizers,
                                           ObjectProvider<InterviewStorage> storage) {
        if (storage.getIfUnique() == null) {
            warnAboutStorageSettings(config);
        }
        InterviewEngine.Builder builder = EngineSettings.from(config).applyTo(InterviewEngine.builder())
                .store(store).lock(lock).brain(brain).guide(guide).styles(styles);
        listener.ifUnique(builder::listener);
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        return builder.build();
    }

    /**
     * With the application's own store there is no store stack: its settings (encryption at rest among them) do not
     * apply, which must not go unnoticed.
     */
    private static void warnAboutStorageSettings(InterviewConfig config) {
        for (Setting<?> setting : InterviewSettings.all()) {
            String name = setting.name();
            boolean storage = STORAGE_GROUPS.stream().anyMatch(name::startsWith);
            if (storage && config.isSet(setting)) {
                log.warn("{} is set but the application's own InterviewStore is used: the starter opens no store"
                        + " stack, so it does not apply", name);
            }
        }
    }

    /** The store stack, unless the application brings its own {@link InterviewStore}. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnMissingBean(InterviewStore.class)
    static class StorageConfiguration {

        /**
         * Opens the stack: connects, migrates (its own Flyway history, {@code interview_schema_history}) and, with
         * Redis, prepares the cache and lock.
         */
        @Bean
        @ConditionalOnMissingBean
        @DependsOnDatabaseInitialization
        InterviewStorage interviewStorage(InterviewConfig config, ObjectProvider<DataSource> dataSource) {
            InterviewStorage.Builder builder = InterviewStorage.builder(config);
            DataSource application = config.isSet(InterviewSettings.STORE_URL) ? null : dataSource.getIfAvailable();
            if (application != null) {
                builder.dataSource(application);
            }
            InterviewStorage storage = builder.open();
            storage.description().forEach(line -> log.info("interview {}", line));
            if (application != null && inMemory(application)) {
                log.warn("interviews are kept in the application's in-memory database and are lost when it stops:"
                        + " set spring.datasource.url, or {} for a store of their own", InterviewSettings.STORE_URL);
            }
            return storage;
        }

        /** An in-memory database, such as the H2 one Spring Boot creates when no URL is configured. */
        private static boolean inMemory(DataSource dataSource) {
            try (Connection connection = dataSource.getConnection()) {
                String url = connection.getMetaData().getURL();
                return url != null && (url.startsWith("jdbc:h2:mem:") || url.startsWith("jdbc:hsqldb:mem:")
                        || url.startsWith("jdbc:derby:memory:"));
            } catch (SQLException e) {
                return false; // the store has just used it; nothing to warn about that it would not show
            }
        }

        // The storage owns what it hands out and closes it: these beans have no destroy method of their own.

        @Bean(destroyMethod = "")
        InterviewStore interviewStore(InterviewStorage storage) {
            return storage.store();
        }

        @Bean(destroyMethod = "")
        @ConditionalOnMissingBean
        PrivacyOperations interviewPrivacyOperations(InterviewStorage storage) {
            return storage.privacy();
        }

        @Bean
        @ConditionalOnMissingBean
        InterviewRetention interviewRetention(InterviewStorage storage, InterviewEngine engine) {
            return new InterviewRetention(storage, engine);
        }
    }

    /** The brain {@code interview.llm.*} selects, when sdk-llm is on the classpath: the LLM brain or the offline one. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(LlmBrains.class)
    static class LlmBrainConfiguration {

        @Bean
        @ConditionalOnMissingBean
        InterviewerBrain interviewerBrain(InterviewConfig config) {
            log.info("interview {}", LlmBrains.describe(config));
            return LlmBrains.from(config).orElseGet(MethodologyBrain::create);
        }
    }

    /**
     * Speech-to-text, when sdk-voice is on the classpath and {@code interview.voice.*} selects a provider whose module
     * is there too (one named without its module fails with the artifact to add).
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(SpeechToTextFactory.class)
    @Conditional(SpeechToTextCondition.class)
    static class SpeechConfiguration {

        @Bean
        @ConditionalOnMissingBean
        SpeechToText interviewSpeechToText(InterviewConfig config) {
            SpeechToText speech = SpeechToTextFactory.from(config).orElseThrow(() -> new IllegalStateException(
                    "interview.voice.* selects no speech-to-text provider"));
            log.info("interview voice: {} speech-to-text", speech.providerId());
            return speech;
        }
    }
}
