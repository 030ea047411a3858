package dev.interviewagent.core.internal.understanding;

import java.util.List;

/**
 * Decides whether an answer tells a specific past occurrence, from several features rather than one phrase:
 * <ul>
 *   <li>a time anchor ({@link TimeAnchors}), the strongest single sign;
 *   <li>past-tense verbs in narrative sentences (habits and hypotheticals do not count, see {@link SentenceMood});
 *   <li>participants, numbers and an outcome in those sentences, which a story has and a summary lacks;
 *   <li>a mistake told in the past, since a failure story is a story.
 * </ul>
 * "I've done this for 18 years" has no past verb and no anchor, so it is not a story; "every morning I check" is
 * present and habitual; "if it came in too warm I would cool it" is hypothetical.
 */
final class EpisodeScorer {

    /** The score from which an answer counts as a story. */
    static final double THRESHOLD = 4.5;

    /**
     * The outcome: the score, the anchors found (the anchor selector skips over them), and whether any sentence tells
     * what happened once, story or not.
     */
    record Result(boolean episode, double score, List<TimeAnchors.Anchor> anchors, boolean narrative) {}

    private EpisodeScorer() {}

    static Result score(AnalysedText text, SentenceMood mood) {
        List<TimeAnchors.Anchor> anchors = TimeAnchors.find(text);
        int strong = 0;
        int weak = 0;
        for (TimeAnchors.Anchor anchor : anchors) {
            int sentence = text.token(anchor.span().start()).sentence();
            if (mood.habitual(sentence) || mood.hypothetical(sentence)) {
                continue;
            }
            if (anchor.strong()) {
                strong++;
            } else {
                weak++;
            }
        }
        int narrativePast = 0;
        int narrativeSentences = 0;
        for (int s = 0; s < text.sentenceCount(); s++) {
            if (mood.narrative(s)) {
                narrativePast += mood.pastVerbs(s);
                narrativeSentences++;
            }
        }
        if (narrativePast == 0) {
            return new Result(false, 0, anchors, false);
        }
        int participants = countInNarrative(text, mood, Cue.PARTICIPANT) + names(text, mood);
        int outcomes = countInNarrative(text, mood, Cue.OUTCOME);
        int mistakes = countInNarrative(text, mood, Cue.MISTAKE);
        int numbers = numbers(text, mood);

        double score = strong > 0 ? 3.0 + 0.5 * Math.min(strong - 1, 2) : weak > 0 ? 1.5 : 0;
        score += 0.7 * Math.min(narrativePast, 6);
        score += 0.5 * Math.min(participants, 3);
        score += 0.3 * Math.min(numbers, 3);
        score += 0.7 * Math.min(outcomes, 2);
        score += 0.5 * Math.min(mistakes, 2);
        if (narrativeSentences == 1 && strong == 0) {
            // one past sentence without an anchor is more often a remark than a story
            score -= 1.0;
        }
        return new Result(score >= THRESHOLD, score, anchors, true);
    }

    private static int countInNarrative(AnalysedText text, SentenceMood mood, Cue cue) {
        int count = 0;
        for (Span span : text.find(cue)) {
            if (mood.narrative(text.token(span.start()).sentence())) {
                count++;
            }
        }
        return count;
    }

    /** Capitalised words inside narrative sentences: people and places of the story ("Marta", "Lyon"). */
    private static int names(AnalysedText text, SentenceMood mood) {
        int count = 0;
        for (int i = 1; i < text.size(); i++) {
            Token token = text.token(i);
            if (token.capitalised() && !token.digits() && text.token(i - 1).sentence() == token.sentence()
                    && mood.narrative(token.sentence()) && !text.startsWith(Cue.MONTH, i)
                    && !text.startsWith(Cue.WEEKDAY, i) && !text.is(i, "i")) {
                count++;
            }
        }
        return count;
    }

    private static int numbers(AnalysedText text, SentenceMood mood) {
        int count = 0;
        for (int i = 0; i < text.size(); i++) {
            if (text.numeric(i) && !text.token(i).listMarker() && mood.narrative(text.token(i).sentence())) {
                count++;
            }
        }
        return count;
    }
}
