package dev.interviewagent.core.internal.understanding;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * Russian profile facts. Case endings do the work English leaves to word order, and the stemmer folds them:
 * <ul>
 *   <li>Years: a number next to «лет/год/года» («восемнадцать лет», «лет одиннадцать», «девятый год»), not
 *       «три года назад», in a sentence about the speaker or a bare fragment.
 *   <li>Role: a role noun within four words after «я» («я главный технолог», «я Антон, второй механик»), or in the
 *       instrumental case, which Russian uses for occupations («работаю технологом», «двадцать лет геологом»), with
 *       the adjectives in front of it («поездным диспетчером»).
 *   <li>Organisation: a name in quotes after an organisation noun or «в/на» («на сыроварне «Липовый луг»»), or a
 *       capitalised name ending in an organisation noun («Восточного симфонического оркестра»).
 * </ul>
 */
final class RussianFactExtractor implements FactExtractor {

    /** Tokens a verbless fact sentence has at most. */
    private static final int FRAGMENT_TOKENS = 8;

    private static final Set<String> ADJECTIVE_ENDINGS = Set.of("ый", "ий", "ой", "ая", "яя", "ое", "ее", "ым",
            "им", "ую", "юю", "ого", "его", "ому", "ему", "ых", "их");
    private static final Set<String> INSTRUMENTAL_ENDINGS = Set.of("ом", "ем", "им", "ым");
    /** What may follow the stem of a role noun in the nominative: «технолог», «пекарь», «сомелье». */
    private static final Set<String> NOMINATIVE_TAILS = Set.of("", "ь", "е", "ье", "й", "ый", "ий", "ой");
    private static final Set<String> ORG_PREPOSITIONS = Set.of("в", "на", "при", "из");
    private static final String OPENING_QUOTES = "«\"“„";
    private static final String CLOSING_QUOTES = "»\"”“";

    @Override
    public Map<FactSlot, String> extract(AnalysedText text) {
        Map<FactSlot, String> facts = new EnumMap<>(FactSlot.class);
        for (int i = 0; i < text.size(); i++) {
            String years = yearsAt(text, i);
            if (years != null) {
                facts.put(FactSlot.YEARS, years);
                break;
            }
        }
        for (int i = 0; i < text.size(); i++) {
            Span role = roleAt(text, i);
            if (role != null) {
                facts.put(FactSlot.ROLE, text.slice(role.start(), role.end()));
                break;
            }
        }
        String organisation = organisation(text, facts);
        if (organisation != null) {
            facts.put(FactSlot.ORGANISATION, organisation);
        }
        return facts;
    }

    private static String yearsAt(AnalysedText text, int i) {
        if (!text.startsWith(Cue.YEAR_UNIT, i)) {
            return null;
        }
        Token unit = text.token(i);
        int sentence = unit.sentence();
        if (i + 1 < text.size() && text.token(i + 1).sentence() == sentence && text.startsWith(Cue.AGO, i + 1)
                || i + 2 < text.size() && text.token(i + 2).sentence() == sentence && text.startsWith(Cue.AGO, i + 2)) {
            return null;
        }
        Span number = null;
        if (i > 0 && text.numeric(i - 1) && text.token(i - 1).sentence() == sentence) {
            int start = i - 1;
            while (start > 0 && text.numeric(start - 1) && text.token(start - 1).sentence() == sentence
                    && text.token(start).before() == ' ') {
                start--;
            }
            number = new Span(start, i + 1);
        } else if (i + 1 < text.size() && text.numeric(i + 1) && text.token(i + 1).sentence() == sentence) {
            number = new Span(i, i + 2);
        }
        if (number == null || TimeAnchors.isYear(text, number.start()) || TimeAnchors.isYear(text, i - 1)) {
            return null;
        }
        // «за три года» is a period of records, not experience
        if (number.start() > 0 && text.is(number.start() - 1, "за")) {
            return null;
        }
        if (!FactExtractor.aboutSpeaker(text, i) && !FactExtractor.isFragment(text, i, FRAGMENT_TOKENS)
                && roleAt(text, text.sentenceStart(i), text.sentenceEnd(i)) == null) {
            return null;
        }
        return text.slice(number.start(), number.end());
    }

    private static Span roleAt(AnalysedText text, int from, int to) {
        for (int i = from; i < to; i++) {
            Span role = roleAt(text, i);
            if (role != null) {
                return role;
            }
        }
        return null;
    }

    /** The role phrase whose head noun is token {@code i}, or null. */
    private static Span roleAt(AnalysedText text, int i) {
        int headEnd = headEnd(text, i);
        if (headEnd < 0) {
            return rankAndNounAfterI(text, i);
        }
        Token head = text.token(i);
        boolean afterI = false;
        int start = text.sentenceStart(i);
        for (int j = i - 1; j >= Math.max(start, i - 4); j--) {
            if (text.is(j, "я")) {
                afterI = true;
                break;
            }
            if (text.isPast(j)) {
                break;
            }
        }
        boolean instrumental = isInstrumental(head.norm()) && (FactExtractor.aboutSpeaker(text, i) || hasYearsNumber(text, i));
        boolean nominative = isNominative(head);
        afterI &= nominative;
        boolean fragment = nominative && i - start <= 1 && text.sentenceEnd(i) - start <= 4;
        boolean title = i >= 2 && text.token(i - 2).stem().startsWith("должност");
        if (!afterI && !instrumental && !fragment && !title) {
            return null;
        }
        int first = i;
        while (first - 1 >= start && first > i - 2 && isAdjective(text.token(first - 1).norm())
                && text.token(first - 1).clause() == head.clause()) {
            first--;
        }
        return new Span(first, headEnd);
    }

    /**
     * «я старшая акушерка»: a rank adjective right after «я» makes a role of the noun that follows, even when the
     * noun is not in the list.
     */
    private static Span rankAndNounAfterI(AnalysedText text, int i) {
        if (i < 1 || !text.is(i - 1, "я") || !text.startsWith(Cue.ROLE_RANK, i) || i + 1 >= text.size()) {
            return null;
        }
        Token noun = text.token(i + 1);
        boolean sameClause = noun.clause() == text.token(i).clause();
        return sameClause && !noun.digits() && !text.isStopWord(i + 1) && !text.isPast(i + 1)
                && !isAdjective(noun.norm()) ? new Span(i, i + 2) : null;
    }

    /** End of the role noun (or noun phrase, «старшим смены») at {@code i}, or -1. */
    private static int headEnd(AnalysedText text, int i) {
        int end = text.matchAt(Cue.ROLE_HEAD, i);
        if (end > i) {
            return end;
        }
        // «шеф-сомелье», «геолог-поисковик»: a role noun as one part of a hyphenated word
        String norm = text.token(i).norm();
        if (norm.indexOf('-') > 0) {
            for (String part : norm.split("-")) {
                if (ROLE_PARTS.contains(part)) {
                    return i + 1;
                }
            }
        }
        return -1;
    }

    private static final Set<String> ROLE_PARTS = Set.of("сомелье", "геолог", "технолог", "инженер", "механик",
            "повар", "мастер", "оператор", "диспетчер");

    /** «технолог», «пекарь»: no case ending after the stem (not «дирижёров», not «геология»). */
    private static boolean isNominative(Token head) {
        String norm = head.norm();
        String stem = head.stem();
        if (norm.indexOf('-') > 0) {
            return true;
        }
        return norm.startsWith(stem) && NOMINATIVE_TAILS.contains(norm.substring(stem.length()));
    }

    private static boolean isInstrumental(String norm) {
        return norm.length() > 4 && INSTRUMENTAL_ENDINGS.contains(norm.substring(norm.length() - 2));
    }

    private static boolean isAdjective(String norm) {
        if (norm.length() < 5) {
            return false;
        }
        return ADJECTIVE_ENDINGS.contains(norm.substring(norm.length() - 2))
                || ADJECTIVE_ENDINGS.contains(norm.substring(norm.length() - 3));
    }

    private static boolean hasYearsNumber(AnalysedText text, int i) {
        for (int j = text.sentenceStart(i); j < text.sentenceEnd(i); j++) {
            if (text.startsWith(Cue.YEAR_UNIT, j)) {
                return true;
            }
        }
        return false;
    }

    private static String organisation(AnalysedText text, Map<FactSlot, String> facts) {
        if (facts.isEmpty() && !text.has(Cue.SELF)) {
            return null;
        }
        int checkedSentence = -1;
        boolean self = false;
        for (int i = 0; i < text.size(); i++) {
            Token token = text.token(i);
            if (token.sentence() != checkedSentence) {
                checkedSentence = token.sentence();
                self = selfSentence(text, i);
            }
            if (!self) {
                continue;
            }
            if (OPENING_QUOTES.indexOf(token.before()) >= 0 && i > 0) {
                Token previous = text.token(i - 1);
                boolean introduced = ORG_PREPOSITIONS.contains(previous.norm())
                        || text.startsWith(Cue.ORG_NOUN, i - 1);
                String quoted = quoted(text, i);
                if (introduced && quoted != null) {
                    return quoted;
                }
            }
            if (token.capitalised() && i > text.sentenceStart(i) && !text.startsWith(Cue.MONTH, i)) {
                for (int j = i + 1; j < Math.min(text.size(), i + 4); j++) {
                    if (text.token(j).clause() != token.clause()) {
                        break;
                    }
                    if (text.startsWith(Cue.ORG_NOUN, j)) {
                        return text.slice(i, j + 1);
                    }
                }
            }
        }
        return null;
    }

    /** A sentence with a role, years or a word about the speaker's own work. */
    private static boolean selfSentence(AnalysedText text, int i) {
        int start = text.sentenceStart(i);
        int end = text.sentenceEnd(i);
        for (int j = start; j < end; j++) {
            if (text.startsWith(Cue.SELF, j) || yearsAt(text, j) != null || headEnd(text, j) > 0) {
                return true;
            }
        }
        return false;
    }

    /** The text between the quote that opens before token {@code i} and its closing quote, as written. */
    private static String quoted(AnalysedText text, int i) {
        String raw = text.text();
        int from = text.token(i).start();
        int limit = Math.min(raw.length(), from + 80);
        for (int k = from; k < limit; k++) {
            char c = raw.charAt(k);
            if (CLOSING_QUOTES.indexOf(c) >= 0) {
                return k > from ? raw.substring(from, k) : null;
            }
            if (c == '\n') {
                return null;
            }
        }
        return null;
    }
}
