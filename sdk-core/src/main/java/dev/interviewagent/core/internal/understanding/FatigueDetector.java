package dev.interviewagent.core.internal.understanding;

import java.util.List;

/**
 * Finds an expert who has nothing more to add ("that's all", «пожалуй, это всё»), asks to stop ("can we wrap up")
 * or says they are tired now.
 *
 * <p>Tiredness counts only when the speaker is tired at the time of speaking: "I'm exhausted" and «я устала» (the
 * Russian past form states a present condition), but not "the crew was exhausted that night" nor «в ту ночь я
 * устал» — a tired word with a time anchor in its clause belongs to a story.
 */
final class FatigueDetector {

    /** Whether the expert is done, and whether they are tired now. */
    record Result(boolean fatigue, boolean tired) {}

    private FatigueDetector() {}

    static Result detect(AnalysedText text, List<TimeAnchors.Anchor> anchors) {
        boolean tired = false;
        for (Span span : text.find(Cue.TIRED)) {
            if (speakerNow(text, span.start()) && !anchoredClause(text, span.start(), anchors)) {
                tired = true;
                break;
            }
        }
        boolean done = false;
        for (Span span : text.find(Cue.DONE)) {
            if (isEndOfAnswerPhrase(text, span)) {
                done = true;
                break;
            }
        }
        return new Result(tired || done || text.has(Cue.STOP_REQUEST), tired);
    }

    private static boolean speakerNow(AnalysedText text, int i) {
        int start = text.sentenceStart(i);
        for (int j = i - 1; j >= Math.max(start, i - 4); j--) {
            if (text.inList(j, "tired_self")) {
                return true;
            }
            if (text.inList(j, "tired_others")) {
                return false;
            }
        }
        // «Устала.», «Я уже час говорю, устал.»: a bare Russian past of «устать» is about the speaker
        if (text.language() == dev.interviewagent.core.Language.RUSSIAN) {
            for (int j = start; j < text.sentenceEnd(i); j++) {
                if (text.is(j, "мы") || text.is(j, "он") || text.is(j, "она") || text.is(j, "они")) {
                    return false;
                }
            }
            return true;
        }
        return text.is(i, "tired") && i == start;
    }

    private static boolean anchoredClause(AnalysedText text, int i, List<TimeAnchors.Anchor> anchors) {
        int clause = text.token(i).clause();
        for (TimeAnchors.Anchor anchor : anchors) {
            if (text.token(anchor.span().start()).clause() == clause) {
                return true;
            }
        }
        return false;
    }

    /** «это всё» closes an answer when it opens its sentence («Пожалуй, это всё»), not after a dash («дыхание — это всё»). */
    private static boolean isEndOfAnswerPhrase(AnalysedText text, Span span) {
        int i = span.start();
        for (int j = span.start() + 1; j < span.end(); j++) {
            if (text.is(j, "все") && text.is(j - 1, "это") && text.token(j).before() != ' ') {
                return false;
            }
        }
        if (!text.is(i, "это")) {
            return true;
        }
        char before = text.token(i).before();
        if (before == '\u2014' || before == '\u2013' || before == '-') {
            return false;
        }
        return i - text.sentenceStart(i) <= 2;
    }
}
