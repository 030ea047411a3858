package dev.interviewagent.core.internal.understanding;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits an answer into words and numbers and marks where sentences and clauses end.
 *
 * <p>A hand-written scanner, one pass, no regular expressions: the reader must stay linear on any input, including
 * 20,000 characters of punctuation. Words keep inner apostrophes and hyphens ("don't", "tower-crane",
 * «шеф-сомелье»); numbers keep inner separators and a glued suffix ("2:30", "3am", «2021-го»).
 */
final class Tokenizer {

    private Tokenizer() {}

    /** Lower-cases, folds {@code ё} to {@code е} and typographic apostrophes to {@code '}. */
    static String normalise(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        StringBuilder out = null;
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            char folded = switch (c) {
                case 'ё' -> 'е';
                case '\u2019', '\u2018', '\u02bc', '`' -> '\'';
                default -> c;
            };
            if (folded != c && out == null) {
                out = new StringBuilder(lower);
            }
            if (out != null) {
                out.setCharAt(i, folded);
            }
        }
        return out == null ? lower : out.toString();
    }

    static List<Token> tokenize(String text, WordStemmer stemmer) {
        List<Token> tokens = new ArrayList<>(Math.max(8, text.length() / 5));
        int sentence = 0;
        int clause = 0;
        char before = ' ';
        boolean sentenceStart = true;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                int end = Character.isDigit(c) ? scanNumber(text, i) : scanWord(text, i);
                String surface = text.substring(i, end);
                boolean digits = Character.isDigit(c);
                boolean listMarker = digits && sentenceStart && isListMarker(text, end, surface);
                String norm = normalise(surface);
                tokens.add(new Token(surface, norm, digits ? norm : stemmer.stem(norm), i, end, sentence, clause,
                        before, digits, listMarker));
                before = ' ';
                sentenceStart = listMarker;
                if (listMarker) {
                    // "1." must not end the sentence it opens
                    i = end + 1;
                    continue;
                }
                i = end;
                continue;
            }
            if (endsSentence(text, i)) {
                sentence++;
                clause++;
                sentenceStart = true;
                before = c == '\n' ? '\n' : c;
            } else if (endsClause(text, i)) {
                clause++;
                before = c;
            } else if (!Character.isWhitespace(c) && before == ' ') {
                before = c;
            }
            i++;
        }
        return tokens;
    }

    private static int scanWord(String text, int from) {
        int i = from;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK) {
                i++;
            } else if ((c == '\'' || c == '\u2019' || c == '-' || c == '\u2011')
                    && i + 1 < n && Character.isLetter(text.charAt(i + 1)) && i > from) {
                i++;
            } else if (c == '.' && i - from == 1 && isDottedAbbreviation(text, from)) {
                // "a.m." and "p.m." stay one token and do not end the sentence
                return from + 4;
            } else {
                break;
            }
        }
        return i;
    }

    private static boolean isDottedAbbreviation(String text, int from) {
        return from + 3 < text.length()
                && Character.isLetter(text.charAt(from + 2))
                && text.charAt(from + 3) == '.'
                && "ap".indexOf(Character.toLowerCase(text.charAt(from))) >= 0
                && Character.toLowerCase(text.charAt(from + 2)) == 'm';
    }

    private static int scanNumber(String text, int from) {
        int i = from;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                i++;
            } else if ((c == ':' || c == '.' || c == ',' || c == '/')
                    && i + 1 < n && Character.isDigit(text.charAt(i + 1)) && Character.isDigit(text.charAt(i - 1))) {
                i++;
            } else if (c == '-' && i + 1 < n && Character.isLetter(text.charAt(i + 1))) {
                i++;
            } else {
                break;
            }
        }
        return i;
    }

    private static boolean isListMarker(String text, int end, String surface) {
        if (surface.length() > 2 || end + 1 >= text.length()) {
            return false;
        }
        char next = text.charAt(end);
        return (next == '.' || next == ')') && Character.isWhitespace(text.charAt(end + 1));
    }

    private static boolean endsSentence(String text, int i) {
        char c = text.charAt(i);
        if (c == '!' || c == '?' || c == '\u2026' || c == '\n') {
            return true;
        }
        if (c != '.') {
            return false;
        }
        // "..." counts once; a dot between digits never gets here (numbers swallow it)
        return i + 1 >= text.length() || text.charAt(i + 1) != '.';
    }

    private static boolean endsClause(String text, int i) {
        char c = text.charAt(i);
        return switch (c) {
            case ',', ';', ':', '(', ')', '\u2014', '\u2013' -> true;
            case '-' -> i > 0 && i + 1 < text.length()
                    && Character.isWhitespace(text.charAt(i - 1)) && Character.isWhitespace(text.charAt(i + 1));
            default -> false;
        };
    }
}
