package dev.interviewagent.core.brain;

import java.util.Locale;

/** TEMPORARY until the brain branch lands. */
public final class QuestionFingerprint {
    private QuestionFingerprint() {
    }

    public static String of(String message) {
        StringBuilder out = new StringBuilder();
        boolean space = false;
        for (int i = 0; i < message.length(); i++) {
            char c = message.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                if (space && out.length() > 0) {
                    out.append(' ');
                }
                out.append(Character.toLowerCase(c));
                space = false;
            } else {
                space = true;
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }
}
