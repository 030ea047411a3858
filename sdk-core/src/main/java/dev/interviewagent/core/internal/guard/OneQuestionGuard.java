package dev.interviewagent.core.internal.guard;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.internal.lang.PackFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Enforces the first hard rule of the methodology — one question per interviewer message — on the output of any
 * brain. The engine runs it on every message; {@link MethodologyBrain} also runs it on its own candidates.
 *
 * <h2>What counts as a question</h2>
 * The message is split into sentences (at {@code . ! ? ？ …} followed by a space or the end, and at line breaks; a
 * line that starts like a list item, {@code 1.} {@code 2)} {@code -} {@code •}, is one sentence). Text inside
 * quotation marks — {@code «…»}, {@code “…”}, {@code „…“}, {@code "…"} — is the respondent's words and is ignored
 * (except a question mark set inside the closing quote of a sentence that starts like a question: "What did you
 * mean by “as usual?”" asks one thing). Then:
 * <ul>
 *   <li>every run of question marks ({@code ?} or {@code ？}) outside quotes is one question;</li>
 *   <li>a sentence that begins with a request verb but has no question mark ("Tell me about…", "Walk me through…",
 *       "Расскажите…", "Опишите…") is one question — unless it only leads in to the question that follows it
 *       ("Tell me about an error that went unnoticed. What gave it away?" asks one thing);</li>
 *   <li>a second question introduced by "and also", "also,", "in addition," or, in Russian, "а также", "и ещё",
 *       "а ещё", "кроме того," counts once more when an interrogative word or request verb follows it ("Tell me
 *       about your day, and also what tools you use" asks two things; "which tools and also people help you?"
 *       asks one);</li>
 *   <li>numbered or bulleted list items without a question mark are content (a member check's insights), not
 *       questions.</li>
 * </ul>
 * "Is this right — and how would you rate it from 1 to 4?" is one question.
 *
 * <h2>Repair</h2>
 * {@link #repair} keeps the first question — the one the brain was asked to put — together with the sentences
 * before it (the acknowledgement or bridge) and drops everything after it. A second question joined by a marker
 * inside the same sentence is cut off at the marker. A message with no question is returned unchanged; the engine
 * sees {@link GuardResult#hasQuestion()} {@code false} and falls back.
 *
 * <p>Stateless and thread-safe; no I/O but reading a language's {@code guard.json} from its pack once. Create one
 * with {@link #create()} and share it.
 */
public final class OneQuestionGuard {

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS;


    /** The pack file holding a language's guard patterns: regular expressions, case-insensitive. */
    static final String FILE = "guard.json";
    private static final Map<Language, Patterns> PATTERNS = new ConcurrentHashMap<>();

    private static final Pattern QUESTION_INSIDE_CLOSING_QUOTE = Pattern.compile("[?？][»”\"“]\\s*$");

    private OneQuestionGuard() {
    }

    /** A guard. It holds no state, so one instance may serve every interview. */
    public static OneQuestionGuard create() {
        return new OneQuestionGuard();
    }

    /**
     * Counts the questions a message asks.
     *
     * @param message  the interviewer message; must not be null
     * @param language the interview's language, which selects the request verbs and markers
     * @return 0 when it asks nothing, 1 when it complies, more when it asks several things
     * @throws NullPointerException if an argument is null
     */
    public int countQuestions(String message, Language language) {
        return analyse(message, language).count;
    }

    /**
     * Checks a message and prepares its repair.
     *
     * @param message  the interviewer message; must not be null
     * @param language the interview's language
     * @return the question count and the repaired message (the message itself when it asks at most one question)
     * @throws NullPointerException if an argument is null
     */
    public GuardResult check(String message, Language language) {
        Analysis analysis = analyse(message, language);
        return new GuardResult(message, analysis.count, analysis.count > 1 ? repairOf(message, analysis) : message);
    }

    /**
     * Reduces a message to one question: the first question plus the sentences before it. A message with at most
     * one question is returned unchanged.
     *
     * @param message  the interviewer message; must not be null
     * @param language the interview's language
     * @throws NullPointerException if an argument is null
     */
    public String repair(String message, Language language) {
        return check(message, language).repaired();
    }

    // ---------------------------------------------------------------------------------------------------------

    private enum Kind { QUESTION, REQUEST, MARKED, STATEMENT }

    /** One sentence of the message, with offsets into the original text. */
    private record Sentence(int start, int end, Kind kind, int questionMarks, boolean startsWithMarker,
                            int firstQuestionEnd, int internalMarker, int internalMarkers) {
    }

    /**
     * A language's patterns: a request phrased as an order ("tell me…"), a marker joining a second question
     * ("and also"), a question word anywhere, a question word opening the sentence.
     */
    private record Patterns(Pattern request, Pattern marker, Pattern interrogative, Pattern interrogativeStart) {
    }

    /** The patterns of the language's pack; English ones for a pack without {@code guard.json}. */
    private static Patterns patterns(Language language) {
        Patterns cached = PATTERNS.get(language);
        if (cached != null) {
            return cached;
        }
        JsonNode json = PackFiles.json(language.pack(), FILE);
        if (json.isMissingNode() && language != Language.ENGLISH) {
            return patterns(Language.ENGLISH);
        }
        Patterns loaded = new Patterns(compile(language, json, "request"), compile(language, json, "marker"),
                compile(language, json, "interrogative"), compile(language, json, "interrogative_start"));
        PATTERNS.putIfAbsent(language, loaded);
        return loaded;
    }

    private static Pattern compile(Language language, JsonNode json, String field) {
        if (!json.path(field).isTextual()) {
            throw new IllegalStateException(language.pack().folder() + FILE + " needs the pattern \"" + field + "\"");
        }
        return Pattern.compile(json.path(field).asText(), FLAGS);
    }

    private record Analysis(List<Sentence> sentences, int count, int firstCounted) {
    }

    private Analysis analyse(String message, Language language) {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(language, "language");
        Patterns patterns = patterns(language);
        Pattern request = patterns.request();
        Pattern marker = patterns.marker();
        Pattern interrogative = patterns.interrogative();
        Pattern interrogativeStart = patterns.interrogativeStart();

        String masked = SentenceSpans.maskQuotes(message);
        List<Sentence> sentences = new ArrayList<>();
        for (int[] span : SentenceSpans.split(masked)) {
            Sentence sentence = classify(masked, span[0], span[1], span[2] == 1, request, marker, interrogative);
            sentences.add(endsWithQuotedQuestion(message, sentence, interrogativeStart)
                    ? new Sentence(sentence.start, sentence.end, Kind.QUESTION, 1, sentence.startsWithMarker,
                    sentence.end, sentence.internalMarker, sentence.internalMarkers)
                    : sentence);
        }

        int count = 0;
        int firstCounted = -1;
        for (int i = 0; i < sentences.size(); i++) {
            Sentence s = sentences.get(i);
            int units = switch (s.kind) {
                case QUESTION -> s.questionMarks + s.internalMarkers;
                case MARKED -> 1 + s.internalMarkers;
                case REQUEST -> leadsIn(sentences, i) ? 0 : 1 + s.internalMarkers;
                case STATEMENT -> 0;
            };
            if (units > 0 && firstCounted < 0) {
                firstCounted = i;
            }
            count += units;
        }
        return new Analysis(sentences, count, firstCounted);
    }

    /** A request only leads in when the next sentence that asks anything is a plain question (no marker). */
    private static boolean leadsIn(List<Sentence> sentences, int index) {
        Sentence request = sentences.get(index);
        if (request.internalMarkers > 0) {
            return false;
        }
        for (int j = index + 1; j < sentences.size(); j++) {
            Sentence next = sentences.get(j);
            if (next.kind == Kind.STATEMENT) {
                continue;
            }
            return next.kind == Kind.QUESTION && !next.startsWithMarker;
        }
        return false;
    }

    private static Sentence classify(String masked, int start, int end, boolean listItem, Pattern request,
                                     Pattern marker, Pattern interrogative) {
        String text = masked.substring(start, end);
        int questionMarks = 0;
        int firstQuestionEnd = -1;
        boolean inRun = false;
        boolean runHasQuestion = false;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ' ';
            boolean terminal = c == '?' || c == '？' || c == '!';
            if (terminal) {
                inRun = true;
                runHasQuestion |= c != '!';
            } else if (inRun) {
                if (runHasQuestion) {
                    questionMarks++;
                    if (firstQuestionEnd < 0) {
                        firstQuestionEnd = start + i;
                    }
                }
                inRun = false;
                runHasQuestion = false;
            }
        }
        String body = stripLead(text);
        int bodyOffset = start + (text.length() - body.length());
        boolean startsWithMarker = false;
        int internalMarker = -1;
        int internalMarkers = 0;
        if (!listItem || questionMarks > 0) {
            Matcher m = marker.matcher(body);
            while (m.find()) {
                boolean followedByAsk = interrogative.matcher(body.substring(m.end())).find();
                if (m.start() == 0) {
                    startsWithMarker = followedByAsk;
                } else if (followedByAsk) {
                    internalMarkers++;
                    if (internalMarker < 0) {
                        internalMarker = bodyOffset + m.start();
                    }
                }
            }
        }
        Kind kind;
        if (questionMarks > 0) {
            kind = Kind.QUESTION;
        } else if (listItem) {
            kind = Kind.STATEMENT;
            internalMarkers = 0;
        } else if (request.matcher(body).find()) {
            kind = Kind.REQUEST;
        } else if (startsWithMarker) {
            kind = Kind.MARKED;
        } else {
            kind = Kind.STATEMENT;
            internalMarkers = 0;
        }
        return new Sentence(start, end, kind, questionMarks, startsWithMarker, firstQuestionEnd, internalMarker,
                internalMarkers);
    }

    /**
     * A question whose mark a writer put inside the closing quotation mark ("What did you mean by “as usual?”"):
     * the sentence starts like a question and its last quotation ends with "?". A respondent's quoted question
     * inside a statement ("You said “why bother?”") does not start like one and stays ignored.
     */
    private static boolean endsWithQuotedQuestion(String message, Sentence sentence, Pattern interrogativeStart) {
        if (sentence.kind == Kind.QUESTION || sentence.kind == Kind.REQUEST) {
            return false;
        }
        String original = message.substring(sentence.start, sentence.end);
        return QUESTION_INSIDE_CLOSING_QUOTE.matcher(original).find()
                && interrogativeStart.matcher(stripLead(original)).find();
    }

    /** Drops leading spaces, dashes, emoji and other non-letters so a sentence's first word can be matched. */
    private static String stripLead(String text) {
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            if (Character.isLetterOrDigit(cp)) {
                break;
            }
            i += Character.charCount(cp);
        }
        return text.substring(i);
    }

    private String repairOf(String message, Analysis analysis) {
        Sentence first = analysis.sentences.get(analysis.firstCounted);
        int cut;
        String ending = "";
        if (first.internalMarker >= 0
                && (first.firstQuestionEnd < 0 || first.internalMarker < first.firstQuestionEnd)) {
            cut = first.internalMarker;
            ending = first.kind == Kind.QUESTION ? "?" : ".";
        } else if (first.kind == Kind.QUESTION) {
            cut = closeQuotesAfter(message, first.firstQuestionEnd);
        } else {
            cut = first.end;
        }
        String kept = message.substring(0, cut).stripTrailing();
        if (!ending.isEmpty()) {
            kept = kept.replaceAll("[\\s,;:–—-]+$", "");
            if (!kept.isEmpty() && ".!?？…".indexOf(kept.charAt(kept.length() - 1)) < 0) {
                kept = kept + ending;
            }
        }
        return kept;
    }

    private static int closeQuotesAfter(String message, int index) {
        int i = index;
        while (i < message.length() && "»”\")".indexOf(message.charAt(i)) >= 0) {
            i++;
        }
        return i;
    }
}
