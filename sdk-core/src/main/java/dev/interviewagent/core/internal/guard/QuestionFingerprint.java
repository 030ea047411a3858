package dev.interviewagent.core.internal.guard;

import java.util.Locale;
import java.util.Objects;

/**
 * Normalises an interviewer message to a fingerprint, so that the engine can store what was asked
 * ({@link dev.interviewagent.core.Interview#askedQuestions()}) and a brain can avoid asking the same thing twice.
 *
 * <p>The fingerprint is the message in lower case with every character that is not a letter or a digit (in any
 * script) replaced by a space, runs of spaces collapsed and the ends trimmed; {@code ё} is folded to {@code е}.
 * Two messages that differ only in punctuation, quotes, emoji, case or spacing have the same fingerprint.
 *
 * <p>Pure function; thread-safe; never returns null.
 */
public final class QuestionFingerprint {

    private QuestionFingerprint() {
    }

    /**
     * The fingerprint of a message.
     *
     * @param message the full message as sent to the respondent; must not be null
     * @return the normalised fingerprint, empty for a message without letters or digits
     * @throws NullPointerException if {@code message} is null
     */
    public static String of(String message) {
        Objects.requireNonNull(message, "message");
        String lower = message.toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(lower.length());
        boolean pendingSpace = false;
        for (int i = 0; i < lower.length(); ) {
            int cp = lower.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetterOrDigit(cp)) {
                if (pendingSpace && out.length() > 0) {
                    out.append(' ');
                }
                pendingSpace = false;
                out.appendCodePoint(cp == 'ё' ? 'е' : cp);
            } else {
                pendingSpace = true;
            }
        }
        return out.toString();
    }
}
