package dev.interviewagent.core.internal.understanding;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * English profile facts.
 * <ul>
 *   <li>Years: a number before "years" ("18 years", "twenty-five years"), not "three years ago", "ten years back",
 *       "two hundred years of patina", and only in a sentence about the speaker (or a bare fragment such as
 *       "Fifteen years.").
 *   <li>Role: the noun phrase after "I'm", "I am", "been", "as", "now", "title is" that ends in a role noun ("the
 *       head cheesemaker", "a mine surveyor") or is a rank plus a noun ("the principal oboe"); or a bare fragment
 *       ("Head baker.").
 *   <li>Organisation: a capitalised name after "at", "for", "with", "of", after an organisation noun and a comma
 *       ("my own practice, Morrow &amp; Finch") or after "called", in a sentence about the speaker's work.
 * </ul>
 */
final class EnglishFactExtractor implements FactExtractor {

    /** Tokens a verbless fact sentence has at most. */
    private static final int FRAGMENT_TOKENS = 12;

    private static final Set<String> NOT_EXPERIENCE_AFTER =
            Set.of("ago", "back", "old", "later", "earlier", "before", "after", "on");
    private static final Set<String> EXPERIENCE_OF = Set.of("experience", "practice", "work", "service", "it");
    private static final Set<String> ROLE_TRIGGERS = Set.of("i'm", "am", "been", "as", "now", "currently");
    private static final Set<String> ARTICLES = Set.of("a", "an", "the", "my");
    private static final Set<String> ORG_PREPOSITIONS = Set.of("at", "for", "with", "of");
    private static final Set<String> WORK_WORDS = Set.of("work", "works", "worked", "working", "employed",
            "joined", "run", "own", "practice", "workshop", "company", "i'm", "i've");
    private static final Set<String> PHRASE_BREAKS = Set.of("at", "for", "with", "on", "in", "of", "and", "but",
            "now", "there", "here", "since", "from", "who", "which", "that", "to", "mostly", "too", "also");

    @Override
    public Map<FactSlot, String> extract(AnalysedText text) {
        Map<FactSlot, String> facts = new EnumMap<>(FactSlot.class);
        for (int i = 0; i < text.size() && !facts.containsKey(FactSlot.YEARS); i++) {
            String years = yearsAt(text, i);
            if (years != null) {
                facts.put(FactSlot.YEARS, years);
            }
        }
        int roleSentence = -1;
        for (int i = 0; i < text.size(); i++) {
            Span role = roleAfter(text, i);
            if (role != null) {
                facts.put(FactSlot.ROLE, text.slice(role.start(), role.end()));
                roleSentence = text.token(role.start()).sentence();
                break;
            }
        }
        String organisation = organisation(text, roleSentence);
        if (organisation != null) {
            facts.put(FactSlot.ORGANISATION, organisation);
        }
        return facts;
    }

    private static String yearsAt(AnalysedText text, int i) {
        if (!text.startsWith(Cue.YEAR_UNIT, i) || i == 0 || !text.numeric(i - 1)) {
            return null;
        }
        Token unit = text.token(i);
        if (i + 1 < text.size() && text.token(i + 1).sentence() == unit.sentence()) {
            String next = text.token(i + 1).norm();
            if (NOT_EXPERIENCE_AFTER.contains(next)
                    || next.equals("of") && (i + 2 >= text.size() || !EXPERIENCE_OF.contains(text.token(i + 2).norm()))) {
                return null;
            }
        }
        int start = i - 1;
        while (start > 0 && text.numeric(start - 1) && text.token(start - 1).sentence() == unit.sentence()
                && !text.token(start - 1).digits() && text.token(start).before() == ' ') {
            start--;
        }
        if (TimeAnchors.isYear(text, start)) {
            return null;
        }
        if (!FactExtractor.aboutSpeaker(text, i) && !FactExtractor.isFragment(text, i, FRAGMENT_TOKENS)) {
            return null;
        }
        return text.slice(start, i + 1);
    }

    /** The role phrase introduced at token {@code i}, or null. */
    private static Span roleAfter(AnalysedText text, int i) {
        Token token = text.token(i);
        boolean trigger = ROLE_TRIGGERS.contains(token.norm())
                || token.norm().equals("is") && i > 0 && (text.is(i - 1, "title") || text.is(i - 1, "position")
                        || text.is(i - 1, "role"));
        int from;
        if (trigger) {
            if ((token.norm().equals("as") || token.norm().equals("now")) && !FactExtractor.aboutSpeaker(text, i)
                    && !FactExtractor.isFragment(text, i, FRAGMENT_TOKENS)) {
                return null;
            }
            from = i + 1;
        } else if (i == text.sentenceStart(i) && text.sentenceEnd(i) - i <= 4
                && (text.startsWith(Cue.ROLE_RANK, i) || text.startsWith(Cue.ROLE_HEAD, i))) {
            from = i;
        } else {
            return null;
        }
        if (from < text.size() && ARTICLES.contains(text.token(from).norm())) {
            from++;
        }
        return rolePhrase(text, from, token.clause());
    }

    private static Span rolePhrase(AnalysedText text, int from, int clause) {
        int lastHead = -1;
        for (int j = from; j < Math.min(text.size(), from + 4); j++) {
            Token word = text.token(j);
            if (word.clause() != clause || word.digits() || PHRASE_BREAKS.contains(word.norm())
                    || word.capitalised() && j > from) {
                break;
            }
            if (text.startsWith(Cue.ROLE_HEAD, j) && !word.capitalised() || text.startsWith(Cue.ROLE_HEAD, j)
                    && j == text.sentenceStart(j)) {
                lastHead = j;
            }
        }
        if (lastHead >= 0) {
            return new Span(from, lastHead + 1);
        }
        boolean rankThenNoun = from + 1 < text.size() && text.startsWith(Cue.ROLE_RANK, from)
                && text.token(from + 1).clause() == clause && !text.isStopWord(from + 1)
                && !PHRASE_BREAKS.contains(text.token(from + 1).norm()) && !text.token(from + 1).capitalised();
        return rankThenNoun ? new Span(from, from + 2) : null;
    }

    private static String organisation(AnalysedText text, int roleSentence) {
        for (int i = 0; i + 1 < text.size(); i++) {
            Token token = text.token(i);
            boolean byPreposition = ORG_PREPOSITIONS.contains(token.norm())
                    && (!token.norm().equals("of") || i > 0 && text.startsWith(Cue.ROLE_HEAD, i - 1));
            boolean byNounComma = text.startsWith(Cue.ORG_NOUN, i) && text.token(i + 1).before() == ',';
            boolean byCalled = token.norm().equals("called");
            if (!byPreposition && !byNounComma && !byCalled) {
                continue;
            }
            if (token.sentence() != roleSentence && !hasWorkWord(text, i) && !hasYears(text, i)) {
                i = text.sentenceEnd(i) - 1;
                continue;
            }
            int start = i + 1;
            if (start < text.size() && text.is(start, "the") && text.token(start).sentence() == token.sentence()) {
                start++;
            }
            int end = capitalisedRun(text, start, token.sentence());
            if (end > start) {
                return text.slice(start, end);
            }
        }
        return null;
    }

    private static boolean hasWorkWord(AnalysedText text, int i) {
        for (int j = text.sentenceStart(i); j < text.sentenceEnd(i); j++) {
            if (WORK_WORDS.contains(text.token(j).norm())) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasYears(AnalysedText text, int i) {
        for (int j = text.sentenceStart(i); j < text.sentenceEnd(i); j++) {
            if (yearsAt(text, j) != null) {
                return true;
            }
        }
        return false;
    }

    /** Capitalised words from {@code start}, joined by "&amp;" or an inner "of" ("Office of Midland Rail"). */
    private static int capitalisedRun(AnalysedText text, int start, int sentence) {
        int end = start;
        while (end < text.size() && text.token(end).sentence() == sentence) {
            Token word = text.token(end);
            boolean joiner = end > start && word.norm().equals("of") && end + 1 < text.size()
                    && text.token(end + 1).capitalised();
            if (!(word.capitalised() && !word.norm().equals("i")) && !joiner) {
                break;
            }
            if (end > start && word.before() != ' ' && word.before() != '&') {
                break;
            }
            if (text.startsWith(Cue.MONTH, end) || text.startsWith(Cue.WEEKDAY, end)) {
                break;
            }
            end++;
        }
        return end;
    }
}
