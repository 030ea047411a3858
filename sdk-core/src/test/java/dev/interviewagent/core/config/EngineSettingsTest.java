package dev.interviewagent.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interviewagent.core.Answer;
import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.Reply;
import dev.interviewagent.core.StartRequest;
import dev.interviewagent.core.exception.InputTooLargeException;
import dev.interviewagent.core.spi.BrainReply;
import dev.interviewagent.core.spi.BrainRequest;
import dev.interviewagent.core.spi.InterviewLock;
import dev.interviewagent.core.spi.InterviewerBrain;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** The engine's timeouts and limits come from configuration alone. */
class EngineSettingsTest {

    @Test
    void should_use_the_engine_defaults_when_nothing_is_configured() {
        assertThat(EngineSettings.from(InterviewConfig.fromEnvironment(Map.of()))).isEqualTo(EngineSettings.defaults());
    }

    @Test
    void should_reject_answers_over_the_configured_limit() {
        InterviewConfig config = InterviewConfig.fromEnvironment(Map.of("INTERVIEW_ENGINE_MAX_ANSWER_CHARS", "40"));

        try (InterviewEngine engine = EngineSettings.from(config).applyTo(InterviewEngine.builder()).build()) {
            InterviewId id = engine.start(StartRequest.builder().language(Language.ENGLISH).build()).interviewId();

            assertThatThrownBy(() -> engine.answer(id, Answer.text("m1", "x".repeat(41))))
                    .isInstanceOf(InputTooLargeException.class);
            assertThat(engine.answer(id, Answer.text("m2", "I run the night shift.")).message().text()).isNotBlank();
        }
    }

    @Test
    void should_wait_for_the_lock_as_long_as_configured() {
        List<Duration> waits = new CopyOnWriteArrayList<>();
        InterviewLock local = InterviewLock.local();
        InterviewLock recording = (id, timeout) -> {
            waits.add(timeout);
            return local.acquire(id, timeout);
        };
        InterviewConfig config = InterviewConfig.of(Map.of(), Map.of("interview.engine.lock-timeout", "2m"),
                Map.of());

        try (InterviewEngine engine = EngineSettings.from(config).applyTo(InterviewEngine.builder().lock(recording))
                .build()) {
            InterviewId id = engine.start(StartRequest.builder().language(Language.ENGLISH).build()).interviewId();
            engine.answer(id, Answer.text("m1", "I run the night shift."));
        }

        assertThat(waits).isNotEmpty().containsOnly(Duration.ofMinutes(2));
    }

    @Test
    void should_fall_back_to_the_offline_brain_after_the_configured_brain_timeout() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        InterviewerBrain stuck = new InterviewerBrain() {
            @Override
            public String id() {
                return "stuck";
            }

            @Override
            public BrainReply phrase(BrainRequest request) {
                try {
                    never.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new IllegalStateException("released");
            }
        };
        InterviewConfig config = InterviewConfig.fromEnvironment(Map.of("INTERVIEW_ENGINE_BRAIN_TIMEOUT", "200ms"));

        try (InterviewEngine engine = EngineSettings.from(config).applyTo(InterviewEngine.builder().brain(stuck))
                .build()) {
            Reply first = engine.start(StartRequest.builder().language(Language.ENGLISH).build());

            assertThat(first.message().fallback()).isTrue();
            assertThat(first.message().phrasedBy()).isNotEqualTo("stuck");
        } finally {
            never.countDown();
        }
    }

    @Test
    void should_name_the_setting_when_a_limit_is_out_of_range() {
        InterviewConfig config = InterviewConfig.fromEnvironment(Map.of("INTERVIEW_ENGINE_MAX_ANSWER_CHARS", "0"));

        assertThatThrownBy(() -> EngineSettings.from(config)).isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("interview.engine.max-answer-chars must be from 1 to 1000000, was '0'");
    }
}
