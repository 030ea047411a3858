package dev.interviewagent.core.internal.understanding;

/**
 * One word or number of an answer.
 *
 * @param surface the text exactly as written
 * @param norm lower-cased, {@code ё} folded to {@code е}, typographic apostrophes folded to {@code '}
 * @param stem the Snowball stem of {@code norm}; for numbers, {@code norm}
 * @param start offset of the first char in the (capped) answer text
 * @param end offset after the last char
 * @param sentence index of the sentence the token is in
 * @param clause index of the clause (commas, dashes, colons and semicolons split clauses too)
 * @param before the last punctuation mark between the previous token and this one, or a space when there is none
 * @param digits whether the token starts with a digit ("2021", "3am", "2021-го", "2:30")
 * @param listMarker whether the token numbers an item of a list ("1." or "2)" at the start of a sentence)
 */
record Token(
        String surface,
        String norm,
        String stem,
        int start,
        int end,
        int sentence,
        int clause,
        char before,
        boolean digits,
        boolean listMarker) {

    /** Whether the word is written with a capital first letter. */
    boolean capitalised() {
        return Character.isUpperCase(surface.charAt(0));
    }

    /** The leading digits as a number, or -1 when the token has none or they are too many to be a year. */
    int leadingNumber() {
        int value = 0;
        int i = 0;
        while (i < surface.length() && Character.isDigit(surface.charAt(i)) && i < 5) {
            value = value * 10 + Character.digit(surface.charAt(i), 10);
            i++;
        }
        return i == 0 || i == 5 ? -1 : value;
    }

    /** Number of leading digits. */
    int digitCount() {
        int i = 0;
        while (i < surface.length() && Character.isDigit(surface.charAt(i))) {
            i++;
        }
        return i;
    }
}
