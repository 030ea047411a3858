package dev.interviewagent.core.config;

import dev.interviewagent.core.InterviewEngine;
import java.time.Duration;
import java.util.Objects;

/**
 * The engine's timeouts and limits as configured: {@code interview.engine.brain-timeout},
 * {@code interview.engine.lock-timeout} and {@code interview.engine.max-answer-chars}.
 *
 * <pre>{@code
 * InterviewEngine.Builder builder = InterviewEngine.builder();
 * EngineSettings.from(config).applyTo(builder);
 * }</pre>
 *
 * <p>Immutable; validated on construction with the same rules as the builder's setters.
 *
 * @param brainTimeout   how long the brain may take per message, &gt; 0
 * @param lockTimeout    how long a turn waits for the interview's lock, &gt; 0
 * @param maxAnswerChars the longest answer accepted, 1–1,000,000
 */
public record EngineSettings(Duration brainTimeout, Duration lockTimeout, int maxAnswerChars) {

    public EngineSettings {
        Objects.requireNonNull(brainTimeout, "brainTimeout");
        Objects.requireNonNull(lockTimeout, "lockTimeout");
        if (brainTimeout.isZero() || brainTimeout.isNegative()) {
            throw new IllegalArgumentException("brainTimeout must be > 0, was " + brainTimeout);
        }
        if (lockTimeout.isZero() || lockTimeout.isNegative()) {
            throw new IllegalArgumentException("lockTimeout must be > 0, was " + lockTimeout);
        }
        if (maxAnswerChars < 1 || maxAnswerChars > 1_000_000) {
            throw new IllegalArgumentException("maxAnswerChars must be 1-1000000, was " + maxAnswerChars);
        }
    }

    /** The engine's defaults ({@code InterviewEngine.DEFAULT_*}). */
    public static EngineSettings defaults() {
        return new EngineSettings(InterviewEngine.DEFAULT_BRAIN_TIMEOUT, InterviewEngine.DEFAULT_LOCK_TIMEOUT,
                InterviewEngine.DEFAULT_MAX_ANSWER_CHARS);
    }

    /**
     * The settings {@code config} holds, defaults for the rest.
     *
     * @throws InvalidConfigurationException for a bad value, naming the setting
     */
    public static EngineSettings from(InterviewConfig config) {
        Objects.requireNonNull(config, "config");
        return new EngineSettings(config.get(InterviewSettings.ENGINE_BRAIN_TIMEOUT),
                config.get(InterviewSettings.ENGINE_LOCK_TIMEOUT),
                config.get(InterviewSettings.ENGINE_MAX_ANSWER_CHARS));
    }

    /** Sets the brain timeout, lock timeout and answer limit on {@code builder}; returns it for chaining. */
    public InterviewEngine.Builder applyTo(InterviewEngine.Builder builder) {
        return Objects.requireNonNull(builder, "builder").brainTimeout(brainTimeout).lockTimeout(lockTimeout)
                .maxAnswerChars(maxAnswerChars);
    }
}
