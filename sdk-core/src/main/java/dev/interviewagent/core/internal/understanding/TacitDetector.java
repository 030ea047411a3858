package dev.interviewagent.core.internal.understanding;

/**
 * Finds tacit-knowledge markers: the expert says the knowledge is felt, seen at a glance or hard to put into words.
 *
 * <p>The markers are phrases by nature ("you just know", «чутьё»); what the detector adds is their grammar: a
 * generic second person ("you feel the dough", «чувствуешь») is tacit, while the speaker's own past perception ("I
 * felt the vibration") is a cue, not tacit knowledge, and a question to the interviewer ("can you tell me") is
 * neither.
 */
final class TacitDetector {

    private TacitDetector() {}

    static boolean detect(AnalysedText text, SentenceMood mood) {
        for (Span span : text.find(Cue.TACIT)) {
            int i = span.start();
            if (mood.hypothetical(text.token(i).sentence()) && !text.is(i, "can't") && !text.is(i, "hard")) {
                continue;
            }
            // "can you tell me", "everything I can tell you": telling, not sensing ("you can tell it's wrong")
            if (text.is(i, "can") && i + 2 < text.size() && text.is(i + 1, "tell")
                    && (text.is(i + 2, "me") || text.is(i + 2, "you"))) {
                continue;
            }
            if ((text.is(i, "feeling") || text.is(i, "a")) && describesPastPerception(text, i)) {
                continue;
            }
            if (withoutDoing(text, span)) {
                continue;
            }
            return true;
        }
        return false;
    }

    /**
     * «не объяснив человеку» is "without explaining to him", not «не объяснишь» ("you can't explain"): the stems
     * are the same, but a Russian perfective gerund (-в, -вши) after «не» says what was left undone.
     */
    private static boolean withoutDoing(AnalysedText text, Span span) {
        for (int i = span.start(); i < span.end() && i < text.size(); i++) {
            String norm = text.token(i).norm();
            if (i > 0 && text.is(i - 1, "не") && norm.length() > 4 && (norm.endsWith("ив") || norm.endsWith("ав")
                    || norm.endsWith("яв") || norm.endsWith("вши"))) {
                return true;
            }
        }
        return false;
    }

    /** "I had a feeling the pump was going" inside a story is perception of that day, not tacit knowledge. */
    private static boolean describesPastPerception(AnalysedText text, int i) {
        return i > 0 && text.is(i - 1, "had") || i > 1 && text.is(i - 2, "had");
    }
}
