package dev.interviewagent.core.internal.guard;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Cuts an interviewer message into the sentences the guard classifies: list items are one sentence each, other lines
 * end a sentence at its final punctuation; quotations are masked first, so the respondent's quoted words never end
 * one.
 */
final class SentenceSpans {

    private static final Pattern LIST_ITEM = Pattern.compile("^\\s*(?:\\d{1,2}[.)]|[-•*–—])\\s+");

    private SentenceSpans() {
    }

    /**
     * Splits into sentences: {@code {start, end, listItem}} spans over the (masked) text, in order, blank ones
     * dropped.
     */
    static List<int[]> split(String masked) {
        List<int[]> spans = new ArrayList<>();
        int lineStart = 0;
        while (lineStart <= masked.length()) {
            int lineEnd = masked.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = masked.length();
            }
            String line = masked.substring(lineStart, lineEnd);
            if (LIST_ITEM.matcher(line).find()) {
                addSpan(spans, masked, lineStart, lineEnd, true);
            } else {
                int sentenceStart = lineStart;
                int i = lineStart;
                while (i < lineEnd) {
                    char c = masked.charAt(i);
                    if (c == '.' || c == '!' || c == '?' || c == '？' || c == '…') {
                        int j = i + 1;
                        while (j < lineEnd && ".!?？…»”\")".indexOf(masked.charAt(j)) >= 0) {
                            j++;
                        }
                        if (j >= lineEnd || Character.isWhitespace(masked.charAt(j))) {
                            addSpan(spans, masked, sentenceStart, j, false);
                            sentenceStart = j;
                        }
                        i = j;
                    } else {
                        i++;
                    }
                }
                addSpan(spans, masked, sentenceStart, lineEnd, false);
            }
            lineStart = lineEnd + 1;
        }
        return spans;
    }

    private static void addSpan(List<int[]> spans, String text, int start, int end, boolean listItem) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (end > start) {
            spans.add(new int[] {start, end, listItem ? 1 : 0});
        }
    }

    /**
     * Replaces the inside of balanced quotations with neutral characters, keeping the length, so that a quoted
     * "?" or sentence end of the respondent's words is not taken for the interviewer's.
     */
    static String maskQuotes(String message) {
        char[] chars = message.toCharArray();
        int i = 0;
        while (i < chars.length) {
            char open = chars[i];
            int close = switch (open) {
                case '«' -> findClose(message, i + 1, "»");
                case '“' -> findClose(message, i + 1, "”");
                case '„' -> findClose(message, i + 1, "“”");
                case '"' -> findClose(message, i + 1, "\"");
                default -> -1;
            };
            if (close > 0) {
                for (int k = i + 1; k < close; k++) {
                    if (chars[k] != '\n') {
                        chars[k] = 'x';
                    }
                }
                i = close + 1;
            } else {
                i++;
            }
        }
        return new String(chars);
    }

    private static int findClose(String message, int from, String closers) {
        int depth = 0;
        for (int k = from; k < message.length(); k++) {
            char c = message.charAt(k);
            if (c == '«' && closers.equals("»")) {
                depth++;
            } else if (closers.indexOf(c) >= 0) {
                if (depth == 0) {
                    return k;
                }
                depth--;
            }
        }
        return -1;
    }
}
