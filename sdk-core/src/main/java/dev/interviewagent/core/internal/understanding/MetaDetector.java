package dev.interviewagent.core.internal.understanding;

/**
 * Finds talk about the conversation itself: pointing back ("as I said", «я же говорил», "you already asked that")
 * or asking about the question ("can you rephrase?", «вы про сортировку или про резку?»).
 *
 * <p>Pointing back needs the speaker or the interviewer as the one who said or asked: "the driver said" in a story
 * is not meta. The word lists are written that way (every entry has "I"/"you"/«я»/«вы» or names the question).
 */
final class MetaDetector {

    private MetaDetector() {}

    static boolean detect(AnalysedText text) {
        if (text.has(Cue.META)) {
            return true;
        }
        return asksAboutTheQuestion(text);
    }

    /** A question back that names the question: "Which question do you mean?", «Какой вопрос?». */
    private static boolean asksAboutTheQuestion(AnalysedText text) {
        for (int i = 0; i < text.size(); i++) {
            if (!text.is(i, "question") && !text.token(i).stem().equals("вопрос")) {
                continue;
            }
            int end = text.sentenceEnd(i);
            int after = text.token(end - 1).end();
            if (after < text.text().length() && text.text().charAt(after) == '?') {
                return true;
            }
        }
        return false;
    }
}
