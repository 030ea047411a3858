package dev.interviewagent.testkit.intent;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Splits an interviewer message into sentences and prepares their text for the rules.
 *
 * <p>Sentences end at {@code . ! ? …} followed by a space or the end of a line, and at line breaks; a line that
 * starts like a list item ({@code 1.}, {@code 2)}, {@code -}, {@code •}) is one sentence, so the numbers of a member
 * check's list do not cut it up. Punctuation inside quotations does not end a sentence — except a quotation that
 * itself ends a sentence ("Earlier you said “we skip it when rushed.” What happens then?"), which is recognised by
 * the capital letter that follows it.
 */
final class MessageParser {

    /**
     * What a quotation reads as. Rules may require that something was quoted ("what does “…” look like"), never
     * what: the respondent's words are theirs, not the interviewer's intent.
     */
    static final String QUOTE = "<q>";

    private static final Pattern LIST_ITEM = Pattern.compile("^\\s*(?:\\d{1,2}[.)]|[-•*–—])\\s+");
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2007\\u202F]+");
    private static final Pattern SPACE_BEFORE_PUNCTUATION = Pattern.compile(" (?=[,.;:!?…])");
    private static final String TERMINALS = ".!?…";

    private MessageParser() {
    }

    /**
     * Parses a message.
     *
     * @param message the interviewer message; not null
     * @return its sentences and script
     */
    static ParsedMessage parse(String message) {
        String text = message.replace('？', '?').replace("\r\n", "\n").replace('\r', '\n');
        boolean[] quoted = QuotedSpans.mark(text);
        List<Sentence> sentences = new ArrayList<>();
        int lineStart = 0;
        while (lineStart <= text.length()) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = text.length();
            }
            if (LIST_ITEM.matcher(text.substring(lineStart, lineEnd)).find()) {
                add(sentences, text, quoted, lineStart, lineEnd, true);
            } else {
                int sentenceStart = lineStart;
                for (int i = lineStart; i < lineEnd; i++) {
                    if (endsSentence(text, quoted, i, lineEnd)) {
                        add(sentences, text, quoted, sentenceStart, i + 1, false);
                        sentenceStart = i + 1;
                    }
                }
                add(sentences, text, quoted, sentenceStart, lineEnd, false);
            }
            lineStart = lineEnd + 1;
        }
        return new ParsedMessage(sentences, Script.of(text, quoted));
    }

    private static boolean endsSentence(String text, boolean[] quoted, int i, int lineEnd) {
        char c = text.charAt(i);
        boolean atLineEnd = i + 1 >= lineEnd;
        if (!quoted[i]) {
            // "?!" and "..." end a sentence once, at their last mark; "1.5" and "e.g.x" do not end one at all.
            return TERMINALS.indexOf(c) >= 0
                    && (atLineEnd || Character.isWhitespace(text.charAt(i + 1)));
        }
        boolean closesQuotation = atLineEnd || !quoted[i + 1];
        if (!closesQuotation || i == 0 || TERMINALS.indexOf(text.charAt(i - 1)) < 0) {
            return false;
        }
        return atLineEnd || startsNewSentence(text, i + 1, lineEnd);
    }

    /** After a quotation that ends with a full stop: a space, then a capital letter or a new quotation. */
    private static boolean startsNewSentence(String text, int from, int lineEnd) {
        if (from >= lineEnd || !Character.isWhitespace(text.charAt(from))) {
            return false;
        }
        int j = from;
        while (j < lineEnd && Character.isWhitespace(text.charAt(j))) {
            j++;
        }
        return j < lineEnd && (Character.isUpperCase(text.charAt(j)) || "“«„\"".indexOf(text.charAt(j)) >= 0);
    }

    private static void add(List<Sentence> sentences, String text, boolean[] quoted, int start, int end,
                            boolean listItem) {
        String original = text.substring(start, end).strip();
        if (original.isEmpty()) {
            return;
        }
        StringBuilder masked = new StringBuilder(end - start + 8);
        boolean question = false;
        boolean lastQuotationAsks = false;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (!quoted[i]) {
                masked.append(c);
                question |= c == '?';
                if (!Character.isWhitespace(c)) {
                    lastQuotationAsks = false;
                }
            } else if (i == start || !quoted[i - 1]) {
                masked.append(' ').append(QUOTE).append(' ');
            } else if (i + 1 >= end || !quoted[i + 1]) {
                // The closing mark of a quotation: does its content end with a question mark?
                lastQuotationAsks = text.charAt(i - 1) == '?';
            }
        }
        sentences.add(new Sentence(original, normalise(masked.toString()), question || lastQuotationAsks,
                listItem));
    }

    /**
     * Lower case, {@code ё → е}, one kind of apostrophe, single spaces and none before punctuation (a quotation's
     * placeholder leaves one: "you say “…”, what" reads "you say <q>, what"): so patterns need not spell variants.
     */
    static String normalise(String text) {
        String lower = text.toLowerCase(Locale.ROOT)
                .replace('ё', 'е')
                .replace('’', '\'').replace('‘', '\'').replace('ʼ', '\'').replace('`', '\'');
        String spaced = SPACES.matcher(lower).replaceAll(" ");
        return SPACE_BEFORE_PUNCTUATION.matcher(spaced).replaceAll("").strip();
    }
}
