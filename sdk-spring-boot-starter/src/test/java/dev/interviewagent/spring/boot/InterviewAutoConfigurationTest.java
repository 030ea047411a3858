package dev.interviewagent.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interviewagent.core.Answer;
import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.InterviewListener;
import dev.interviewagent.core.InterviewSnapshot;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.Reply;
import dev.interviewagent.core.StartRequest;
import dev.interviewagent.core.brain.MethodologyBrain;
import dev.interviewagent.core.config.InterviewConfig;
import dev.interviewagent.core.config.InterviewSettings;
import dev.interviewagent.core.config.LogCapture;
import dev.interviewagent.core.config.StartDefaults;
import dev.interviewagent.core.exception.InputTooLargeException;
import dev.interviewagent.core.guide.InterviewStyle;
import dev.interviewagent.core.guide.InterviewStyles;
import dev.interviewagent.core.spi.InterviewLock;
import dev.interviewagent.core.spi.InterviewStore;
import dev.interviewagent.core.spi.InterviewerBrain;
import dev.interviewagent.core.store.InMemoryInterviewStore;
import dev.interviewagent.llm.LlmBrain;
import dev.interviewagent.persistence.InterviewStorage;
import dev.interviewagent.persistence.PrivacyOperations;
import dev.interviewagent.persistence.redis.RedisInterviewLock;
import dev.interviewagent.persistence.redis.RedisInterviewStore;
import dev.interviewagent.persistence.redis.RedisMessageDeduplicator;
import dev.interviewagent.voice.SpeechToText;
import dev.interviewagent.voice.SpeechToTextFactory;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Every condition of the auto-configuration: what it builds from which properties, and what backs off. */
class InterviewAutoConfigurationTest {

    @TempDir
    Path dir;

    /** A key ring: on the application's database, answers are encrypted at rest or the store refuses to start. */
    private static final String KEYS = "interview.encryption.keys=k1:MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

    /** The auto-configuration with nothing set but where an embedded store would go. */
    private ApplicationContextRunner runner() {
        return bare().withPropertyValues("interview.store.url=" + dir.resolve("store"));
    }

    private static ApplicationContextRunner bare() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(InterviewAutoConfiguration.class));
    }

    private static Reply answerOnce(InterviewEngine engine) {
        Reply first = engine.start(StartRequest.builder().language(Language.ENGLISH).build());
        return engine.answer(first.interviewId(), Answer.text("m1", "I run the night shift at the depot."));
    }

    // ------------------------------------------------------------------------------------------------ defaults

    @Test
    void should_run_interviews_on_the_embedded_store_with_the_offline_brain_when_nothing_else_is_configured() {
        runner().run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(InterviewEngine.class)
                    .hasSingleBean(InterviewStorage.class).hasSingleBean(PrivacyOperations.class)
                    .hasSingleBean(InterviewRetention.class)
                    .doesNotHaveBean(SpeechToText.class);
            InterviewStorage storage = context.getBean(InterviewStorage.class);
            assertThat(storage.database().databaseKind()).isEqualTo("h2");
            assertThat(storage.description().get(0)).startsWith("store: embedded (H2 in ");
            assertThat(context.getBean(InterviewStore.class)).isSameAs(storage.database());
            assertThat(context.getBean(InterviewerBrain.class)).isInstanceOf(MethodologyBrain.class);
            assertThat(context.getBean(InterviewLock.class)).isSameAs(storage.lock());
            assertThat(context.getBean(StartDefaults.class)).isEqualTo(StartDefaults.defaults());
            assertThat(context.getBean(InterviewConfig.class).describe()).containsExactly(
                    "interview.store.url = " + dir.resolve("store") + " (Spring property interview.store.url)");
            assertThat(context.getBean(InterviewRetention.class).isRunning()).isFalse();

            Reply second = answerOnce(context.getBean(InterviewEngine.class));
            assertThat(second.message().text()).isNotBlank();
            assertThat(storage.database().turns(second.interviewId())).hasSize(3);
        });
        assertThat(dir.resolve("store").resolve("interviews.mv.db")).exists();
    }

    @Test
    void should_take_timeouts_limits_and_the_start_defaults_from_the_properties() {
        runner().withPropertyValues("interview.engine.max-answer-chars=40", "interview.engine.lock-timeout=2m",
                        "interview.start.language=ru", "interview.start.style=telegram")
                .run(context -> {
                    InterviewEngine engine = context.getBean(InterviewEngine.class);
                    StartDefaults defaults = context.getBean(StartDefaults.class);
                    Reply first = engine.start(defaults.applyTo(StartRequest.builder()).build());

                    assertThat(engine.status(first.interviewId()).language()).isEqualTo(Language.RUSSIAN);
                    assertThat(engine.status(first.interviewId()).style()).isEqualTo("telegram");
                    assertThat(context.getBean(InterviewConfig.class).get(InterviewSettings.ENGINE_LOCK_TIMEOUT))
                            .isEqualTo(Duration.ofMinutes(2));
                    assertThatThrownBy(() -> engine.answer(first.interviewId(), Answer.text("m1", "x".repeat(41))))
                            .isInstanceOf(InputTooLargeException.class);
                });
    }

    @Test
    void should_bind_environment_variables_named_as_the_registry_names_them() {
        runner().withInitializer(context -> context.getEnvironment().getPropertySources().addFirst(
                        new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                                Map.of("INTERVIEW_ENGINE_BRAIN_TIMEOUT", "12s", "INTERVIEW_START_STYLE", "telegram",
                                        "INTERVIEW_RETENTION_PURGE_ARCHIVED_AFTER_DAYS", "30"))))
                .run(context -> {
                    InterviewConfig config = context.getBean(InterviewConfig.class);
                    assertThat(config.get(InterviewSettings.ENGINE_BRAIN_TIMEOUT)).isEqualTo(Duration.ofSeconds(12));
                    assertThat(config.get(InterviewSettings.START_STYLE)).isEqualTo("telegram");
                    assertThat(config.get(InterviewSettings.RETENTION_PURGE_ARCHIVED_AFTER_DAYS)).isEqualTo(30);
                });
    }

    // ------------------------------------------------------------------------------------------------ DataSource

    @Test
    void should_keep_interviews_in_the_applications_data_source_when_it_has_one() {
        bare().withUserConfiguration(HostDataSource.class).withPropertyValues(KEYS).run(context -> {
            InterviewStorage storage = context.getBean(InterviewStorage.class);
            assertThat(storage.description().get(0)).isEqualTo("store: h2 on the application's data source");
            InterviewId id = answerOnce(context.getBean(InterviewEngine.class)).interviewId();

            try (Connection c = context.getBean(DataSource.class).getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT count(*) FROM turns WHERE interview_id = '" + id.value() + "'")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(3);
            }
        });
        assertThat(Path.of(InterviewSettings.STORE_URL.defaultValue().orElseThrow()))
                .as("no embedded store beside the application's database").doesNotExist();
    }

    @Test
    void should_refuse_to_start_on_the_applications_database_without_keys_unless_encryption_is_opted_out() {
        bare().withUserConfiguration(HostDataSource.class).run(context -> assertThat(context).hasFailed()
                .getFailure().rootCause().hasMessageContaining("interview.encryption.keys"));
        bare().withUserConfiguration(HostDataSource.class).withPropertyValues("interview.encryption.required=false")
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(InterviewEngine.class));
    }

    @Test
    void should_warn_that_interviews_are_lost_at_stop_when_the_applications_database_is_in_memory() {
        String log = LogCapture.of(() -> bare().withUserConfiguration(HostDataSource.class).withPropertyValues(KEYS)
                .run(context -> assertThat(context).hasNotFailed()));

        assertThat(log).contains("WARN interviews are kept in the application's in-memory database and are lost"
                + " when it stops: set spring.datasource.url, or interview.store.url for a store of their own");
    }

    @Test
    void should_use_its_own_pool_when_the_store_url_is_set_even_if_the_application_has_a_data_source() {
        runner().withUserConfiguration(HostDataSource.class)
                .withPropertyValues("interview.store.url=" + dir.resolve("own"))
                .run(context -> assertThat(context.getBean(InterviewStorage.class).description().get(0))
                        .startsWith("store: embedded (H2 in " + dir.resolve("own")));
    }

    // ------------------------------------------------------------------------------------------------ brain

    @Test
    void should_use_the_llm_brain_when_a_key_is_set_and_the_offline_brain_when_the_provider_says_so() {
        runner().withPropertyValues("interview.llm.openai.api-key=sk-test-not-a-real-key",
                "interview.llm.openai.model=gpt-test", "interview.llm.openai.base-url=http://127.0.0.1:9/v1")
                .run(context -> {
                    InterviewerBrain brain = context.getBean(InterviewerBrain.class);
                    assertThat(brain).isInstanceOf(LlmBrain.class);
                    assertThat(((LlmBrain) brain).description()).isEqualTo("openai gpt-test at http://127.0.0.1:9/v1");
                });
        runner().withPropertyValues("interview.llm.openai.api-key=sk-test-not-a-real-key",
                        "interview.llm.provider=offline")
                .run(context -> assertThat(context.getBean(InterviewerBrain.class))
                        .isInstanceOf(MethodologyBrain.class));
    }

    @Test
    void should_read_the_provider_keys_by_their_industry_environment_names() {
        runner().withInitializer(context -> {
            ConfigurableEnvironment environment = context.getEnvironment();
            environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                    new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                            Map.of("ANTHROPIC_API_KEY", "sk-ant-test", "ANTHROPIC_MODEL", "claude-test",
                                    "INTERVIEW_LLM_ANTHROPIC_MODEL", "claude-wins")));
            new InterviewEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
        }).run(context -> {
            InterviewerBrain brain = context.getBean(InterviewerBrain.class);
            assertThat(brain).isInstanceOf(LlmBrain.class);
            assertThat(((LlmBrain) brain).description()).startsWith("anthropic claude-wins at ");
        });
    }

    // ------------------------------------------------------------------------------------------------ Redis

    @Test
    void should_put_redis_in_front_of_the_store_and_lock_across_nodes_when_a_redis_url_is_set() {
        String prefix = TestServices.newRedisPrefix();
        runner().withPropertyValues("interview.redis.url=" + TestServices.REDIS_URL,
                "interview.redis.key-prefix=" + prefix).run(context -> {
                    assertThat(context.getBean(InterviewStore.class)).isInstanceOf(RedisInterviewStore.class);
                    assertThat(context.getBean(InterviewLock.class)).isInstanceOf(RedisInterviewLock.class);
                    assertThat(context.getBean(InterviewStorage.class).deduplicator())
                            .isInstanceOf(RedisMessageDeduplicator.class);
                    assertThat(answerOnce(context.getBean(InterviewEngine.class)).message().text()).isNotBlank();
                    assertThat(context.getBean(InterviewStorage.class).pingRedis()).isTrue();
                });
    }

    // ------------------------------------------------------------------------------------------------ voice

    @Test
    void should_transcribe_with_the_configured_provider_and_without_voice_when_off_or_missing() {
        runner().withPropertyValues("interview.voice.assemblyai.api-key=aai-test-key")
                .run(context -> assertThat(context.getBean(SpeechToText.class).providerId()).isEqualTo("assemblyai"));
        runner().withPropertyValues("interview.llm.openai.api-key=sk-test-not-a-real-key")
                .run(context -> assertThat(context.getBean(SpeechToText.class).providerId()).isEqualTo("openai"));
        runner().withPropertyValues("interview.voice.assemblyai.api-key=aai-test-key", "interview.voice.provider=off")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(SpeechToText.class));
        runner().withClassLoader(new FilteredClassLoader(SpeechToTextFactory.class))
                .withPropertyValues("interview.voice.assemblyai.api-key=aai-test-key")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(SpeechToText.class)
                        .hasSingleBean(InterviewEngine.class));
    }

    // ------------------------------------------------------------------------------------------------ overrides

    @Test
    void should_back_off_the_whole_store_stack_when_the_application_brings_its_own_store() {
        runner().withUserConfiguration(HostStore.class).run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(InterviewStorage.class)
                    .doesNotHaveBean(InterviewRetention.class).doesNotHaveBean(PrivacyOperations.class);
            assertThat(context.getBean(InterviewStore.class)).isSameAs(context.getBean("hostStore"));
            assertThat(context.getBean(InterviewLock.class)).isNotInstanceOf(RedisInterviewLock.class);
            InterviewId id = answerOnce(context.getBean(InterviewEngine.class)).interviewId();
            assertThat(context.getBean(InMemoryInterviewStore.class).load(id)).isPresent();
        });
        assertThat(dir.resolve("store")).doesNotExist();
        String log = LogCapture.of(() -> bare().withUserConfiguration(HostStore.class)
                .withPropertyValues("interview.encryption.keys=k1:MDEyMzQ1Njc4OWFiY2RlZg==")
                .run(context -> assertThat(context).hasNotFailed()));
        assertThat(log).contains("WARN interview.encryption.keys is set but the application's own InterviewStore is"
                + " used: the starter opens no store stack, so it does not apply").doesNotContain("MDEyMzQ1");
    }

    @Test
    void should_use_the_applications_lock_brain_speech_and_engine_beans_instead_of_its_own() {
        runner().withUserConfiguration(HostParts.class).run(context -> {
            assertThat(context.getBean(InterviewLock.class)).isSameAs(HostParts.LOCK);
            assertThat(context.getBean(InterviewerBrain.class)).isSameAs(HostParts.BRAIN);
            assertThat(context.getBean(SpeechToText.class)).isSameAs(HostParts.SPEECH);
            answerOnce(context.getBean(InterviewEngine.class));
            assertThat(HostParts.LOCKED).isNotEmpty();
        });
        runner().withUserConfiguration(HostEngine.class).run(context -> {
            assertThat(context.getBean(InterviewEngine.class)).isSameAs(context.getBean("hostEngine"));
            assertThat(context.getBean(InterviewRetention.class)).isNotNull();
        });
        runner().withUserConfiguration(HostStorage.class).run(context -> {
            assertThat(context.getBean(InterviewStorage.class)).isSameAs(context.getBean("hostStorage"));
            assertThat(context.getBean(InterviewStore.class))
                    .isSameAs(context.getBean(InterviewStorage.class).store());
        });
    }

    @Test
    void should_apply_the_applications_listener_and_customizers_to_the_engine() {
        runner().withUserConfiguration(HostListener.class).run(context -> {
            answerOnce(context.getBean(InterviewEngine.class));
            assertThat(HostListener.TURNS).isNotEmpty();
            assertThat(context.getBean(InterviewEngine.class).styles().codes()).contains("host_style");
        });
    }

    // ------------------------------------------------------------------------------------------------ retention

    @Test
    void should_sweep_while_the_context_runs_when_retention_is_enabled() {
        runner().withPropertyValues("interview.retention.enabled=true", "interview.retention.sweep-every=1h")
                .run(context -> {
                    InterviewRetention retention = context.getBean(InterviewRetention.class);
                    assertThat(retention.isRunning()).isTrue();
                    context.stop();
                    assertThat(retention.isRunning()).isFalse();
                    context.start();
                    assertThat(retention.isRunning()).isTrue();
                });
    }

    // ------------------------------------------------------------------------------------------------ hosts

    @Configuration(proxyBeanMethods = false)
    static class HostDataSource {
        @Bean
        DataSource dataSource() {
            return new DriverManagerDataSource("jdbc:h2:mem:host-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class HostStore {
        @Bean
        InMemoryInterviewStore hostStore() {
            return new InMemoryInterviewStore();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class HostParts {
        static final List<InterviewId> LOCKED = new CopyOnWriteArrayList<>();
        static final InterviewLock LOCK = (id, timeout) -> {
            LOCKED.add(id);
            return InterviewLock.local().acquire(id, timeout);
        };
        static final InterviewerBrain BRAIN = MethodologyBrain.create();
        static final SpeechToText SPEECH = new SpeechToText() {
            @Override
            public String providerId() {
                return "host";
            }

            @Override
            public dev.interviewagent.voice.Transcript transcribe(dev.interviewagent.voice.AudioInput audio,
                                                                  dev.interviewagent.voice.TranscriptionOptions options) {
                throw new UnsupportedOperationException("not used");
            }
        };

        @Bean
        InterviewLock hostLock() {
            return LOCK;
        }

        @Bean
        InterviewerBrain hostBrain() {
            return BRAIN;
        }

        @Bean
        SpeechToText hostSpeech() {
            return SPEECH;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class HostEngine {
        @Bean
        InterviewEngine hostEngine() {
            return InterviewEngine.builder().build();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class HostStorage {
        @Bean
        InterviewStorage hostStorage(InterviewConfig config) {
            return InterviewStorage.open(config);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class HostListener {
        static final List<Integer> TURNS = new CopyOnWriteArrayList<>();

        @Bean
        InterviewListener hostListener() {
            return new InterviewListener() {
                @Override
                public void onTurn(InterviewSnapshot interview, dev.interviewagent.core.Turn turn) {
                    TURNS.add(turn.number());
                }
            };
        }

        @Bean
        InterviewEngineCustomizer hostStyles() {
            InterviewStyle master = InterviewStyles.builtIn().get("master");
            InterviewStyle own = new InterviewStyle("host_style", master.name(), master.description(),
                    master.maxQuestionChars(), master.turnCap(), master.announceStages(), master.stageEmoji(),
                    master.warmBridges(), master.offerBreaks(), master.moodTracking(), master.promptTemplate());
            return builder -> builder.styles(InterviewStyles.builtIn().with(own));
        }
    }
}
