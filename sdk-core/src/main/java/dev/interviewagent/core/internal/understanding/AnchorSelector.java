package dev.interviewagent.core.internal.understanding;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Picks the fragment of a story to quote back: "When <anchor>, what did you notice first?".
 *
 * <p>Candidates are the clauses of narrative sentences with the time anchor and fillers trimmed off ("Two winters
 * ago a whole batch of tommes started to swell on the third day" gives "a whole batch of tommes started to swell").
 * A candidate scores for content words, a past verb, a number, a sign of trouble and for sharing its clause with the
 * time anchor (more with a strong one, a date or "last March"), and loses a little for each clause before it (a story opens with its complication). Clauses that greet, point back at the conversation ("as I said"), or
 * only say the knowledge is tacit are never quoted.
 */
final class AnchorSelector {

    private AnchorSelector() {}

    static @Nullable String select(AnalysedText text, SentenceMood mood, List<TimeAnchors.Anchor> anchors) {
        List<Span> skip = new ArrayList<>();
        anchors.forEach(anchor -> skip.add(anchor.span()));
        List<Span> banned = new ArrayList<>();
        banned.addAll(text.find(Cue.META));
        banned.addAll(text.find(Cue.GREETING));
        banned.addAll(text.find(Cue.TACIT));
        banned.addAll(text.find(Cue.DONE));
        banned.addAll(text.find(Cue.TIRED));

        List<Span> strong = new ArrayList<>();
        anchors.stream().filter(TimeAnchors.Anchor::strong).forEach(anchor -> strong.add(anchor.span()));
        Span best = best(text, mood, skip, strong, banned, true);
        if (best == null) {
            // a story whose past verbs the tense test missed («сдох»): any clause that is not small talk
            best = best(text, mood, skip, strong, banned, false);
        }
        return best == null ? null : text.slice(best.start(), best.end());
    }

    private static @Nullable Span best(AnalysedText text, SentenceMood mood, List<Span> skip, List<Span> strong,
            List<Span> banned, boolean narrativeOnly) {
        Span best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        int order = 0;
        for (int i = 0; i < text.size(); ) {
            Span clause = Fragments.clauseAround(text, i);
            i = clause.end();
            if (narrativeOnly && !mood.narrative(text.token(clause.start()).sentence())
                    || Fragments.overlapsAny(banned, clause)) {
                continue;
            }
            Span candidate = Fragments.cut(text, Fragments.trim(text, clause, skip));
            int words = candidate.end() - candidate.start();
            if (words < Fragments.MIN_WORDS || Fragments.contentWords(text, candidate) < 2) {
                continue;
            }
            double score = score(text, clause, candidate, skip, strong) - 0.8 * order++;
            if (score > bestScore) {
                bestScore = score;
                best = candidate;
            }
        }
        return best;
    }

    private static double score(AnalysedText text, Span clause, Span span, List<Span> anchors, List<Span> strong) {
        double score = Math.min(Fragments.contentWords(text, span), 4);
        boolean past = false;
        boolean number = false;
        boolean trouble = false;
        for (int i = span.start(); i < span.end(); i++) {
            past |= text.isPast(i);
            number |= text.numeric(i);
            trouble |= text.startsWith(Cue.MISTAKE, i) || text.startsWith(Cue.PERCEPTION, i)
                    || text.startsWith(Cue.OUTCOME, i);
        }
        score += past ? 2 : 0;
        score += number ? 0.5 : 0;
        score += trouble ? 1 : 0;
        // the clause that carried the time anchor is where a story sets its scene; a date or "last March" sets the
        // scene of the one occasion worth probing more surely than "when I was twenty-two"
        double scene = 0;
        for (int i = clause.start(); i < clause.end(); i++) {
            if (Fragments.inAny(anchors, i)) {
                scene = Math.max(scene, Fragments.inAny(strong, i) ? 3.5 : 2.5);
            }
        }
        score += scene;
        return score;
    }
}
