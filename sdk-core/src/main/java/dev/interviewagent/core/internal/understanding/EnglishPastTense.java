package dev.interviewagent.core.internal.understanding;

import java.util.Set;

/**
 * English simple past: an irregular past form from a list, or a regular "-ed" form that is not an adjective, a
 * participle after "have"/"be" ("I've worked", "I'm tired") or a word that merely ends in "ed" ("need", "hundred").
 * Forms that are the same in present and past ("put", "cut", "set") are left out: a story has other verbs.
 */
final class EnglishPastTense implements PastTense {

    static final EnglishPastTense INSTANCE = new EnglishPastTense();

    private static final Set<String> IRREGULAR = Set.of(
            "was", "were", "had", "did", "didn't", "wasn't", "weren't", "hadn't", "couldn't", "went", "came",
            "saw", "took", "got", "gave", "made", "said", "told", "found", "knew", "thought", "felt", "heard",
            "ran", "began", "broke", "brought", "caught", "drove", "fell", "held", "kept", "left", "lost", "met",
            "paid", "sat", "sent", "spent", "stood", "threw", "woke", "wrote", "rang", "sank", "froze", "tore",
            "stuck", "swore", "swung", "blew", "grew", "drew", "flew", "became", "bought", "fought", "taught",
            "built", "bent", "dug", "led", "meant", "slept", "swept", "slid", "struck", "hung", "won", "spoke",
            "stole", "rose", "shook", "forgot", "understood", "chose", "wore", "bit", "hid", "lay", "laid", "lit",
            "shot", "sold", "spun", "rode", "sang", "sprang", "swam", "sped", "mistook", "overtook", "withdrew",
            "smelt", "burnt", "learnt", "spelt", "dealt", "stank", "overheard", "upheld", "undertook", "misread");

    /** Words ending in "ed" that are not past verbs, or are mostly adjectives. */
    private static final Set<String> NOT_PAST = Set.of(
            "need", "needed", "feed", "seed", "speed", "bed", "red", "shed", "hundred", "indeed", "sacred", "naked",
            "wicked", "kindred", "tired", "bored", "interested", "experienced", "supposed", "used", "based",
            "qualified", "retired", "married", "shred", "breed", "proceed", "succeed", "exceed", "weed", "deed",
            "bleed", "led", "fed", "wed", "bred", "sled", "advanced", "detailed", "limited", "skilled", "scented",
            "talented", "dedicated", "complicated", "sophisticated", "related", "concerned", "worried", "excited",
            "pleased", "surprised", "ashamed", "aged", "crooked", "rugged", "ragged", "learned", "beloved",
            "blessed", "unexpected", "unprepared", "calibrated", "reed", "steed", "greed", "embed", "ted", "fred",
            "ned", "ed");

    /** After these a participle is perfect or passive, not a past narrative verb. */
    private static final Set<String> AUXILIARY = Set.of(
            "have", "has", "i've", "we've", "you've", "they've", "is", "are", "am", "i'm", "you're", "we're",
            "they're", "be", "been", "being", "get", "gets", "getting", "feel", "feels", "seem", "seems", "it's",
            "a", "an", "the", "my", "your", "our", "their", "his", "her", "its", "this", "these", "those", "very",
            "too", "so", "well", "more", "most", "less", "not");

    private static final Set<String> PREPOSITIONS = Set.of("in", "on", "with", "of", "for", "from", "into", "by",
            "under", "over", "at");

    private EnglishPastTense() {}

    @Override
    public boolean isPast(AnalysedText text, int i) {
        Token token = text.token(i);
        if (token.digits()) {
            return false;
        }
        String norm = token.norm();
        if (IRREGULAR.contains(norm)) {
            return !afterAuxiliary(text, i) || norm.equals("was") || norm.equals("were");
        }
        if (norm.length() < 5 || !norm.endsWith("ed") || NOT_PAST.contains(norm) || norm.endsWith("eed")
                || norm.startsWith("un")) {
            return false;
        }
        // "in undisturbed soil", "with scented detergent": an adjective after a preposition
        if (i > 0 && PREPOSITIONS.contains(text.token(i - 1).norm())) {
            return false;
        }
        return !afterAuxiliary(text, i);
    }

    private static boolean afterAuxiliary(AnalysedText text, int i) {
        for (int back = 1; back <= 2 && i - back >= 0; back++) {
            Token previous = text.token(i - back);
            if (previous.sentence() != text.token(i).sentence()) {
                return false;
            }
            if (AUXILIARY.contains(previous.norm())) {
                return true;
            }
            // one adverb may stand between: "I've already finished", "we're well prepared"
            if (!previous.norm().endsWith("ly") && !previous.norm().equals("already")
                    && !previous.norm().equals("just") && !previous.norm().equals("never")) {
                return false;
            }
        }
        return false;
    }
}
