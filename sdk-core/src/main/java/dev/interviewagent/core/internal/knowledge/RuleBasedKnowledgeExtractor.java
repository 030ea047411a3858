package dev.interviewagent.core.internal.knowledge;

import dev.interviewagent.core.Language;
import dev.interviewagent.core.analysis.AnswerAnalysis;
import dev.interviewagent.core.guide.Stage;
import dev.interviewagent.core.internal.analysis.Lexicon;
import dev.interviewagent.core.internal.analysis.NumberFinder;
import dev.interviewagent.core.internal.analysis.PhraseMatcher;
import dev.interviewagent.core.internal.analysis.PhraseMatcher.Match;
import dev.interviewagent.core.internal.analysis.RuleBasedAnswerAnalyzer;
import dev.interviewagent.core.internal.analysis.Signal;
import dev.interviewagent.core.internal.analysis.TokenizedText;
import dev.interviewagent.core.knowledge.KnowledgeExtractor;
import dev.interviewagent.core.knowledge.KnowledgeItem;
import dev.interviewagent.core.knowledge.KnowledgeKind;
import dev.interviewagent.core.knowledge.KnowledgeMerger;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The built-in knowledge extractor: sentence-level rules over the same tokens and lexicons as the analyzer.
 *
 * <ul>
 *   <li>EXAMPLE — the sentence with an example marker plus up to two following sentences of the same story;
 *       {@code when} is its first time phrase, {@code result} the clause from "as a result"/"в итоге".</li>
 *   <li>PROCESS — a numbered or bulleted list (title: the line before it), or else two or more step markers
 *       (first/then/after that/finally; сначала/потом/затем/в конце) cut into steps in order (title: the words before
 *       the first marker, the sentence before it, or the first step). Leading connectors are dropped from steps.</li>
 *   <li>FAILURE_MODE — consecutive failure sentences; {@code warning_signs}, {@code consequences} and {@code fix}
 *       from the sentences (or clauses) carrying those markers anywhere in the answer.</li>
 *   <li>METRIC — every number with a unit, with the clause around it; {@code value}, {@code unit}.</li>
 *   <li>MILESTONE — a time-anchored development statement ("after two years I…", "через год"); {@code when}.</li>
 *   <li>COMPETENCY — a statement about novices, mid-level people or experts; {@code level}.</li>
 *   <li>INSIGHT — a sentence with an insight marker ("the secret is", "на самом деле"); in essence and mastery, a
 *       long answer's strongest sentence when no marker was found.</li>
 *   <li>GAP — for a "don't know" answer: the topic when it can be told ("never dealt with payroll audits"), or the
 *       answer trimmed.</li>
 * </ul>
 * Texts are trimmed lightly: whitespace collapsed, list markers dropped, anything over {@link #MAX_TEXT} characters
 * cut at a word. Immutable and thread-safe.
 */
public final class RuleBasedKnowledgeExtractor implements KnowledgeExtractor {

    /** Longest item text or attribute kept, in characters. */
    public static final int MAX_TEXT = 600;

    /**
     * Most items of one kind taken from one answer (exact repeats are not counted). Bounds the work on pasted
     * documents; a real answer never comes close.
     */
    public static final int MAX_ITEMS_PER_KIND = 50;

    /** Most steps kept in one process; the rest of a pasted list is dropped. */
    public static final int MAX_STEPS = 50;

    private static final int EXAMPLE_FOLLOWING_SENTENCES = 2;
    private static final int STRONGEST_SENTENCE_MIN_ANSWER_WORDS = 60;
    private static final int STRONGEST_SENTENCE_MIN_SCORE = 3;

    private static final Pattern LIST_ITEM = Pattern.compile("^[ \\t]*(?:\\d{1,2}[.)]|[-*•–—·])[ \\t]+(\\S.*)$");
    private static final Pattern INLINE_ITEM = Pattern.compile("(?<![\\p{L}\\p{N}])\\d{1,2}\\)\\s+");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern LEADING_MARKER = Pattern.compile("^(?:\\d{1,2}[.)]|[-*•–—·])\\s+");

    private static final Set<String> STEP_CONNECTORS = Set.of(
            "first", "firstly", "first of all", "then", "and then", "and finally", "after that", "afterwards", "next", "finally",
            "lastly", "second", "secondly", "third", "thirdly", "сначала", "потом", "а потом", "и потом", "затем",
            "после этого", "после чего", "после того", "в конце", "наконец", "во-первых", "во-вторых", "в-третьих",
            "первым делом", "далее", "в первую очередь");
    private static final Set<String> TOPIC_PREPOSITIONS = Set.of(
            "with", "about", "in", "on", "of", "с", "со", "в", "во", "про", "по", "о", "об", "на");
    private static final Set<String> TOPIC_PRONOUNS = Set.of(
            "that", "this", "it", "them", "those", "such things", "таким", "этим", "этом", "такими", "таким делом",
            "этим делом", "подобным", "этого", "такого");
    private static final Set<String> CONTRAST = Set.of(
            "but", "however", "actually", "instead", "rather", "unless", "но", "однако", "зато", "вместо", "хотя");
    private static final Set<String> ABSOLUTE = Set.of(
            "always", "never", "every", "nobody", "everyone", "everything", "nothing", "must", "всегда", "никогда",
            "каждый", "никто", "все", "всё", "ничего", "нельзя", "обязательно");
    private static final Set<Signal> NOT_EXAMPLE_CONTINUATION = EnumSet.of(
            Signal.EXAMPLE, Signal.STEP, Signal.INSIGHT, Signal.NOVICE, Signal.INTERMEDIATE, Signal.EXPERT);

    private final PhraseMatcher matcher;
    private final NumberFinder numbers;
    private final KnowledgeMerger merger;

    /** Compiles the analysis and extraction lexicons of both languages. */
    public RuleBasedKnowledgeExtractor() {
        this.matcher = new PhraseMatcher(List.of(Lexicon.ENGLISH_ANALYSIS, Lexicon.RUSSIAN_ANALYSIS,
                Lexicon.ENGLISH_KNOWLEDGE, Lexicon.RUSSIAN_KNOWLEDGE));
        this.numbers = new NumberFinder();
        this.merger = new KnowledgeMerger();
    }

    @Override
    public List<KnowledgeItem> extract(String answer, AnswerAnalysis analysis, Stage stage, int turnNumber,
            Language language) {
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(analysis, "analysis");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(language, "language");
        if (turnNumber < 0) {
            throw new IllegalArgumentException("turnNumber must be >= 0, was " + turnNumber);
        }
        if (answer.isBlank()) {
            return List.of();
        }
        Context c = new Context(answer, stage, turnNumber);
        if (analysis.dontKnow()) {
            gap(c);
        }
        examples(c);
        processes(c);
        failureModes(c);
        metrics(c);
        byMarker(c, KnowledgeKind.MILESTONE, Signal.MILESTONE);
        competencies(c);
        insights(c, analysis);
        return merger.merge(List.of(), c.items);
    }

    /** One answer being read: tokens, sentences, matches by sentence, and the items found so far. */
    private final class Context {
        final String text;
        final String window;
        final Stage stage;
        final int turn;
        final TokenizedText tokens;
        final List<Sentence> sentences = new ArrayList<>();
        final int[] sentenceOf;
        final Map<Signal, List<Match>> matches;
        final boolean[] excluded;
        final List<KnowledgeItem> items = new ArrayList<>();
        final Set<String> seen = new HashSet<>();
        final Map<KnowledgeKind, Integer> perKind = new EnumMap<>(KnowledgeKind.class);

        Context(String text, Stage stage, int turn) {
            this.text = text;
            int limit = Math.min(text.length(), RuleBasedAnswerAnalyzer.ANALYSIS_WINDOW);
            this.window = text.substring(0, limit);
            this.stage = stage;
            this.turn = turn;
            // tokenise the window itself so no token or sentence reaches past it
            this.tokens = TokenizedText.of(window, limit);
            this.sentenceOf = new int[tokens.size()];
            splitSentences();
            this.matches = PhraseMatcher.bySignal(matcher.find(tokens));
            this.excluded = new boolean[sentences.size()];
            for (Match m : matches.getOrDefault(Signal.INSTRUCTION, List.of())) {
                excluded[sentenceOf[m.from()]] = true;
            }
        }

        private void splitSentences() {
            int first = 0;
            for (int i = 1; i <= tokens.size(); i++) {
                if (i == tokens.size() || tokens.sentenceBreakBefore(i)) {
                    if (i > first) {
                        int start = tokens.start(first);
                        int end = tokens.end(i - 1);
                        int limit = i < tokens.size() ? tokens.start(i) : window.length();
                        while (end < limit && !Character.isWhitespace(window.charAt(end))) {
                            end++;
                        }
                        for (int t = first; t < i; t++) {
                            sentenceOf[t] = sentences.size();
                        }
                        sentences.add(new Sentence(first, i, start, end));
                    }
                    first = i;
                }
            }
        }

        String sentenceText(int s) {
            Sentence sentence = sentences.get(s);
            return window.substring(sentence.start(), sentence.end());
        }

        /** The sentence from the start of a match to the sentence end. */
        String clauseFrom(Match m) {
            Sentence sentence = sentences.get(sentenceOf[m.from()]);
            return window.substring(tokens.start(m.from()), sentence.end());
        }

        List<Match> of(Signal signal) {
            return matches.getOrDefault(signal, List.of());
        }

        boolean sentenceHas(int s, Signal signal) {
            for (Match m : of(signal)) {
                if (sentenceOf[m.from()] == s) {
                    return true;
                }
            }
            return false;
        }

        @Nullable Match firstIn(Signal signal, int fromSentence, int toSentence) {
            for (Match m : of(signal)) {
                int s = sentenceOf[m.from()];
                if (s >= fromSentence && s < toSentence) {
                    return m;
                }
            }
            return null;
        }

        void add(KnowledgeKind kind, String rawText, List<String> steps, Map<String, String> attributes) {
            String clean = clean(rawText);
            if (clean.isEmpty()) {
                return;
            }
            String key = kind.code() + '\u0000' + clean + '\u0000' + attributes.getOrDefault("value", "")
                    + '\u0000' + attributes.getOrDefault("unit", "");
            int count = perKind.getOrDefault(kind, 0);
            if (count >= MAX_ITEMS_PER_KIND || !seen.add(key)) {
                return;
            }
            perKind.put(kind, count + 1);
            items.add(new KnowledgeItem(kind, clean, stage, turn, KnowledgeItem.SOURCE_ANALYZER, steps,
                    attributes));
        }
    }

    private record Sentence(int firstToken, int endToken, int start, int end) {
    }

    // --- kinds --------------------------------------------------------------------------------------------------

    private static void gap(Context c) {
        Map<String, String> attributes = new LinkedHashMap<>();
        String topic = null;
        List<Match> dontKnow = c.of(Signal.DONT_KNOW);
        if (!dontKnow.isEmpty()) {
            Match m = dontKnow.get(0);
            Sentence sentence = c.sentences.get(c.sentenceOf[m.from()]);
            int next = m.to();
            if (next < sentence.endToken() && TOPIC_PREPOSITIONS.contains(c.tokens.token(m.to() - 1))) {
                // the phrase ended in its preposition: "never dealt with | payroll audits"
                topic = c.window.substring(c.tokens.start(next), sentence.end());
            } else if (next + 1 < sentence.endToken() && TOPIC_PREPOSITIONS.contains(c.tokens.token(next))
                    && !c.tokens.punctuationBefore(next)) {
                topic = c.window.substring(c.tokens.start(next + 1), sentence.end());
            }
        }
        if (topic != null) {
            topic = stripTrailingPunctuation(clean(topic));
            if (wordCount(topic) >= 1 && !TOPIC_PRONOUNS.contains(TokenizedText.normalise(topic))) {
                attributes.put("topic", topic);
                c.add(KnowledgeKind.GAP, topic, List.of(), attributes);
                return;
            }
        }
        c.add(KnowledgeKind.GAP, c.window, List.of(), attributes);
    }

    private static void examples(Context c) {
        int covered = -1;
        for (Match m : c.of(Signal.EXAMPLE)) {
            int s = c.sentenceOf[m.from()];
            if (s <= covered || c.excluded[s]) {
                continue;
            }
            int end = s + 1;
            while (end < c.sentences.size() && end - s <= EXAMPLE_FOLLOWING_SENTENCES && !c.excluded[end]
                    && !continuationBlocked(c, end)) {
                end++;
            }
            covered = end - 1;
            StringBuilder text = new StringBuilder();
            for (int i = s; i < end; i++) {
                text.append(c.sentenceText(i)).append(' ');
            }
            Map<String, String> attributes = new LinkedHashMap<>();
            Match when = c.firstIn(Signal.TIME, s, end);
            if (when != null) {
                attributes.put("when", c.tokens.original(when.from(), when.to() - 1));
            }
            Match result = c.firstIn(Signal.RESULT, s, end);
            if (result != null) {
                attributes.put("result", clean(c.clauseFrom(result)));
            }
            c.add(KnowledgeKind.EXAMPLE, text.toString(), List.of(), attributes);
        }
    }

    private static boolean continuationBlocked(Context c, int s) {
        for (Signal signal : NOT_EXAMPLE_CONTINUATION) {
            if (c.sentenceHas(s, signal)) {
                return true;
            }
        }
        return isListLine(c, s);
    }

    private static boolean isListLine(Context c, int s) {
        Sentence sentence = c.sentences.get(s);
        int lineStart = c.window.lastIndexOf('\n', Math.max(0, sentence.start() - 1)) + 1;
        String before = c.window.substring(lineStart, sentence.start()).strip();
        return !before.isEmpty() && LEADING_MARKER.matcher(before + " ").find();
    }

    private static void processes(Context c) {
        if (!listProcesses(c)) {
            markerProcess(c);
        }
    }

    /** Numbered or bulleted lists, line by line or inline "1) … 2) …"; returns whether any was found. */
    private static boolean listProcesses(Context c) {
        String[] lines = c.window.split("\\R", -1);
        boolean found = false;
        List<String> steps = new ArrayList<>();
        String title = null;
        String previous = null;
        for (String line : lines) {
            Matcher item = LIST_ITEM.matcher(line);
            if (item.matches() && !containsInstruction(c, line)) {
                if (steps.isEmpty()) {
                    title = previous;
                }
                steps.add(clean(item.group(1)));
                continue;
            }
            if (steps.size() >= 2) {
                found |= addProcess(c, title, steps);
            }
            steps = new ArrayList<>();
            if (!line.isBlank()) {
                previous = lastSentence(line);
            }
            List<String> inline = inlineItems(line);
            if (inline.size() >= 2) {
                int first = INLINE_ITEM.matcher(line).find() ? firstInlineStart(line) : 0;
                String lead = line.substring(0, first).strip();
                found |= addProcess(c, lead.isEmpty() ? null : lead, inline);
            }
        }
        if (steps.size() >= 2) {
            found |= addProcess(c, title, steps);
        }
        return found;
    }

    /** The last sentence of a line: the lead-in of a list that follows it. */
    private static String lastSentence(String line) {
        String s = line.strip();
        int cut = -1;
        for (int i = 0; i < s.length() - 1; i++) {
            char ch = s.charAt(i);
            if ((ch == '.' || ch == '!' || ch == '?' || ch == '…') && Character.isWhitespace(s.charAt(i + 1))) {
                cut = i + 1;
            }
        }
        return cut < 0 ? s : s.substring(cut).strip();
    }

    private static boolean containsInstruction(Context c, String line) {
        int at = c.window.indexOf(line);
        for (Match m : c.of(Signal.INSTRUCTION)) {
            int start = c.tokens.start(m.from());
            if (at >= 0 && start >= at && start < at + line.length()) {
                return true;
            }
        }
        return false;
    }

    private static int firstInlineStart(String line) {
        Matcher m = INLINE_ITEM.matcher(line);
        return m.find() ? m.start() : 0;
    }

    private static List<String> inlineItems(String line) {
        Matcher m = INLINE_ITEM.matcher(line);
        List<Integer> starts = new ArrayList<>();
        List<Integer> bodies = new ArrayList<>();
        while (m.find()) {
            starts.add(m.start());
            bodies.add(m.end());
        }
        if (starts.size() < 2) {
            return List.of();
        }
        List<String> items = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            int end = i + 1 < starts.size() ? starts.get(i + 1) : line.length();
            String item = trimConnectorTail(clean(line.substring(bodies.get(i), end)));
            if (!item.isEmpty()) {
                items.add(item);
            }
        }
        return items;
    }

    private static boolean addProcess(Context c, @Nullable String title, List<String> steps) {
        List<String> kept = new ArrayList<>();
        for (String step : steps) {
            String s = clean(step);
            if (!s.isEmpty() && kept.size() < MAX_STEPS) {
                kept.add(s);
            }
        }
        if (kept.size() < 2) {
            return false;
        }
        String heading = title == null ? "" : stripTrailingPunctuation(clean(title));
        c.add(KnowledgeKind.PROCESS, heading.isEmpty() ? kept.get(0) : heading, kept, Map.of());
        return true;
    }

    /** Step markers in order, each step running to the next marker or the end of its sentence. */
    private static void markerProcess(Context c) {
        List<Match> markers = new ArrayList<>();
        for (Match m : c.of(Signal.STEP)) {
            if (!c.excluded[c.sentenceOf[m.from()]]) {
                markers.add(m);
            }
        }
        if (markers.size() < 2) {
            return;
        }
        List<String> steps = new ArrayList<>();
        for (int k = 0; k < markers.size(); k++) {
            Match m = markers.get(k);
            Sentence sentence = c.sentences.get(c.sentenceOf[m.from()]);
            int end = sentence.end();
            if (k + 1 < markers.size()) {
                Match next = markers.get(k + 1);
                if (c.sentenceOf[next.from()] == c.sentenceOf[m.from()]) {
                    end = c.tokens.start(next.from());
                }
            }
            String step = stripTrailingPunctuation(trimConnectorTail(stripConnector(clean(
                    c.window.substring(c.tokens.start(m.from()), end)))));
            if (!step.isEmpty()) {
                steps.add(step);
            }
        }
        Match first = markers.get(0);
        int s = c.sentenceOf[first.from()];
        Sentence sentence = c.sentences.get(s);
        String title = stripTrailingPunctuation(clean(c.window.substring(sentence.start(),
                c.tokens.start(first.from()))));
        if (wordCount(title) < 2) {
            title = s > 0 && !c.excluded[s - 1] && !c.sentenceHas(s - 1, Signal.STEP) ? c.sentenceText(s - 1) : null;
        }
        addProcess(c, title, steps);
    }

    private static void failureModes(Context c) {
        List<Integer> failureSentences = new ArrayList<>();
        for (Match m : c.of(Signal.FAILURE)) {
            int s = c.sentenceOf[m.from()];
            if (!c.excluded[s] && (failureSentences.isEmpty() || failureSentences.get(failureSentences.size() - 1) != s)) {
                failureSentences.add(s);
            }
        }
        if (failureSentences.isEmpty() && c.stage == Stage.FAILURE_MODES && !c.of(Signal.WARNING_SIGN).isEmpty()) {
            failureSentences.add(c.sentenceOf[c.of(Signal.WARNING_SIGN).get(0).from()]);
        }
        if (failureSentences.isEmpty()) {
            return;
        }
        // Outside the failure stage, words such as "incident", "error" or "broken" are often just the domain's
        // vocabulary; a failure mode needs more there: a fix, a warning sign or a consequence in the same answer.
        if (c.stage != Stage.FAILURE_MODES && c.of(Signal.FIX).isEmpty() && c.of(Signal.WARNING_SIGN).isEmpty()
                && c.of(Signal.CONSEQUENCE).isEmpty()) {
            return;
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        putJoined(c, attributes, "warning_signs", Signal.WARNING_SIGN);
        putJoined(c, attributes, "consequences", Signal.CONSEQUENCE);
        putJoined(c, attributes, "fix", Signal.FIX);
        int i = 0;
        while (i < failureSentences.size()) {
            int from = failureSentences.get(i);
            int to = from;
            while (i + 1 < failureSentences.size() && failureSentences.get(i + 1) == to + 1) {
                to = failureSentences.get(++i);
            }
            StringBuilder text = new StringBuilder();
            for (int s = from; s <= to; s++) {
                text.append(c.sentenceText(s)).append(' ');
            }
            c.add(KnowledgeKind.FAILURE_MODE, text.toString(), List.of(), attributes);
            i++;
        }
    }

    /** The sentences carrying a marker (from the marker on when the sentence also states the failure). */
    private static void putJoined(Context c, Map<String, String> attributes, String name, Signal signal) {
        StringBuilder joined = new StringBuilder();
        int last = -1;
        for (Match m : c.of(signal)) {
            int s = c.sentenceOf[m.from()];
            if (s == last || c.excluded[s]) {
                continue;
            }
            last = s;
            String part = c.sentenceHas(s, Signal.FAILURE) ? c.clauseFrom(m) : c.sentenceText(s);
            joined.append(clean(part)).append(' ');
        }
        String value = clean(joined.toString());
        if (!value.isEmpty()) {
            attributes.put(name, value);
        }
    }

    private void metrics(Context c) {
        for (NumberFinder.Found found : numbers.find(c.tokens, c.window.length(), -1, -1)) {
            if (found.unit().isEmpty()) {
                continue;
            }
            int token = tokenAt(c, found.start());
            if (token < 0) {
                continue;
            }
            int s = c.sentenceOf[token];
            if (c.excluded[s]) {
                continue;
            }
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put("value", found.value());
            attributes.put("unit", found.unit());
            attributes.put("quote", found.phrase());
            c.add(KnowledgeKind.METRIC, clauseAround(c, s, found.start(), found.end()), List.of(), attributes);
        }
    }

    /** The first token ending after {@code charIndex} (binary search: tokens are in text order). */
    private static int tokenAt(Context c, int charIndex) {
        int low = 0;
        int high = c.tokens.size() - 1;
        int found = -1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            if (c.tokens.end(mid) > charIndex) {
                found = mid;
                high = mid - 1;
            } else {
                low = mid + 1;
            }
        }
        return found;
    }

    /** The comma/semicolon/dash clause holding the number, or the whole sentence when that clause is too short. */
    private static String clauseAround(Context c, int s, int start, int end) {
        Sentence sentence = c.sentences.get(s);
        int from = start;
        while (from > sentence.start() && !isClauseBreak(c.window.charAt(from - 1))) {
            from--;
        }
        int to = end;
        while (to < sentence.end() && !isClauseBreak(c.window.charAt(to))) {
            to++;
        }
        String clause = c.window.substring(from, to);
        if (wordCount(clause) >= 4) {
            return clause;
        }
        if (sentence.end() - sentence.start() <= MAX_TEXT) {
            return c.sentenceText(s);
        }
        // a run-on "sentence": keep a stretch of words around the number instead
        int left = Math.max(sentence.start(), start - MAX_TEXT / 4);
        int right = Math.min(sentence.end(), end + MAX_TEXT / 4);
        while (left > sentence.start() && !Character.isWhitespace(c.window.charAt(left - 1))) {
            left--;
        }
        while (right < sentence.end() && !Character.isWhitespace(c.window.charAt(right))) {
            right++;
        }
        return c.window.substring(left, right);
    }

    private static boolean isClauseBreak(char ch) {
        return ch == ',' || ch == ';' || ch == '—' || ch == '–' || ch == ':' || ch == '(' || ch == ')';
    }

    private static void byMarker(Context c, KnowledgeKind kind, Signal signal) {
        int last = -1;
        for (Match m : c.of(signal)) {
            int s = c.sentenceOf[m.from()];
            if (s == last || c.excluded[s]) {
                continue;
            }
            last = s;
            Map<String, String> attributes = new LinkedHashMap<>();
            if (kind == KnowledgeKind.MILESTONE) {
                attributes.put("when", c.tokens.original(m.from(), m.to() - 1));
            }
            c.add(kind, c.sentenceText(s), List.of(), attributes);
        }
    }

    private static void competencies(Context c) {
        Map<Integer, Match> firstBySentence = new LinkedHashMap<>();
        for (Signal level : List.of(Signal.NOVICE, Signal.INTERMEDIATE, Signal.EXPERT)) {
            for (Match m : c.of(level)) {
                int s = c.sentenceOf[m.from()];
                Match current = firstBySentence.get(s);
                if (!c.excluded[s] && (current == null || m.from() < current.from())) {
                    firstBySentence.put(s, m);
                }
            }
        }
        firstBySentence.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(entry -> c.add(KnowledgeKind.COMPETENCY, c.sentenceText(entry.getKey()), List.of(),
                        Map.of("level", level(entry.getValue().signal()))));
    }

    private static String level(Signal signal) {
        switch (signal) {
            case NOVICE:
                return "novice";
            case INTERMEDIATE:
                return "intermediate";
            default:
                return "expert";
        }
    }

    private static void insights(Context c, AnswerAnalysis analysis) {
        int before = c.items.size();
        byMarker(c, KnowledgeKind.INSIGHT, Signal.INSIGHT);
        boolean found = c.items.size() > before;
        if (found || (c.stage != Stage.ESSENCE && c.stage != Stage.MASTERY)
                || analysis.wordCount() < STRONGEST_SENTENCE_MIN_ANSWER_WORDS) {
            return;
        }
        int best = -1;
        int bestScore = Integer.MIN_VALUE;
        for (int s = 0; s < c.sentences.size(); s++) {
            int score = insightScore(c, s);
            if (score > bestScore) {
                best = s;
                bestScore = score;
            }
        }
        if (best >= 0 && bestScore >= STRONGEST_SENTENCE_MIN_SCORE) {
            c.add(KnowledgeKind.INSIGHT, c.sentenceText(best), List.of(), Map.of("basis", "strongest_sentence"));
        }
    }

    /** Favours mid-length claims with a contrast or an absolute; penalises vague or questioning sentences. */
    private static int insightScore(Context c, int s) {
        if (c.excluded[s]) {
            return Integer.MIN_VALUE;
        }
        Sentence sentence = c.sentences.get(s);
        int words = sentence.endToken() - sentence.firstToken();
        if (words < 8 || words > 45) {
            return Integer.MIN_VALUE;
        }
        int score = 0;
        boolean contrast = false;
        boolean absolute = false;
        for (int t = sentence.firstToken(); t < sentence.endToken(); t++) {
            String token = c.tokens.token(t);
            contrast |= CONTRAST.contains(token);
            absolute |= ABSOLUTE.contains(token);
        }
        score += contrast ? 2 : 0;
        score += absolute ? 2 : 0;
        score += c.sentenceHas(s, Signal.FAILURE) || c.sentenceHas(s, Signal.FIX) ? 1 : 0;
        score -= c.sentenceHas(s, Signal.EVASIVE) ? 3 : 0;
        score -= c.sentenceText(s).contains("?") ? 2 : 0;
        return score;
    }

    // --- text helpers -------------------------------------------------------------------------------------------

    /** Light trimming: whitespace collapsed, a leading list marker dropped, long text cut at a word. */
    static String clean(String raw) {
        // cut first: the regexes below then never run over more than a few thousand characters
        String s = raw.length() > 4 * MAX_TEXT ? raw.substring(0, 4 * MAX_TEXT) : raw;
        s = WHITESPACE.matcher(s).replaceAll(" ").strip();
        s = LEADING_MARKER.matcher(s).replaceFirst("");
        if (s.length() > MAX_TEXT) {
            int cut = s.lastIndexOf(' ', MAX_TEXT);
            s = s.substring(0, cut > MAX_TEXT / 2 ? cut : MAX_TEXT).strip() + "…";
        }
        return s;
    }

    /** Drops a leading step connector ("then", "после этого") and the punctuation after it. */
    static String stripConnector(String step) {
        TokenizedText t = TokenizedText.of(step, step.length());
        for (int n = Math.min(3, t.size() - 1); n >= 1; n--) {
            StringBuilder lead = new StringBuilder();
            for (int i = 0; i < n; i++) {
                lead.append(i == 0 ? "" : " ").append(t.token(i));
            }
            if (STEP_CONNECTORS.contains(lead.toString()) && t.start(0) == 0) {
                String rest = step.substring(t.end(n - 1)).replaceFirst("^[\\s,:;—–-]+", "");
                return rest.isEmpty() ? step : rest;
            }
        }
        return step;
    }

    /** Drops a dangling ", and" / ", и" / trailing comma left where the next step was cut off. */
    static String trimConnectorTail(String step) {
        String s = step.strip();
        s = s.replaceFirst("(?iu)(?:[\\s,;]+(?:and|и|а|then))?[\\s,;]*$", "");
        return s.strip();
    }

    private static String stripTrailingPunctuation(String s) {
        return s.replaceFirst("[\\s,:;.!?…—–-]+$", "").strip();
    }

    private static int wordCount(String s) {
        return TokenizedText.of(s, s.length()).wordCount();
    }
}
