package dev.interviewagent.persistence.internal.jdbc;

import dev.interviewagent.core.exception.InputTooLargeException;
import dev.interviewagent.core.exception.InvalidInputException;

/**
 * The texts the database can keep: no longer than the store's limit, and representable in UTF-8 without loss (no NUL,
 * which PostgreSQL refuses, and no unpaired surrogate). Checked before writing, so the caller gets a typed error
 * naming the field instead of a driver error.
 */
public final class StorableText {

    private final int maxTextChars;

    public StorableText(int maxTextChars) {
        this.maxTextChars = maxTextChars;
    }

    /**
     * @param what names the text in the message, e.g. {@code turn 3 text}
     * @throws InputTooLargeException if {@code text} is longer than the limit
     * @throws InvalidInputException  if it holds a NUL or an unpaired surrogate
     */
    public void check(String text, String what) {
        if (text.length() > maxTextChars) {
            throw new InputTooLargeException(what + " has " + text.length() + " characters, more than the store's "
                    + "limit of " + maxTextChars);
        }
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                throw new InvalidInputException(what + " contains a NUL character, which the store cannot keep");
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                throw new InvalidInputException(what + " contains an unpaired surrogate (not valid Unicode)");
            }
            if (Character.isLowSurrogate(c)) {
                throw new InvalidInputException(what + " contains an unpaired surrogate (not valid Unicode)");
            }
        }
    }
}
