package dev.interviewagent.core.internal.understanding;


/**
 * Finds an ordered procedure: a numbered list, or an opener ("first", «сначала», "step one", "here's the order")
 * followed by at least one continuation ("then", «потом», "after that"), or three continuations in a row.
 *
 * <p>A story also says "then" ("then the alarm went off"), but rarely opens with "first"; and "first" is an
 * opener only as an adverb: "the first oboe", "my very first day" and "at first" are not steps.
 */
final class StepsDetector {

    private StepsDetector() {}

    static boolean detect(AnalysedText text) {
        if (listMarkers(text) >= 2) {
            return true;
        }
        int openerAt = -1;
        int continuations = 0;
        int continuationsAfterOpener = 0;
        for (int i = 0; i < text.size(); i++) {
            if (openerAt < 0 && text.startsWith(Cue.SEQUENCE_OPENER, i) && isAdverbialOpener(text, i)) {
                openerAt = i;
                i = text.matchAt(Cue.SEQUENCE_OPENER, i) - 1;
                continue;
            }
            if (text.startsWith(Cue.SEQUENCE_NEXT, i) && isContinuation(text, i)) {
                continuations++;
                if (openerAt >= 0) {
                    continuationsAfterOpener++;
                }
                i = text.matchAt(Cue.SEQUENCE_NEXT, i) - 1;
            }
        }
        return continuationsAfterOpener >= 1 || continuations >= 3
                || continuations >= 2 && !hasPast(text);
    }

    /** Two "then"s in a story are its plot; in the present they are a procedure. */
    private static boolean hasPast(AnalysedText text) {
        for (int i = 0; i < text.size(); i++) {
            if (text.isPast(i)) {
                return true;
            }
        }
        return false;
    }

    private static int listMarkers(AnalysedText text) {
        int count = 0;
        for (int i = 0; i < text.size(); i++) {
            if (text.token(i).listMarker()) {
                count++;
            }
        }
        return count;
    }

    /** "first you warm", "First,", "I first find": not "the first oboe" nor "at first I thought". */
    private static boolean isAdverbialOpener(AnalysedText text, int i) {
        if (!text.is(i, "first")) {
            return true;
        }
        int back = i - 1;
        if (back >= 0 && text.is(back, "very")) {
            back--;
        }
        return back < 0 || text.token(back).sentence() != text.token(i).sentence()
                || !text.inList(back, "step_determiners");
    }

    /**
     * "then" as a step: not "back then", "by then", "since then", "and then there's"; "last" and "second" only at a
     * clause start ("last, the hook block"), not "last October" or "the second oboe".
     */
    private static boolean isContinuation(AnalysedText text, int i) {
        Token token = text.token(i);
        String norm = token.norm();
        if (norm.equals("then") && i > 0) {
            String previous = text.token(i - 1).norm();
            return !previous.equals("by") && !previous.equals("since") && !previous.equals("back")
                    && !previous.equals("until") && !previous.equals("from");
        }
        if (norm.equals("last") || norm.equals("second") || norm.equals("third") || norm.equals("next")) {
            // "last Tuesday", "next morning" point at a time
            if (i + 1 < text.size() && (text.startsWith(Cue.TIME_UNIT, i + 1) || text.startsWith(Cue.WEEKDAY, i + 1)
                    || text.startsWith(Cue.MONTH, i + 1) || text.startsWith(Cue.DAY_PART, i + 1)
                    || text.startsWith(Cue.SEASON, i + 1))) {
                return false;
            }
            return i == 0 || text.token(i - 1).clause() != token.clause() || text.is(i - 1, "and");
        }
        return true;
    }
}
