package dev.interviewagent.persistence.internal;

import dev.interviewagent.core.InterviewId;
import dev.interviewagent.persistence.AnswerEncryption.Binding;

/**
 * Where each encrypted value of the stores lives, as the {@link Binding} its ciphertext is sealed to. The field names
 * are part of the stored format: renaming one makes every value stored under it unreadable.
 */
public final class Bindings {

    /** {@code interviews.state}: the state document. */
    public static final String STATE = "interviews.state";
    /** {@code turns.text}, item = the turn number. */
    public static final String TURN_TEXT = "turns.text";
    /** {@code reports.report_json}. */
    public static final String REPORT_JSON = "reports.report_json";
    /** {@code reports.markdown}. */
    public static final String REPORT_MARKDOWN = "reports.markdown";
    /** {@code channel_inbox.payload}: subject = the inbox scope, item = the message id. */
    public static final String INBOX_PAYLOAD = "channel_inbox.payload";
    /** The state document cached in Redis. */
    public static final String CACHED_STATE = "redis.state";

    private Bindings() {
    }

    public static Binding state(InterviewId id) {
        return Binding.of(id.value(), STATE);
    }

    public static Binding turn(InterviewId id, int number) {
        return new Binding(id.value(), TURN_TEXT, Integer.toString(number));
    }

    public static Binding reportJson(InterviewId id) {
        return Binding.of(id.value(), REPORT_JSON);
    }

    public static Binding reportMarkdown(InterviewId id) {
        return Binding.of(id.value(), REPORT_MARKDOWN);
    }

    public static Binding inbox(String scope, String messageId) {
        return new Binding(scope, INBOX_PAYLOAD, messageId);
    }

    public static Binding cachedState(InterviewId id) {
        return Binding.of(id.value(), CACHED_STATE);
    }
}
