package dev.interviewagent.core.internal.understanding;

/**
 * Finds a story the expert lived as a child or only watched: "as a kid I watched the vet turn a calf", "I was
 * eleven", «в детстве я смотрела, как отец…». The critical-decision probes ask what the speaker noticed, weighed and
 * decided; a child watching someone else decided nothing, and asking them so sounds as if the story was not heard.
 *
 * <p>Only a marker in a sentence that is neither a habit nor a hypothesis counts. A marker that ends on an age ("I
 * was eleven") counts only where the sentence ends with it or a year unit follows ({@link Cue#YEAR_UNIT}): "I was ten
 * minutes late" is no age. An age in a time clause ("when I was twelve, my father…", the pack's
 * {@code age_clause_openers}) is one wherever the sentence goes on.
 */
final class WitnessDetector {

    private WitnessDetector() {
    }

    static boolean detect(AnalysedText text, SentenceMood mood) {
        for (Span span : text.find(Cue.WITNESS)) {
            int sentence = text.token(span.start()).sentence();
            if (mood.habitual(sentence) || mood.hypothetical(sentence)) {
                continue;
            }
            if (endsOnAge(text, span) && !ageClosesTheSentence(text, span, sentence)) {
                continue;
            }
            return true;
        }
        return false;
    }

    private static boolean endsOnAge(AnalysedText text, Span span) {
        return text.numeric(span.end() - 1) && !text.inList(span.start(), "age_clause_openers");
    }

    private static boolean ageClosesTheSentence(AnalysedText text, Span span, int sentence) {
        int next = span.end();
        return next >= text.size() || text.token(next).sentence() != sentence || text.startsWith(Cue.YEAR_UNIT, next);
    }
}
