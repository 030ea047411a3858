package dev.interviewagent.core.internal.understanding;

import dev.interviewagent.core.Language;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the expressions that tie an answer to one occasion: "two winters ago", "last October", "at 3 a.m.",
 * "in 2016", «зимой 2021-го», «прошлой весной», «в позапрошлом мае», «однажды».
 *
 * <p>An anchor is <i>strong</i> when it names one occasion by itself (a year, a date, "ago", a pointer such as
 * "last"/«прошлый» before a time word, "one night", "yesterday") and <i>weak</i> when it only does so next to a past
 * verb ("in August the heather didn't flower", «зимой мы потеряли»). A bare season or weekday in a present-tense
 * sentence ("in winter the hives are left alone") is no anchor at all: that is how habits are told.
 */
final class TimeAnchors {

    /** One anchor. */
    record Anchor(Span span, boolean strong) {}

    private TimeAnchors() {}

    static List<Anchor> find(AnalysedText text) {
        List<Anchor> anchors = new ArrayList<>();
        for (int i = 0; i < text.size(); i++) {
            Anchor anchor = anchorAt(text, i);
            if (anchor != null) {
                anchors.add(anchor);
                i = anchor.span().end() - 1;
            }
        }
        return anchors;
    }

    private static Anchor anchorAt(AnalysedText text, int i) {
        Token token = text.token(i);
        boolean pastHere = text.sentenceHasPast(token.sentence());
        int end;
        if ((end = text.matchAt(Cue.ANCHOR_PHRASE, i)) > i) {
            return new Anchor(new Span(i, end), pastHere);
        }
        if ((end = text.matchAt(Cue.CAREER_PERIOD, i)) > i) {
            return pastHere ? new Anchor(new Span(i, end), false) : null;
        }
        if (isYear(text, i)) {
            // «в 2016 году», «2021 года»: the word for "year" belongs to the anchor
            boolean yearWord = i + 1 < text.size() && text.token(i + 1).sentence() == token.sentence()
                    && text.inList(i + 1, "year_words");
            return new Anchor(new Span(i, yearWord ? i + 2 : i + 1), true);
        }
        if (token.digits() && token.norm().indexOf(':') > 0) {
            return new Anchor(new Span(i, i + 1), pastHere);
        }
        if ((end = text.matchAt(Cue.CLOCK, i)) > i) {
            return new Anchor(new Span(i, end), pastHere);
        }
        // "2 a.m.", «в 3 часа ночи»: the hour belongs to the clock time, or a quote of the story keeps "at 2"
        if (text.numeric(i) && i + 1 < text.size() && text.token(i + 1).sentence() == token.sentence()
                && (end = text.matchAt(Cue.CLOCK, i + 1)) > i + 1) {
            return new Anchor(new Span(i, end), pastHere);
        }
        if (text.startsWith(Cue.POINTER, i)) {
            int pointerEnd = text.matchAt(Cue.POINTER, i);
            if (isTimeWord(text, pointerEnd)) {
                return new Anchor(new Span(i, timeWordEnd(text, pointerEnd)), true);
            }
        }
        if (text.startsWith(Cue.TIME_UNIT, i) || text.startsWith(Cue.SEASON, i)) {
            int agoAt = agoWithin(text, i + 1, 2);
            if (agoAt > 0) {
                return new Anchor(new Span(i, agoAt + 1), true);
            }
        }
        if (isMonth(text, i)) {
            return new Anchor(new Span(i, i + 1), pastHere);
        }
        if (text.startsWith(Cue.SEASON, i) || text.startsWith(Cue.HOLIDAY, i) || isWeekday(text, i)
                || text.startsWith(Cue.DAY_PART, i)) {
            if (afterHabitWord(text, i)) {
                return null;
            }
            end = Math.max(i + 1, Math.max(text.matchAt(Cue.SEASON, i), text.matchAt(Cue.HOLIDAY, i)));
            boolean dated = end < text.size() && isYear(text, end)
                    || end + 1 < text.size() && text.is(end, "of") && isYear(text, end + 1);
            return pastHere || dated ? new Anchor(new Span(i, end), dated) : null;
        }
        if (text.startsWith(Cue.ONCE, i) && isNarrativeOnce(text, i)) {
            return new Anchor(new Span(i, i + 1), true);
        }
        return null;
    }

    /** A four-digit number between 1950 and 2035 that does not count something ("2000 metres" is rare enough). */
    static boolean isYear(AnalysedText text, int i) {
        Token token = text.token(i);
        if (!token.digits() || token.digitCount() != 4) {
            return false;
        }
        int value = token.leadingNumber();
        return value >= 1950 && value <= 2035;
    }

    private static boolean isMonth(AnalysedText text, int i) {
        if (!text.startsWith(Cue.MONTH, i)) {
            return false;
        }
        // English "may" and "march" are also verbs: only the capitalised word inside a sentence is a month
        return text.language() == Language.RUSSIAN || text.token(i).capitalised();
    }

    private static boolean isWeekday(AnalysedText text, int i) {
        return text.startsWith(Cue.WEEKDAY, i)
                && (text.language() == Language.RUSSIAN || text.token(i).capitalised());
    }

    private static boolean isTimeWord(AnalysedText text, int i) {
        return i < text.size() && i >= 0
                && (isMonth(text, i) || isWeekday(text, i) || text.startsWith(Cue.SEASON, i)
                        || text.startsWith(Cue.DAY_PART, i) || text.startsWith(Cue.TIME_UNIT, i)
                        || text.startsWith(Cue.HOLIDAY, i));
    }

    private static int timeWordEnd(AnalysedText text, int i) {
        int end = i + 1;
        for (Cue cue : new Cue[] {Cue.SEASON, Cue.HOLIDAY, Cue.DAY_PART, Cue.TIME_UNIT}) {
            end = Math.max(end, text.matchAt(cue, i));
        }
        return end;
    }

    /** Index of "ago"/«назад» within {@code window} tokens from {@code from}, in the same sentence, or -1. */
    private static int agoWithin(AnalysedText text, int from, int window) {
        for (int j = from; j < Math.min(text.size(), from + window); j++) {
            if (text.token(j).sentence() != text.token(from - 1).sentence()) {
                return -1;
            }
            if (text.startsWith(Cue.AGO, j)) {
                return j;
            }
        }
        return -1;
    }

    private static boolean afterHabitWord(AnalysedText text, int i) {
        return i > 0 && text.token(i - 1).sentence() == text.token(i).sentence() && text.startsWith(Cue.HABIT, i - 1);
    }

    /** "I once took", "once, years ago": not "once you get a clean break" nor "once the call comes in". */
    private static boolean isNarrativeOnce(AnalysedText text, int i) {
        if (i + 1 < text.size() && text.token(i + 1).sentence() == text.token(i).sentence()) {
            if (text.inList(i + 1, "once_not_narrative")) {
                return false;
            }
        }
        return text.pastNear(i, 4);
    }
}
