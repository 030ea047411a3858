package dev.interviewagent.core.internal.understanding;

import dev.interviewagent.core.Language;

/**
 * Finds general reasoning: a named rule ("the rule is", "the key", «главное»), a reason given in a general
 * (non-past) clause ("because a soft curd loses fat", «потому что вода не сжимается»), a norm addressed to anyone
 * ("never swing over people", «всегда оставляй им корм») or a contrast ("treat the patient, not the monitor").
 *
 * <p>Tense and person keep stories and habits out: "because the caller was joking" explains one past event, "I
 * always start the day with coffee" is a habit of the speaker, "if I had a bigger oven I'd…" is a wish.
 * Conditions alone ("if the root is bad…") are not counted: "see if it's shellac" and "if that's okay" look the
 * same to a word list.
 *
 * <p>The function words it checks are data, lists of the packs' {@code words.json}: {@code first_person},
 * {@code irrealis}, {@code contrasted}, {@code modals}, {@code modal_subjects}.
 */
final class PrincipleDetector {

    private PrincipleDetector() {}

    static boolean detect(AnalysedText text, SentenceMood mood) {
        return namedRule(text, mood) || generalReason(text, mood) || norm(text, mood) || contrast(text, mood)
                || negativeImperative(text, mood);
    }

    private static boolean namedRule(AnalysedText text, SentenceMood mood) {
        for (Span span : text.find(Cue.RULE_WORD)) {
            int sentence = text.token(span.start()).sentence();
            if (mood.hypothetical(sentence) || insideHabitPhrase(text, span) || negated(text, span)) {
                continue;
            }
            // «дыхание — это всё» is a rule; «пожалуй, это всё» is the end of the answer
            if (text.is(span.start(), "это") && text.token(span.start()).before() != '\u2014'
                    && text.token(span.start()).before() != '-' && text.token(span.start()).before() != '\u2013') {
                continue;
            }
            return true;
        }
        return false;
    }

    /** "as a rule", «как правило» are habits, not rules. */
    private static boolean insideHabitPhrase(AnalysedText text, Span span) {
        for (Span habit : text.find(Cue.HABIT)) {
            if (habit.overlaps(span)) {
                return true;
            }
        }
        return false;
    }

    /** "there's no rule for it", «правила тут нет». */
    private static boolean negated(AnalysedText text, Span span) {
        int i = span.start();
        if (i > 0 && (text.is(i - 1, "no") || text.is(i - 1, "нет"))) {
            return true;
        }
        for (int j = span.end(); j < Math.min(text.size(), span.end() + 2); j++) {
            if (text.is(j, "нет")) {
                return true;
            }
        }
        return false;
    }

    private static boolean generalReason(AnalysedText text, SentenceMood mood) {
        for (Span span : text.find(Cue.REASON)) {
            int sentence = text.token(span.start()).sentence();
            if (mood.hypothetical(sentence) || temporalSince(text, span.start())) {
                continue;
            }
            if (!hasPastOrIrrealis(text, text.sentenceStart(span.start()), text.sentenceEnd(span.start()))) {
                return true;
            }
        }
        return false;
    }

    /** "since then", "since 2004" tell time, not a reason. */
    private static boolean temporalSince(AnalysedText text, int i) {
        return text.is(i, "since") && i + 1 < text.size()
                && (text.is(i + 1, "then") || text.token(i + 1).digits());
    }

    private static boolean norm(AnalysedText text, SentenceMood mood) {
        for (Span span : text.find(Cue.NORM)) {
            int i = span.start();
            // «что бы ни происходило», "whatever happens": a universal, whatever the tense of its verb
            if ((text.is(i, "что") || text.is(i, "whatever")) && !spokenOfSelf(text, i)) {
                return true;
            }
            int sentence = text.token(i).sentence();
            // only the norm's own clause and what follows: "the lesson was simple: always wet the core" is a norm
            if (mood.hypothetical(sentence) || hasPastOrIrrealis(text, clauseStart(text, i), text.sentenceEnd(i))) {
                continue;
            }
            if (spokenOfSelf(text, i) || !modalHasPersonSubject(text, i)) {
                continue;
            }
            if (text.language() == Language.RUSSIAN && !followedByGeneralVerb(text, span.end())) {
                continue;
            }
            return true;
        }
        return false;
    }

    private static int clauseStart(AnalysedText text, int i) {
        int clause = text.token(i).clause();
        int j = i;
        while (j > 0 && text.token(j - 1).clause() == clause) {
            j--;
        }
        return j;
    }

    private static boolean modalHasPersonSubject(AnalysedText text, int i) {
        if (!text.inList(i, "modals")) {
            return true;
        }
        // "we should have waited" regrets a past event
        if (i + 1 < text.size() && (text.is(i + 1, "have") || text.is(i + 1, "'ve"))) {
            return false;
        }
        return i > 0 && (text.inList(i - 1, "modal_subjects") || text.startsWith(Cue.ROLE_HEAD, i - 1));
    }

    /** "I never rush a root now", «я всегда начинаю день»: the speaker's habit, not a norm for anyone. */
    private static boolean spokenOfSelf(AnalysedText text, int i) {
        int start = text.sentenceStart(i);
        for (int j = i - 1; j >= start; j--) {
            if (text.inList(j, "first_person")) {
                return true;
            }
        }
        return false;
    }

    /**
     * In Russian a norm word must govern a verb addressed to anyone: an imperative («оставляй», «мочи»), an
     * infinitive («резать»), a second-person or impersonal plural present («подогревают»). «всегда даю» (first
     * person) and «всегда в таком порядке» (no verb) are not norms.
     */
    private static boolean followedByGeneralVerb(AnalysedText text, int from) {
        int sentence = text.token(from - 1).sentence();
        int next = from;
        if (next < text.size() && text.is(next, "не")) {
            next++;
        }
        if (next < text.size() && text.token(next).sentence() == sentence && isGeneralVerb(text.token(next).norm())) {
            return true;
        }
        // «не отключать никогда»: the verb may come first
        int before = from - 2;
        return before >= 0 && text.token(before).sentence() == sentence && isGeneralVerb(text.token(before).norm());
    }

    private static boolean isGeneralVerb(String w) {
        return w.endsWith("ть") || w.endsWith("ти") || w.endsWith("чь") || w.endsWith("ешь") || w.endsWith("ишь")
                || w.endsWith("ют") || w.endsWith("ят") || w.endsWith("ай") || w.endsWith("яй") || w.endsWith("уй")
                || w.endsWith("ите") || w.endsWith("йте") || w.endsWith("и") && w.length() > 3;
    }

    /** «не пропускайте», «не спешите»: a negative imperative is a norm. */
    private static boolean negativeImperative(AnalysedText text, SentenceMood mood) {
        for (int i = 0; i + 1 < text.size(); i++) {
            if (text.is(i, "не") && text.token(i + 1).sentence() == text.token(i).sentence()
                    && (text.token(i + 1).norm().endsWith("йте") || text.token(i + 1).norm().endsWith("ите"))
                    && !mood.hypothetical(text.token(i).sentence())) {
                return true;
            }
        }
        return false;
    }

    /** "treat the patient, not the monitor", «за дыханием, а не за палочкой». */
    private static boolean contrast(AnalysedText text, SentenceMood mood) {
        for (int i = 1; i < text.size(); i++) {
            Token token = text.token(i);
            boolean englishContrast = token.norm().equals("not") && token.before() == ','
                    && i - text.sentenceStart(i) >= 2 && i + 1 < text.size()
                    && text.inList(i + 1, "contrasted");
            boolean russianContrast = token.norm().equals("не") && text.is(i - 1, "а")
                    && text.token(i - 1).before() == ',';
            if (!englishContrast && !russianContrast) {
                continue;
            }
            int sentence = token.sentence();
            if (!mood.hypothetical(sentence)
                    && !hasPastOrIrrealis(text, text.sentenceStart(i), text.sentenceEnd(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasPastOrIrrealis(AnalysedText text, int start, int end) {
        for (int j = start; j < end; j++) {
            if (text.isPast(j) || text.inList(j, "irrealis")) {
                return true;
            }
        }
        return false;
    }
}
