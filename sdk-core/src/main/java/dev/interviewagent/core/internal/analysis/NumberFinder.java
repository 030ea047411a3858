package dev.interviewagent.core.internal.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds numbers with their units as written ("30%", "2 hours", "$5k", "10 тысяч рублей", "5 лет", "3 clients",
 * "two weeks"). Patterns are compiled once. Deliberately skipped: years ("in 2019", "в 2019 году" — they are time
 * markers, not metrics), list markers ("1." / "2)" at the start of an item), digits inside words ("B2B", "mp3") and
 * number words without a unit or a counted noun ("two of them"). Immutable and thread-safe.
 */
public final class NumberFinder {

    /** One number: the phrase as written, its value part, its unit part (may be empty) and its span. */
    public record Found(String phrase, String value, String unit, int start, int end) {
    }

    private static final String NUM = "\\d{1,3}(?:[ \\u00A0\\u202F,]\\d{3})+(?:[.,]\\d+)?(?![\\d])|\\d+(?:[.,]\\d+)?";
    private static final String MULT = "k|m|bn|million|millions|billion|thousand|hundred|тыс\\.|тыс|тысяч[аи]?|млн\\.?"
            + "|млрд\\.?|миллион(?:а|ов)?|миллиард(?:а|ов)?|сот(?:ня|ни)?";
    private static final String UNIT = "%|percent|per cent|percentage points|pp|процент(?:а|ов)?|п\\.п\\."
            + "|dollars?|bucks|usd|eur|euros?|rub|roubles?|rubles?|рубл(?:ей|я|ь)|руб\\.?|р\\.|₽|\\$|€|£"
            + "|x|×|times|раз(?:а)?"
            + "|milliseconds?|ms|seconds?|secs?|minutes?|mins?|hours?|hrs?|h|days?|weeks?|wks?|months?|years?|yrs?"
            + "|секунд[ауы]?|сек\\.?|минут[ауы]?|мин\\.?|час(?:а|ов)?|ч\\.|дн(?:я|ей)|день|сут(?:ок|ки)"
            + "|недел[ьию]|месяц(?:а|ев)?|мес\\.?|лет|год(?:а|у)?|г\\."
            + "|человек|people|persons?";
    private static final String NUM_WORD = "two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty"
            + "|thirty|forty|fifty|sixty|hundred|dozen"
            + "|два|две|три|четыре|пять|шесть|семь|восемь|девять|десять|двенадцать|пятнадцать|двадцать|тридцать"
            + "|сорок|пятьдесят|сто|полтора|полторы|пару";

    private static final Pattern NUMBER = Pattern.compile(
            "(?<![\\p{L}\\p{N}])(?:"
                    + "(?<cur>[$€£₽])\\s?(?<n1>" + NUM + ")(?:\\s?(?<m1>" + MULT + "))?(?![\\p{L}\\p{N}])"
                    + "|(?<n2>" + NUM + ")(?:\\s?(?<m2>" + MULT + ")(?![\\p{L}\\p{N}]))?"
                    + "(?:\\s?(?<u2>" + UNIT + ")(?![\\p{L}\\p{N}]))?"
                    + "(?:\\s(?<noun>\\p{L}{3,}))?"
                    + "|(?<w>" + NUM_WORD + ")\\s(?:(?<u3>" + UNIT + ")(?![\\p{L}\\p{N}])|(?<noun3>\\p{L}{3,}))"
                    + ")",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private static final Pattern YEAR_PREPOSITION = Pattern.compile(
            "(?:^|[^\\p{L}])(?:in|since|by|from|until|till|of|в|с|до|к|по|от|году|год)\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** Words that never make a counted noun after a number ("12 and", "3 because"). */
    private static final Set<String> STOPWORDS = Set.of(
            "and", "the", "but", "because", "for", "with", "was", "were", "are", "our", "out", "then", "that",
            "this", "which", "who", "when", "where", "while", "than", "from", "into", "onto", "over", "under",
            "about", "after", "before", "each", "per", "all", "any", "not", "now", "had", "has", "have", "you",
            "they", "them", "their", "she", "his", "her", "its", "one", "two", "also", "just", "only", "more",
            "less", "most", "some", "such", "very", "too", "plus", "minus", "maybe", "ago", "later", "или", "это",
            "как", "так", "что", "чем", "для", "при", "над", "под", "уже", "ещё", "еще", "там", "тут", "все", "всё",
            "был", "была", "было", "были", "они", "она", "оно", "его", "ему", "нам", "нас", "вас", "вам", "мне",
            "меня", "тем", "том", "той", "тот", "эти", "этот", "эта", "где", "когда", "потом", "затем", "после",
            "назад", "спустя", "через", "около", "почти", "ровно", "более", "менее", "из", "of", "year", "years");

    /** Number words that can open a quantity ("two weeks", "две недели"). */
    private static final Set<String> NUMBER_WORDS = Set.of(NUM_WORD.split("\\|"));

    /**
     * Finds the numbers among the tokens of {@code tokens}, skipping any inside {@code [skipFrom, skipTo)} (a
     * rating). The pattern is only tried where a token is a number or a number word, anchored there, which keeps
     * the cost proportional to the numbers in the answer rather than to its length.
     *
     * @param limit the end of the analysed window in {@code tokens.text()}
     */
    public List<Found> find(TokenizedText tokens, int limit, int skipFrom, int skipTo) {
        List<Found> out = new ArrayList<>();
        String text = tokens.text();
        Matcher m = null;
        int lastEnd = -1;
        for (int i = 0; i < tokens.size(); i++) {
            int start = tokens.start(i);
            if (start < lastEnd || start >= limit) {
                continue;
            }
            String token = tokens.token(i);
            boolean digit = Character.isDigit(token.charAt(0));
            if (!digit && !NUMBER_WORDS.contains(token)) {
                continue;
            }
            if (digit) {
                int c = start - 1;
                if (c >= 0 && text.charAt(c) == ' ') {
                    c--;
                }
                if (c >= 0 && isCurrency(text.charAt(c))) {
                    start = c;
                }
            }
            if (m == null) {
                m = NUMBER.matcher(text);
                m.useTransparentBounds(true);
                m.useAnchoringBounds(false);
            }
            m.region(start, limit);
            if (!m.lookingAt()) {
                continue;
            }
            lastEnd = m.end();
            if (m.start() < skipTo && m.end() > skipFrom) {
                continue;
            }
            Found found = toFound(text, m);
            if (found != null) {
                out.add(found);
            }
        }
        return out;
    }

    private static boolean isCurrency(char c) {
        return c == '$' || c == '€' || c == '£' || c == '₽';
    }

    private static Found toFound(String text, Matcher m) {
        if (m.end() < text.length() && Character.isLetterOrDigit(text.charAt(m.end()))) {
            return null; // glued to a word: "3D", "4G"
        }
        if (m.group("cur") != null) {
            String value = m.group("n1") + (m.group("m1") == null ? "" : m.group("m1"));
            return new Found(m.group().strip(), value, m.group("cur"), m.start(), m.end());
        }
        if (m.group("w") != null) {
            String unit = m.group("u3");
            if (unit == null) {
                String noun = m.group("noun3");
                if (noun == null || STOPWORDS.contains(noun.toLowerCase(Locale.ROOT))) {
                    return null;
                }
                unit = noun;
            }
            return new Found(m.group().strip(), m.group("w"), unit, m.start(), m.end());
        }
        String value = m.group("n2");
        String mult = m.group("m2");
        String unit = m.group("u2");
        String noun = m.group("noun");
        int end = m.end();
        if (noun != null && (unit != null || STOPWORDS.contains(noun.toLowerCase(Locale.ROOT)))) {
            // a unit was found, or the next word is not a counted noun: end before it
            end = m.end("noun") - noun.length();
            while (end > m.start() && Character.isWhitespace(text.charAt(end - 1))) {
                end--;
            }
            noun = null;
        }
        if (mult == null && unit == null && isListMarker(text, m.start(), m.end("n2"))) {
            return null;
        }
        if (mult == null && isYear(value) && (unit == null || isYearUnit(unit) || precededByYearPreposition(text,
                m.start()))) {
            return null;
        }
        String fullUnit = ((mult == null ? "" : mult + " ") + (unit == null ? "" : unit)
                + (noun == null ? "" : noun)).strip();
        return new Found(text.substring(m.start(), end).strip(), value, fullUnit, m.start(), end);
    }

    private static boolean isYear(String value) {
        return value.length() == 4 && (value.startsWith("19") || value.startsWith("20"));
    }

    private static boolean isYearUnit(String unit) {
        String u = unit.toLowerCase(Locale.ROOT);
        return u.startsWith("год") || u.equals("г.") || u.startsWith("year") || u.startsWith("yr");
    }

    private static boolean precededByYearPreposition(String text, int start) {
        int from = Math.max(0, start - 12);
        return YEAR_PREPOSITION.matcher(text.substring(from, start)).find();
    }

    /** "1." or "2)" opening a list item: at a line start (or after ':'/';'), followed by a space. */
    private static boolean isListMarker(String text, int start, int numberEnd) {
        if (numberEnd >= text.length() || numberEnd - start > 2) {
            return false;
        }
        char after = text.charAt(numberEnd);
        if (after != '.' && after != ')') {
            return false;
        }
        if (after == ')') {
            return true;
        }
        if (numberEnd + 1 < text.length() && !Character.isWhitespace(text.charAt(numberEnd + 1))) {
            return false;
        }
        int i = start - 1;
        while (i >= 0 && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i--;
        }
        return i < 0 || text.charAt(i) == '\n' || text.charAt(i) == '\r' || text.charAt(i) == ':'
                || text.charAt(i) == ';';
    }
}
