package dev.interviewagent.core.internal.analysis;

/**
 * An answer split into word tokens once, so every phrase rule runs over the same array instead of re-scanning the
 * text. A token is a run of Unicode letters and digits; an apostrophe or hyphen between two letters joins
 * ({@code don't}, {@code по-разному}), and so does a decimal point between two digits ({@code 2.5}). Tokens are
 * normalised for matching: lower case (locale-independent), {@code ё} → {@code е}, typographic apostrophe →
 * {@code '}. Offsets point into the original text, so a match can be quoted exactly as written.
 *
 * <p>{@link #wordCount()} covers the whole text; tokens are recorded only for the first {@code window} characters,
 * which bounds the work for very long input. Immutable once built.
 */
public final class TokenizedText {

    private final String text;
    private final int wordCount;
    private final int size;
    private final String[] norm;
    private final int[] start;
    private final int[] end;
    /** Gap flags: index i describes the gap before token i; index size is the gap after the last token. */
    private final boolean[] punctGap;
    private final boolean[] sentenceGap;

    private TokenizedText(String text, int wordCount, int size, String[] norm, int[] start, int[] end,
            boolean[] punctGap, boolean[] sentenceGap) {
        this.text = text;
        this.wordCount = wordCount;
        this.size = size;
        this.norm = norm;
        this.start = start;
        this.end = end;
        this.punctGap = punctGap;
        this.sentenceGap = sentenceGap;
    }

    /** Tokenises {@code text}, recording tokens that start within the first {@code window} characters. */
    public static TokenizedText of(String text, int window) {
        int len = text.length();
        int cap = Math.max(16, Math.min(len, window) / 4 + 4);
        String[] norm = new String[cap];
        int[] start = new int[cap];
        int[] end = new int[cap];
        int size = 0;
        int words = 0;
        StringBuilder sb = new StringBuilder(24);
        int i = 0;
        while (i < len) {
            int cp = text.codePointAt(i);
            if (!isWordChar(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            int tokenStart = i;
            boolean record = tokenStart < window;
            sb.setLength(0);
            while (i < len) {
                cp = text.codePointAt(i);
                int n = Character.charCount(cp);
                if (isWordChar(cp)) {
                    if (record) {
                        appendNormalised(sb, cp);
                    }
                    i += n;
                } else if (i + 1 < len && isJoiner(text, i, cp)) {
                    if (record) {
                        sb.append(cp == '’' || cp == 'ʼ' ? '\'' : cp == '‐' ? '-' : (char) cp);
                    }
                    i += 1;
                } else {
                    break;
                }
            }
            words++;
            if (record) {
                if (size == norm.length) {
                    int grown = size * 2;
                    norm = java.util.Arrays.copyOf(norm, grown);
                    start = java.util.Arrays.copyOf(start, grown);
                    end = java.util.Arrays.copyOf(end, grown);
                }
                norm[size] = sb.toString();
                start[size] = tokenStart;
                end[size] = i;
                size++;
            }
        }
        boolean[] punctGap = new boolean[size + 1];
        boolean[] sentenceGap = new boolean[size + 1];
        punctGap[0] = true;
        sentenceGap[0] = true;
        for (int t = 1; t <= size; t++) {
            int from = end[t - 1];
            int to = t < size ? start[t] : len;
            boolean punct = t == size;
            boolean sentence = t == size;
            for (int c = from; c < to; c++) {
                char ch = text.charAt(c);
                if (Character.isWhitespace(ch) || Character.isSpaceChar(ch)) {
                    if (ch == '\n' || ch == '\r') {
                        sentence = true;
                        punct = true;
                    }
                    continue;
                }
                punct = true;
                if (ch == '!' || ch == '?' || ch == '…' || ch == ';') {
                    sentence = true;
                } else if (ch == '.' && (c + 1 >= to || Character.isWhitespace(text.charAt(c + 1))
                        || text.charAt(c + 1) == '.' || text.charAt(c + 1) == '"' || text.charAt(c + 1) == ')')) {
                    sentence = true;
                }
            }
            punctGap[t] = punct;
            sentenceGap[t] = sentence;
        }
        return new TokenizedText(text, words, size, norm, start, end, punctGap, sentenceGap);
    }

    private static boolean isWordChar(int cp) {
        if (Character.isLetterOrDigit(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
    }

    /** An apostrophe or hyphen between letters, or a decimal separator between digits, stays inside the token. */
    private static boolean isJoiner(String text, int i, int cp) {
        if (i == 0) {
            return false;
        }
        char prev = text.charAt(i - 1);
        char next = text.charAt(i + 1);
        if (cp == '\'' || cp == '’' || cp == 'ʼ' || cp == '-' || cp == '‐') {
            return Character.isLetter(prev) && Character.isLetter(next);
        }
        if (cp == '.' || cp == ',') {
            return Character.isDigit(prev) && Character.isDigit(next);
        }
        return false;
    }

    private static void appendNormalised(StringBuilder sb, int cp) {
        int lower = Character.toLowerCase(cp);
        if (lower == 'ё') {
            lower = 'е';
        }
        sb.appendCodePoint(lower);
    }

    /** Normalises a phrase or word the same way tokens are normalised. */
    public static String normalise(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            if (cp == '’' || cp == 'ʼ') {
                sb.append('\'');
            } else {
                appendNormalised(sb, cp);
            }
        });
        return sb.toString();
    }

    /** The text the tokens point into. */
    public String text() {
        return text;
    }

    /** Words in the whole text, including any beyond the analysed window. */
    public int wordCount() {
        return wordCount;
    }

    /** Recorded tokens. */
    public int size() {
        return size;
    }

    /** The normalised form of token {@code i}. */
    public String token(int i) {
        return norm[i];
    }

    public int start(int i) {
        return start[i];
    }

    public int end(int i) {
        return end[i];
    }

    /** Whether there is punctuation (or a line break, or the start of the text) right before token {@code i}. */
    public boolean punctuationBefore(int i) {
        return punctGap[i];
    }

    /** Whether there is punctuation (or the end of the text) right after token {@code i}. */
    public boolean punctuationAfter(int i) {
        return punctGap[i + 1];
    }

    /** Whether a sentence ends between token {@code i - 1} and token {@code i}; true for the first token. */
    public boolean sentenceBreakBefore(int i) {
        return sentenceGap[i];
    }

    /** The original text from the start of token {@code from} to the end of token {@code toInclusive}. */
    public String original(int from, int toInclusive) {
        return text.substring(start[from], end[toInclusive]);
    }

    /** Whether token {@code i} is all ASCII digits. */
    public boolean isNumber(int i) {
        String t = norm[i];
        for (int c = 0; c < t.length(); c++) {
            char ch = t.charAt(c);
            if ((ch < '0' || ch > '9') && ch != '.' && ch != ',') {
                return false;
            }
        }
        return !t.isEmpty() && Character.isDigit(t.charAt(0));
    }
}
