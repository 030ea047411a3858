package dev.interviewagent.core.internal.understanding;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Collects what the expert perceived: "the smell was sweet", «звук стал глухим», or read off an instrument: "heart
 * rate 64", «давление упало до 2 бар». A perception verb ("noticed",
 * «заметил») gives its object ("I noticed the smell was sweet" gives "the smell was sweet"); a sensory noun ("smell",
 * «запах») gives its clause. Tacit phrases, talk about the conversation and greetings are left out.
 */
final class CueSelector {

    private static final int MAX_CUES = 3;

    private CueSelector() {}

    static List<String> select(AnalysedText text, List<Span> anchorSpans) {
        List<Span> banned = new ArrayList<>();
        banned.addAll(text.find(Cue.META));
        banned.addAll(text.find(Cue.GREETING));
        banned.addAll(text.find(Cue.TACIT));
        banned.addAll(text.find(Cue.DONE));
        List<String> cues = new ArrayList<>();
        List<Span> taken = new ArrayList<>();
        List<Span> hits = new ArrayList<>(text.find(Cue.PERCEPTION));
        hits.addAll(text.find(Cue.READING));
        hits.sort(Comparator.comparingInt(Span::start));
        for (Span hit : hits) {
            if (cues.size() == MAX_CUES) {
                break;
            }
            Span clause = Fragments.clauseAround(text, hit.start());
            if (Fragments.overlapsAny(banned, clause) || Fragments.overlapsAny(taken, clause)) {
                continue;
            }
            Span fragment = clause;
            if (text.words("perception_verb_stems").contains(text.token(hit.start()).stem()) && hit.end() < clause.end()) {
                int from = hit.end();
                if (text.inList(from, "complementisers")) {
                    from++;
                }
                int end = from;
                // "saw the men and stopped in time": the complement ends where a second verb phrase begins
                while (end < clause.end() && !(end - from >= 2 && text.inList(end, "cue_conjunctions"))) {
                    end++;
                }
                if (end - from >= 2) {
                    fragment = new Span(from, end);
                }
            }
            fragment = Fragments.cut(text, Fragments.trim(text, fragment, anchorSpans));
            if (fragment.end() - fragment.start() < 2 || Fragments.contentWords(text, fragment) < 2) {
                continue;
            }
            taken.add(clause);
            cues.add(text.slice(fragment.start(), fragment.end()));
        }
        return cues;
    }
}
