package dev.interviewagent.core.internal.brain;

import dev.interviewagent.core.Language;
import dev.interviewagent.core.analysis.Engagement;
import dev.interviewagent.core.guide.InterviewStyle;
import dev.interviewagent.core.i18n.Messages;
import dev.interviewagent.core.spi.BrainRequest;
import dev.interviewagent.core.spi.Move;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Everything about one request that the phraser's parts need, resolved once.
 *
 * @param t          the templates of the interview's language
 * @param random     the request's own random, seeded from the interview, the turn and the move: every draw from it
 *                   must happen in the same order on every run, or the same request would phrase differently
 * @param asked      fingerprints of the questions already asked in the interview
 * @param shortStyle whether the style's length target is a chat's (240 characters or less)
 * @param seed       the phraser's seed, for draws that must not disturb {@code random}
 */
record PhraseContext(BrainRequest request, PhraseTemplates t, Messages strings, Language language, Move move,
                     InterviewStyle style, Engagement engagement, SplittableRandom random, Set<String> asked,
                     boolean shortStyle, long seed) {

    /** A well-spread seed from the phraser's seed and the request (a SplitMix-style finaliser). */
    static long mix(long seed, int interview, int turn, int move) {
        long h = seed ^ 0x9E3779B97F4A7C15L;
        h = (h ^ interview) * 0xBF58476D1CE4E019L;
        h = (h ^ turn) * 0x94D049BB133111EBL;
        h = (h ^ move) * 0xBF58476D1CE4E019L;
        return h ^ (h >>> 31);
    }
}
