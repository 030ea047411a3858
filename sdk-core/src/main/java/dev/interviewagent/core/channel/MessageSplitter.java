package dev.interviewagent.core.channel;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a long text into messages of at most a given length, at paragraph, then line, then sentence, then word
 * boundaries, and only as a last resort inside a word. Never splits a surrogate pair. Stateless.
 */
public final class MessageSplitter {

    private MessageSplitter() {
    }

    /**
     * Splits {@code text} into parts of at most {@code maxLength} characters each, in order; joined with the
     * separators removed at the cut points they rebuild the text (modulo surrounding white space).
     *
     * @throws IllegalArgumentException if {@code maxLength} is below 2
     */
    public static List<String> split(String text, int maxLength) {
        if (maxLength < 2) {
            throw new IllegalArgumentException("maxLength must be >= 2, was " + maxLength);
        }
        List<String> parts = new ArrayList<>();
        String rest = text.strip();
        while (rest.length() > maxLength) {
            int cut = cutPoint(rest, maxLength);
            String head = rest.substring(0, cut).stripTrailing();
            if (!head.isEmpty()) {
                parts.add(head);
            }
            rest = rest.substring(cut).stripLeading();
        }
        if (!rest.isEmpty()) {
            parts.add(rest);
        }
        return parts;
    }

    private static int cutPoint(String text, int maxLength) {
        String window = text.substring(0, maxLength);
        int paragraph = window.lastIndexOf("\n\n");
        if (paragraph >= maxLength / 3) {
            return paragraph + 2;
        }
        int line = window.lastIndexOf('\n');
        if (line >= maxLength / 3) {
            return line + 1;
        }
        int sentence = Math.max(Math.max(window.lastIndexOf(". "), window.lastIndexOf("! ")),
                Math.max(window.lastIndexOf("? "), window.lastIndexOf("… ")));
        if (sentence >= maxLength / 3) {
            return sentence + 2;
        }
        int space = window.lastIndexOf(' ');
        if (space >= maxLength / 3) {
            return space + 1;
        }
        int cut = maxLength;
        if (Character.isLowSurrogate(text.charAt(cut)) && Character.isHighSurrogate(text.charAt(cut - 1))) {
            cut--;
        }
        return cut;
    }
}
