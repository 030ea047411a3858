package dev.interviewagent.core.internal.understanding;

import dev.interviewagent.core.Language;

/**
 * Per-sentence flags the scorers share: does the sentence tell a habit ("every morning I check…", «обычно я…»,
 * "we used to…") or a hypothetical ("if the milk came in too warm, I would…", «если бы…»)? Past verbs in such
 * sentences do not make a story.
 */
final class SentenceMood {

    private final boolean[] habitual;
    private final boolean[] hypothetical;
    private final int[] pastVerbs;

    SentenceMood(AnalysedText text) {
        int sentences = text.sentenceCount();
        habitual = new boolean[sentences];
        hypothetical = new boolean[sentences];
        pastVerbs = new int[sentences];
        for (Span span : text.find(Cue.HABIT)) {
            if (!isHabitFalseFriend(text, span.start())) {
                habitual[text.token(span.start()).sentence()] = true;
            }
        }
        for (Span span : text.find(Cue.HYPOTHETICAL)) {
            if (!isConcessive(text, span.start()) && !isPastPerfect(text, span.start())) {
                hypothetical[text.token(span.start()).sentence()] = true;
            }
        }
        for (int i = 0; i < text.size(); i++) {
            if (text.isPast(i)) {
                pastVerbs[text.token(i).sentence()]++;
            }
        }
    }

    /**
     * "ever", "each" in "each of us" and «всегда» after «как» are not habits; nor is "every" counted inside a noun
     * phrase that follows a story verb ("we lost every wheel"): only a habit word before the first verb of its
     * sentence frames the sentence as a habit.
     */
    private static boolean isHabitFalseFriend(AnalysedText text, int i) {
        int start = text.sentenceStart(i);
        for (int j = start; j < i; j++) {
            if (text.isPast(j)) {
                // "always", «обычно»: the packs' steady_habit_words frame a habit wherever they stand
                return !text.inList(i, "steady_habit_words")
                        && !(text.language() == Language.ENGLISH && text.is(i, "used"));
            }
        }
        return false;
    }

    /** "we'd mined", "she'd left": the 'd of "had" before a past form tells a story, it does not suppose one. */
    private static boolean isPastPerfect(AnalysedText text, int i) {
        String norm = text.token(i).norm();
        return norm.endsWith("'d") && i + 1 < text.size() && text.isPast(i + 1);
    }

    /** «что бы ни происходило» means "whatever happens": a universal, not a hypothetical. */
    private static boolean isConcessive(AnalysedText text, int i) {
        return text.is(i, "бы") && i + 1 < text.size() && text.is(i + 1, "ни");
    }

    boolean habitual(int sentence) {
        return habitual[sentence];
    }

    boolean hypothetical(int sentence) {
        return hypothetical[sentence];
    }

    /** A sentence whose past verbs tell what happened once. */
    boolean narrative(int sentence) {
        return pastVerbs[sentence] > 0 && !habitual[sentence] && !hypothetical[sentence];
    }

    int pastVerbs(int sentence) {
        return pastVerbs[sentence];
    }
}
