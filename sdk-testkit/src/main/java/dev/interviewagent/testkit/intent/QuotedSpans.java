package dev.interviewagent.testkit.intent;

/**
 * Finds the respondent's words that an interviewer message quotes: spans in {@code “…”}, {@code «…»},
 * {@code „…“} or straight {@code "…"}. Their content must never decide what the question asks ("You said “a
 * mistake”" does not make a question about mistakes), so the parser hides it; the fact that something was quoted
 * stays visible to the rules as a placeholder.
 *
 * <p>A quotation never spans a line break and an opening mark without its closing mark quotes nothing: a stray
 * mark must not swallow the question.
 */
final class QuotedSpans {

    private QuotedSpans() {
    }

    /**
     * Marks every character that belongs to a quotation, the quotation marks included.
     *
     * @param text the message
     * @return one flag per char of {@code text}
     */
    static boolean[] mark(String text) {
        boolean[] quoted = new boolean[text.length()];
        int i = 0;
        while (i < text.length()) {
            int close = closingIndex(text, i);
            if (close > i) {
                for (int k = i; k <= close; k++) {
                    quoted[k] = true;
                }
                i = close + 1;
            } else {
                i++;
            }
        }
        return quoted;
    }

    /** The index of the mark that closes a quotation opened at {@code open}, or -1 when none opens there. */
    private static int closingIndex(String text, int open) {
        char c = text.charAt(open);
        return switch (c) {
            case '“' -> find(text, open, "”“", '\0');
            case '„' -> find(text, open, "“”", '\0');
            case '«' -> find(text, open, "»", '«');
            case '"' -> opensStraightQuote(text, open) ? find(text, open, "\"", '\0') : -1;
            default -> -1;
        };
    }

    /**
     * Searches for a closing mark on the same line. {@code nestedOpen} lets «…«…»…» close at its outer mark, as
     * Russian typography nests the same guillemets.
     */
    private static int find(String text, int open, String closers, char nestedOpen) {
        int depth = 0;
        for (int i = open + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                return -1;
            }
            if (c == nestedOpen) {
                depth++;
            } else if (closers.indexOf(c) >= 0) {
                if (depth == 0) {
                    return i;
                }
                depth--;
            }
        }
        return -1;
    }

    /** A straight quote opens only where a word may start: at the start or after a space, bracket or dash. */
    private static boolean opensStraightQuote(String text, int index) {
        if (index + 1 >= text.length() || Character.isWhitespace(text.charAt(index + 1))) {
            return false;
        }
        if (index == 0) {
            return true;
        }
        char before = text.charAt(index - 1);
        return Character.isWhitespace(before) || "([{—–-:".indexOf(before) >= 0;
    }
}
