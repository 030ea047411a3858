package dev.interviewagent.persistence;

import java.util.regex.Pattern;

/**
 * Rewrites text before a store writes it, for example to mask e-mail addresses and phone numbers. Stores apply it to
 * every text they keep: turns of both roles (the interviewer quotes answers), the interview state (profile fields,
 * the pending question, asked-question fingerprints, knowledge items, recall quotes, the member check, the interview
 * memory), archived reports (each string value of the JSON, the whole Markdown) and channel inbox payloads (each
 * string value of a JSON payload except identifier members such as {@code update_id}); the Redis cache holds the same
 * redacted state. Ids, codes, numbers, timestamps, the channel key and the state's host-set {@code attributes} are
 * not text and are kept as they are. So the redacted parts never reach the database or the cache. Must be
 * thread-safe, fast and idempotent (the same text may pass through it again on a later commit), and keep profile
 * fields within {@link dev.interviewagent.core.Profile#MAX_FIELD_LENGTH}. The default is {@link #NONE}.
 */
@FunctionalInterface
public interface PiiRedactor {

    /** Stores text unchanged. */
    PiiRedactor NONE = text -> text;

    /** The text to store instead of {@code text}. Never returns null. */
    String redact(String text);

    /**
     * An example redactor that replaces e-mail addresses with {@code [email]} and phone-like numbers (7 or more digits
     * with optional separators and a leading {@code +}) with {@code [phone]}. A starting point, not a complete PII
     * filter: names, addresses and ids pass through.
     */
    static PiiRedactor emailsAndPhones() {
        Pattern email = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
        Pattern phone = Pattern.compile("(?<![\\w+])\\+?\\d(?:[\\s().-]{0,2}\\d){6,14}(?![\\w])");
        return text -> phone.matcher(email.matcher(text).replaceAll("[email]")).replaceAll("[phone]");
    }
}
