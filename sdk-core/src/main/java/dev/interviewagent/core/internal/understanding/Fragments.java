package dev.interviewagent.core.internal.understanding;

import java.util.List;

/**
 * Shared trimming for the fragments the reader quotes back: clause boundaries, leading fillers and anchors, and a
 * cut at a phrase boundary when a clause runs past ten words.
 */
final class Fragments {

    static final int MIN_WORDS = 3;
    static final int MAX_WORDS = 10;

    private Fragments() {}

    /** The first and last (exclusive) token of the clause holding token {@code i}. */
    static Span clauseAround(AnalysedText text, int i) {
        int clause = text.token(i).clause();
        int start = i;
        while (start > 0 && text.token(start - 1).clause() == clause) {
            start--;
        }
        int end = i + 1;
        while (end < text.size() && text.token(end).clause() == clause) {
            end++;
        }
        return new Span(start, end);
    }

    /** Drops fillers ("and", "so", «ну») and the given spans (time anchors) from the front, and again at the back. */
    static Span trim(AnalysedText text, Span span, List<Span> skip) {
        int start = span.start();
        int end = span.end();
        boolean moved = true;
        while (moved && start < end) {
            moved = false;
            int fillerEnd = text.matchAt(Cue.FILLER, start);
            if (fillerEnd > start && fillerEnd <= end) {
                start = fillerEnd;
                moved = true;
            } else if (inAny(skip, start) || leadsInto(text, skip, start)) {
                start++;
                moved = true;
            }
        }
        while (end > start && !isVerbParticle(text, end - 1) && (inAny(skip, end - 1)
                || text.isStopWord(end - 1) && !text.isPast(end - 1)
                || text.inList(end - 1, "phrase_openers"))) {
            end--;
        }
        return new Span(start, end);
    }

    /**
     * Up to two function words or numbers right before a skipped span: "in" of "in March", "Two" of "two winters
     * ago", "On the" of "on the fourth of July".
     */
    private static boolean leadsInto(AnalysedText text, List<Span> skip, int i) {
        for (int j = i; j <= i + 1 && j < text.size(); j++) {
            if (j + 1 < text.size() && inAny(skip, j + 1)) {
                return true;
            }
            if (!(text.numeric(j) || text.inList(j, "phrase_openers") || text.isStopWord(j))) {
                return false;
            }
        }
        return false;
    }

    static boolean inAny(List<Span> spans, int i) {
        for (Span span : spans) {
            if (span.contains(i)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Ends the span before a second clause with its own subject ("the main pump seized | and we flooded the deck",
     * «партия вздулась | и мы выбросили сорок голов»), then cuts it to at most ten words, at the last phrase opener
     * that leaves at least three.
     */
    static Span cut(AnalysedText text, Span span) {
        for (int j = span.start() + MIN_WORDS; j + 1 < span.end(); j++) {
            if (text.inList(j, "coordinators") && text.inList(j + 1, "subjects")) {
                span = new Span(span.start(), j);
                break;
            }
        }
        if (span.end() - span.start() <= MAX_WORDS) {
            return span;
        }
        int limit = span.start() + MAX_WORDS;
        for (int j = limit; j >= span.start() + MIN_WORDS; j--) {
            if (text.inList(j, "phrase_openers")) {
                return dropTrailingFunctionWords(text, new Span(span.start(), j));
            }
        }
        return dropTrailingFunctionWords(text, new Span(span.start(), limit));
    }

    private static Span dropTrailingFunctionWords(AnalysedText text, Span span) {
        int end = span.end();
        while (end > span.start() + 1 && !isVerbParticle(text, end - 1)
                && (text.isStopWord(end - 1) && !text.isPast(end - 1)
                        || text.inList(end - 1, "phrase_openers"))) {
            end--;
        }
        return new Span(span.start(), end);
    }

    /** "gave up", "went out": the particle is part of the verb and stays. */
    private static boolean isVerbParticle(AnalysedText text, int i) {
        return i > 0 && text.inList(i, "verb_particles") && text.isPast(i - 1);
    }

    static int contentWords(AnalysedText text, Span span) {
        int count = 0;
        for (int i = span.start(); i < span.end(); i++) {
            if (!text.isStopWord(i) && !text.token(i).digits()) {
                count++;
            }
        }
        return count;
    }

    static boolean overlapsAny(List<Span> spans, Span span) {
        for (Span other : spans) {
            if (other.overlaps(span)) {
                return true;
            }
        }
        return false;
    }
}
