package dev.interviewagent.core.internal.understanding;

import java.util.List;

/**
 * A failure is a mistake told together with what followed: its warning sign, its cost or its fix. Either alone is
 * not enough: "problems" in a job description has neither, "we lost a third of the yield" to a frost has a cost but
 * no mistake, and "the rule is to check" has a fix but nothing went wrong.
 *
 * <p>Three shapes count, each within a few sentences:
 * <ul>
 *   <li>a mistake ("forgot", "the wrong date", «пропустил», or a past action denied: "I didn't run a check shot",
 *       «не смочил керн») with a consequence or a lesson;
 *   <li>a consequence in a story together with a lesson ("the patina was gone forever… I use solvent strippers only
 *       now"): a change of practice after a loss tells the mistake without naming it.
 * </ul>
 * The mistake and what followed must be different words, so one phrase such as "should have" cannot stand for both.
 */
final class FailureDetector {

    private static final int SENTENCE_WINDOW = 3;

    private FailureDetector() {}

    static boolean detect(AnalysedText text, SentenceMood mood) {
        List<Span> consequences = text.find(Cue.CONSEQUENCE);
        List<Span> lessons = text.find(Cue.LESSON);
        for (Span mistake : text.find(Cue.MISTAKE)) {
            if (mood.hypothetical(text.token(mistake.start()).sentence())) {
                continue;
            }
            if (isMistake(text, mistake) && (near(text, mistake, consequences) || near(text, mistake, lessons))) {
                return true;
            }
        }
        for (int i = 0; i < text.size(); i++) {
            if (isDeniedPastAction(text, i)) {
                Span denial = new Span(i, i + 1);
                if (near(text, denial, consequences) || near(text, denial, lessons)) {
                    return true;
                }
            }
        }
        for (Span consequence : consequences) {
            if (mood.narrative(text.token(consequence.start()).sentence())
                    && near(text, consequence, lessonsApartFrom(consequence, lessons))) {
                return true;
            }
        }
        return false;
    }

    /** "wrong" is a mistake in "the wrong date", "typed it wrong", not in "something's wrong". */
    private static boolean isMistake(AnalysedText text, Span span) {
        int i = span.start();
        if (!text.is(i, "wrong")) {
            return true;
        }
        return i == 0 || !text.inList(i - 1, "not_a_mistake_before_wrong");
    }

    /**
     * "I didn't run a check shot", «я не смочил керн»: an omission by the speaker or the team, told in the past.
     * "The shift boss didn't believe me" or «пока Марта не заметила» ("until Marta noticed") are not omissions of
     * the practice.
     */
    private static boolean isDeniedPastAction(AnalysedText text, int i) {
        Token token = text.token(i);
        boolean english = text.inList(i, "past_denials");
        boolean russian = token.norm().equals("не") && i + 1 < text.size() && text.isPast(i + 1)
                && text.token(i + 1).sentence() == token.sentence() && !(i > 0 && text.is(i - 1, "пока"));
        if (!english && !russian) {
            return false;
        }
        int start = text.sentenceStart(i);
        for (int j = i - 1; j >= Math.max(start, i - 5); j--) {
            if (text.inList(j, "omitters")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The lessons that are not the consequence's own next word: "had to learn to keep eleven units in my head" is one
     * phrase about growing into a job, not a loss followed by its lesson.
     */
    private static List<Span> lessonsApartFrom(Span consequence, List<Span> lessons) {
        return lessons.stream().filter(lesson -> lesson.start() != consequence.end()).toList();
    }

    private static boolean near(AnalysedText text, Span from, List<Span> others) {
        int sentence = text.token(from.start()).sentence();
        for (Span other : others) {
            int otherSentence = text.token(other.start()).sentence();
            if (!other.overlaps(from) && otherSentence >= sentence - 1 && otherSentence <= sentence + SENTENCE_WINDOW) {
                return true;
            }
        }
        return false;
    }
}
