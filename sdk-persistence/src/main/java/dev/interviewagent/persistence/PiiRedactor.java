package dev.interviewagent.persistence;

import java.util.regex.Pattern;

/**
 * Rewrites respondent text before a store writes it, for example to mask e-mail addresses and phone numbers. It is
 * applied to respondent turns and to the respondent's words kept in the interview state (knowledge items and recall
 * quotes), so the redacted parts never reach the database. Must be thread-safe, fast and idempotent (the same text
 * may pass through it again on a later commit). The default is {@link #NONE}.
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
