package dev.interviewagent.spring.boot.properties;

import dev.interviewagent.core.config.InterviewSettings;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** The engine's timeouts and limits: {@code interview.engine.*}. */
public final class EngineProperties {

    /** How long the brain may take per message before the offline brain answers instead. */
    private Duration brainTimeout = Duration.ofSeconds(30);

    /** How long a turn waits for another turn of the same interview (then busy). */
    private Duration lockTimeout = Duration.ofSeconds(15);

    /** The longest answer accepted, in characters after cleaning (longer: too_large). */
    private int maxAnswerChars = 20000;

    public Duration getBrainTimeout() {
        return brainTimeout;
    }

    public void setBrainTimeout(Duration brainTimeout) {
        this.brainTimeout = brainTimeout;
    }

    public Duration getLockTimeout() {
        return lockTimeout;
    }

    public void setLockTimeout(Duration lockTimeout) {
        this.lockTimeout = lockTimeout;
    }

    public int getMaxAnswerChars() {
        return maxAnswerChars;
    }

    public void setMaxAnswerChars(int maxAnswerChars) {
        this.maxAnswerChars = maxAnswerChars;
    }

    void collect(SettingValues values) {
        values.put(InterviewSettings.ENGINE_BRAIN_TIMEOUT, brainTimeout);
        values.put(InterviewSettings.ENGINE_LOCK_TIMEOUT, lockTimeout);
        values.put(InterviewSettings.ENGINE_MAX_ANSWER_CHARS, maxAnswerChars);
    }
}
