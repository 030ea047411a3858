package dev.interviewagent.core.internal.text;

import dev.interviewagent.core.exception.InputTooLargeException;
import dev.interviewagent.core.exception.InvalidInputException;

/**
 * Makes respondent text safe to store and show: drops control characters (keeping line breaks and tabs), drops
 * invisible characters ({@link #stripInvisible}), replaces unpaired surrogates, normalises line endings and trims.
 * Rejects empty and oversized text with typed errors.
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
        return stripInvisible(cleanControls(raw)).strip();
    }

    private static String cleanControls(String raw) {
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
            } else if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
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
        return out.toString();
    }

    /**
     * Removes the characters that render as nothing but change how text reads or is matched: bidirectional
     * controls (U+202A–U+202E, U+2066–U+2069, U+200E/U+200F, U+061C), zero-width characters (U+200B–U+200D,
     * U+2060, U+FEFF), the soft hyphen, tag characters (U+E0000–U+E007F, which models read as ASCII) and the rest of
     * Unicode's default-ignorable and format characters. They can hide words from a reader or from the injection
     * detector ({@code ig\u200Bnore}), or reorder what an operator sees. Two emoji uses survive: a zero-width joiner
     * between two emoji (👩‍💻) and one emoji/text presentation selector (U+FE0E/U+FE0F) after a visible
     * character. Other variation selectors are dropped (their glyph falls back to the default); so are the tags of
     * subdivision flags (🏴 stays, without the country). Everything else is kept as is; never returns null.
     */
    public static String stripInvisible(String text) {
        int n = text.length();
        int i = 0;
        while (i < n) {
            int cp = text.codePointAt(i);
            if (invisible(cp)) {
                break;
            }
            i += Character.charCount(cp);
        }
        if (i == n) {
            return text;
        }
        StringBuilder out = new StringBuilder(n);
        out.append(text, 0, i);
        int previous = i == 0 ? -1 : text.codePointBefore(i);
        while (i < n) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (!invisible(cp) || keptInEmoji(cp, previous, i < n ? text.codePointAt(i) : -1, out)) {
                out.appendCodePoint(cp);
                previous = cp;
            }
        }
        return out.toString();
    }

    private static boolean invisible(int cp) {
        if (cp < 0xAD) {
            return false;
        }
        return Character.getType(cp) == Character.FORMAT || defaultIgnorable(cp);
    }

    /** Unicode's Default_Ignorable_Code_Point that are not already format characters, and the variation selectors. */
    private static boolean defaultIgnorable(int cp) {
        return cp == 0x034F || cp == 0x115F || cp == 0x1160 || cp == 0x17B4 || cp == 0x17B5
                || (cp >= 0x180B && cp <= 0x180F) || (cp >= 0x2060 && cp <= 0x206F) || cp == 0x3164
                || (cp >= 0xFE00 && cp <= 0xFE0F) || cp == 0xFFA0 || (cp >= 0xFFF0 && cp <= 0xFFF8)
                || (cp >= 0x1BCA0 && cp <= 0x1BCA3) || (cp >= 0x1D173 && cp <= 0x1D17A)
                || (cp >= 0xE0000 && cp <= 0xE0FFF);
    }

    private static boolean keptInEmoji(int cp, int previous, int next, StringBuilder kept) {
        if (cp == 0x200D) {
            return emojiEnd(previous, kept) && emoji(next);
        }
        if (cp == 0xFE0E || cp == 0xFE0F) {
            return previous >= 0 && !invisible(previous) && !Character.isWhitespace(previous);
        }
        return false;
    }

    /** Whether the kept text ends with an emoji, possibly followed by a skin tone or a presentation selector. */
    private static boolean emojiEnd(int previous, StringBuilder kept) {
        int end = kept.length();
        int cp = previous;
        while (end > 0 && (cp == 0xFE0F || (cp >= 0x1F3FB && cp <= 0x1F3FF))) {
            end -= Character.charCount(cp);
            cp = end > 0 ? kept.codePointBefore(end) : -1;
        }
        return emoji(cp);
    }

    private static boolean emoji(int cp) {
        return cp >= 0 && Character.getType(cp) == Character.OTHER_SYMBOL;
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
