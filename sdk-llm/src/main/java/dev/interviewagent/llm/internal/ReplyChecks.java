package dev.interviewagent.llm.internal;

import dev.interviewagent.core.Language;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Text checks on a model's message that guard the methodology against prompt injection: no fragment of the
 * system prompt, no claims that a stage or score changed, no sign of obeying the respondent's embedded
 * instructions, no quotation of words this interview's context does not hold, and the interview's language.
 * Stateless.
 */
final class ReplyChecks {

    /** Length of the word shingles compared with the system prompt. */
    static final int SHINGLE_WORDS = 8;

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    /** Fewest words a quoted passage needs to be checked: shorter ones are terms, not someone's account. */
    static final int QUOTE_MIN_WORDS = 3;

    /**
     * Quoted passages: "…", “…”, «…» and „…“, each to its closing mark or, unclosed (a message still streaming),
     * to the end.
     */
    private static final List<Pattern> QUOTED = List.of(Pattern.compile("\"([^\"]+)(?:\"|$)"),
            Pattern.compile("“([^”]+)(?:”|$)"), Pattern.compile("«([^»]+)(?:»|$)"),
            Pattern.compile("„([^“”]+)(?:[“”]|$)"));

    /** Claims no interviewer message makes, whatever the move. */
    private static final List<Pattern> ALWAYS = List.of(
            ci("perfect\\s+score"), ci("full\\s+marks"), ci("\\b(score|rating|grade)\\s*(of|is|:)?\\s*(100|10\\s*/\\s*10|100\\s*/\\s*100)\\b"),
            ci("\\bi\\s*('ll|\\s+will|\\s+am\\s+going\\s+to)\\s+ignore\\b"),
            ci("\\bignor(e|ing)\\s+(all\\s+|my\\s+|the\\s+|previous\\s+|prior\\s+|your\\s+|these\\s+)*(instructions|rules|guidelines)"),
            ci("\\bmy\\s+(system\\s+)?(prompt|instructions|rules)\\b"), ci("system\\s+prompt"),
            ci("\\b(these|previous|prior|earlier|above|original)\\s+instructions\\b"),
            ci("developer\\s+mode"), ci("\\bas\\s+an\\s+ai\\b"), ci("\\bjailbr(oken|eak)"),
            ci("\\bi\\s+am\\s+(now\\s+)?dan\\b"), ci("</?\\s*(answer|system|context)\\s*>"),
            ci("идеальн\\p{L}*\\s+(оценк|балл)"), ci("максимальн\\p{L}*\\s+(оценк|балл)"), ci("100\\s+балл"),
            ci("(проигнорирую|игнорирую|игнорируя)"), ci("систем\\p{L}*\\s+(промпт|подсказк|инструкци)"),
            ci("мои\\s+инструкци"), ci("режим\\p{L}*\\s+разработчика"), ci("как\\s+(языковая\\s+)?модель"));

    /** Claims that a stage ended or was skipped: only a transition or closing move may speak of that. */
    private static final List<Pattern> STAGE_CLAIMS = List.of(
            ci("\\bstage\\s+(is\\s+)?(complete|completed|finished|done|passed)\\b"),
            ci("\\b(skip|skipping|jump|jumping)\\s+(ahead\\s+)?(to\\s+)?(the\\s+)?(next|last|final|wrap)"),
            ci("\\binterview\\s+(is\\s+)?(complete|completed|over|finished)\\b"),
            ci("(этап|стадия)\\p{L}*\\s+(завершён|завершен|закончен|пройден)"),
            ci("(пропуст|перепрыгн)\\p{L}*\\s+(к\\s+)?(следующ|последн|финальн)"),
            ci("интервью\\s+(завершено|закончено|окончено)"));

    /** A slash command as a respondent would type it: {@code /complete}, not {@code and/or} or a URL path. */
    private static final Pattern SLASH_COMMAND = Pattern.compile("(?<![\\p{L}\\p{N}/:._-])(/[a-zA-Z][a-zA-Z0-9_]{0,31})\\b");

    private ReplyChecks() {
    }

    private static Pattern ci(String regex) {
        return Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /** The normalised words of a text. */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        var m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            words.add(m.group());
        }
        return words;
    }

    /** Every run of {@link #SHINGLE_WORDS} consecutive words of a text. */
    static Set<String> shingles(String text) {
        List<String> words = words(text);
        Set<String> out = new HashSet<>();
        for (int i = 0; i + SHINGLE_WORDS <= words.size(); i++) {
            out.add(String.join(" ", words.subList(i, i + SHINGLE_WORDS)));
        }
        return out;
    }

    /**
     * The words of a text as one space-delimited run (with a space at each end), the prompt's HTML escapes undone,
     * so that a passage is found in it by {@code contains(" " + words + " ")}.
     */
    static String wordRun(String text) {
        String plain = text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&");
        return " " + String.join(" ", words(plain)) + " ";
    }

    /**
     * The first passage the message puts in quotation marks that is not, word for word, in {@code contextWords}
     * (see {@link #wordRun}); empty if every quote comes from the context. A reply that quotes words this
     * respondent never said — another respondent's, from a reply crossed between conversations or a model that
     * remembers other sessions — must not reach this respondent. Ellipses split a quote into parts checked alone.
     */
    static Optional<String> foreignQuote(String message, String contextWords) {
        for (Pattern quoted : QUOTED) {
            var m = quoted.matcher(message);
            while (m.find()) {
                for (String part : m.group(1).split("\\.\\.\\.|…")) {
                    List<String> words = words(part);
                    if (words.size() >= QUOTE_MIN_WORDS && !contextWords.contains(" " + String.join(" ", words)
                            + " ")) {
                        return Optional.of(part.strip());
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** Whether the message repeats any 8-word run of the system prompt. */
    static boolean leaksPrompt(String message, Set<String> promptShingles) {
        List<String> words = words(message);
        for (int i = 0; i + SHINGLE_WORDS <= words.size(); i++) {
            if (promptShingles.contains(String.join(" ", words.subList(i, i + SHINGLE_WORDS)))) {
                return true;
            }
        }
        return false;
    }

    /** A claim that obeys embedded instructions or changes score/stage; empty if none. */
    static Optional<String> forbiddenClaim(String message, boolean transitionAllowed) {
        for (Pattern p : ALWAYS) {
            if (p.matcher(message).find()) {
                return Optional.of("it talks about scores, instructions or its own prompt");
            }
        }
        if (!transitionAllowed) {
            for (Pattern p : STAGE_CLAIMS) {
                if (p.matcher(message).find()) {
                    return Optional.of("it claims a stage or the interview ended, which only the engine decides");
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The slash commands the message names that the interview's channel does not have ({@code /complete} on the web
     * page, whose respondents have a button); empty if none. A slash inside a word, a number or a URL
     * ({@code and/or}, {@code 24/7}, {@code https://…}) is not a command.
     */
    static List<String> foreignCommands(String message, Set<String> channelCommands) {
        List<String> foreign = new ArrayList<>();
        var m = SLASH_COMMAND.matcher(message);
        while (m.find()) {
            String command = m.group(1).toLowerCase(Locale.ROOT);
            if (!channelCommands.contains(command) && !foreign.contains(command)) {
                foreign.add(command);
            }
        }
        return foreign;
    }

    /** Whether the message is written in the interview's language (by the share of Cyrillic letters). */
    static boolean inLanguage(String message, Language language) {
        int letters = 0;
        int cyrillic = 0;
        for (int i = 0; i < message.length(); i++) {
            char c = message.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
                if (Character.UnicodeBlock.of(c) == Character.UnicodeBlock.CYRILLIC) {
                    cyrillic++;
                }
            }
        }
        if (letters < 8) {
            return true;
        }
        double share = (double) cyrillic / letters;
        return language == Language.RUSSIAN ? share >= 0.6 : share <= 0.15;
    }

    /** Splits a message into sentences, keeping each sentence's end mark. */
    static List<String> sentences(String message) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < message.length(); i++) {
            char c = message.charAt(i);
            current.append(c);
            boolean end = c == '?' || c == '!' || c == '.' || c == '…' || c == '\n';
            boolean next = i + 1 >= message.length() || Character.isWhitespace(message.charAt(i + 1));
            if (end && next && !(c == '.' && i + 1 < message.length() && message.charAt(i + 1) == '.')) {
                if (!current.toString().isBlank()) {
                    out.add(current.toString());
                }
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            out.add(current.toString());
        }
        return out;
    }
}
