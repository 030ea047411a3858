package dev.interviewagent.core.internal.text;

import dev.interviewagent.core.exception.InputTooLargeException;
import dev.interviewagent.core.exception.InvalidInputException;

/**
 * Makes respondent text safe to store and show: drops control characters (keeping line breaks and tabs), replaces
 * unpaired surrogates, normalises line endings and trims. Rejects empty and oversized text with typed errors.
 */
public final class TextSanitizer {

    private TextSanitizer() {
    }

    /**
     * Cleans an answer.
     *
     * @param maxChars the longest accepted answer after cleaning
     * @throws InvalidInputException   if nothing is left after cleaning
     * @throws InputTooLargeException  if the text is longer than {@code maxChars}
     */
    public static String cleanAnswer(String raw, int maxChars) {
        if (raw == null) {
            throw new InvalidInputException("answer text is missing");
        }
        // Refuse absurd input before copying it: the cleaned text can only be shorter.
        if (raw.length() > maxChars * 4L + 1024) {
            throw new InputTooLargeException("answer is too long: " + raw.length() + " characters, limit " + maxChars);
        }
        String cleaned = clean(raw);
        if (cleaned.isEmpty()) {
            throw new InvalidInputException("answer is empty");
        }
        if (cleaned.length() > maxChars) {
            throw new InputTooLargeException("answer is too long: " + cleaned.length() + " characters, limit "
                    + maxChars);
        }
        return cleaned;
    }

    /** Cleans text without length checks; may return an empty string. */
    public static String clean(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        int n = raw.length();
        for (int i = 0; i < n; i++) {
            char c = raw.charAt(i);
            if (c == '\r') {
                out.append('\n');
                if (i + 1 < n && raw.charAt(i + 1) == '\n') {
                    i++;
                }
            } else if (c == '\n' || c == '\t') {
                out.append(c);
            } else if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || c == '\uFEFF') {
                out.append(c == '\u2028' || c == '\u2029' ? '\n' : ' ');
            } else if (Character.isHighSurrogate(c)) {
                if (i + 1 < n && Character.isLowSurrogate(raw.charAt(i + 1))) {
                    out.append(c).append(raw.charAt(++i));
                } else {
                    out.append('\uFFFD');
                }
            } else if (Character.isLowSurrogate(c)) {
                out.append('\uFFFD');
            } else {
                out.append(c);
            }
        }
        return out.toString().strip();
    }

    /** A short excerpt for quoting: the first sentence, at most {@code maxChars}, cut at a word boundary. */
    public static String excerpt(String text, int maxChars) {
        String flat = text.replaceAll("\\s+", " ").strip();
        int end = firstSentenceEnd(flat);
        String sentence = end > 0 ? flat.substring(0, end).strip() : flat;
        if (sentence.length() <= maxChars) {
            return sentence;
        }
        int cut = sentence.lastIndexOf(' ', maxChars - 1);
        if (cut < maxChars / 2) {
            cut = maxChars - 1;
        }
        return sentence.substring(0, cut).strip() + "…";
    }

    /**
     * The whole text, whitespace folded, at most {@code maxChars}: cut after the last sentence that fits, or at a
     * word boundary with an ellipsis. For a story or a mistake kept in the report, where the first sentence alone
     * would lose what happened.
     */
    public static String bounded(String text, int maxChars) {
        String flat = text.replaceAll("\\s+", " ").strip();
        if (flat.length() <= maxChars) {
            return flat;
        }
        int sentenceEnd = -1;
        for (int i = 0; i < maxChars; i++) {
            char c = flat.charAt(i);
            if ((c == '.' || c == '!' || c == '?' || c == '…') && flat.charAt(i + 1) == ' ') {
                sentenceEnd = i + 1;
            }
        }
        if (sentenceEnd > maxChars / 2) {
            return flat.substring(0, sentenceEnd);
        }
        int cut = flat.lastIndexOf(' ', maxChars - 1);
        return flat.substring(0, cut < maxChars / 2 ? maxChars - 1 : cut).strip() + "…";
    }

    private static int firstSentenceEnd(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c == '.' || c == '!' || c == '?' || c == '…') && i > 10
                    && (i + 1 == text.length() || text.charAt(i + 1) == ' ')) {
                return i + 1;
            }
        }
        return -1;
    }
}
