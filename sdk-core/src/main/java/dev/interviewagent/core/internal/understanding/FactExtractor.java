package dev.interviewagent.core.internal.understanding;

import java.util.Map;

/** Pulls the profile facts the expert states about themselves, each value exactly as written. */
interface FactExtractor {

    Map<FactSlot, String> extract(AnalysedText text);

    /** Whether the sentence of token {@code i} speaks of the speaker ("I", «я»). */
    static boolean aboutSpeaker(AnalysedText text, int i) {
        for (int j = text.sentenceStart(i); j < text.sentenceEnd(i); j++) {
            if (text.startsWith(Cue.SELF, j)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the sentence of token {@code i} is a short fragment with no past verb ("Fifteen years.", «Лет
     * двенадцать.»): a fact stated, not a story told.
     */
    static boolean isFragment(AnalysedText text, int i, int maxTokens) {
        int start = text.sentenceStart(i);
        int end = text.sentenceEnd(i);
        if (end - start > maxTokens) {
            return false;
        }
        for (int j = start; j < end; j++) {
            if (text.isPast(j)) {
                return false;
            }
        }
        return true;
    }
}
