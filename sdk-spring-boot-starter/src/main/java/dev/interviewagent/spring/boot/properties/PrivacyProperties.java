package dev.interviewagent.spring.boot.properties;

import dev.interviewagent.core.config.InterviewSettings;
import org.jspecify.annotations.Nullable;

/** Personal data in stored answers: {@code interview.privacy.*}. */
public final class PrivacyProperties {

    /**
     * Mask e-mail addresses and phone numbers in every stored text (answers, questions, profile, knowledge, reports,
     * inbox payloads) before it is stored.
     */
    private boolean redactPii = false;

    public boolean isRedactPii() {
        return redactPii;
    }

    public void setRedactPii(boolean redactPii) {
        this.redactPii = redactPii;
    }

    void collect(SettingValues values) {
        values.put(InterviewSettings.PRIVACY_REDACT_PII, redactPii);
    }
}
