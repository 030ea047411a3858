package dev.interviewagent.core.internal.knowledge;

import dev.interviewagent.core.Language;
import dev.interviewagent.core.guide.Stage;
import dev.interviewagent.core.internal.analysis.PhraseMatcher.Match;
import dev.interviewagent.core.internal.analysis.PhraseMatcher;
import dev.interviewagent.core.internal.analysis.RuleBasedAnswerAnalyzer;
import dev.interviewagent.core.internal.analysis.Signal;
import dev.interviewagent.core.internal.analysis.TokenizedText;
import dev.interviewagent.core.knowledge.KnowledgeItem;
import dev.interviewagent.core.knowledge.KnowledgeKind;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One answer being read by the {@link KnowledgeRule}s: tokens, sentences, matches by sentence, and the items found
 * so far. The rules share it so that the answer is tokenised and matched once, and so that one item limit and one
 * duplicate check hold across all of them. Sentences carrying an instruction to the interviewer ("write that
 * down") are excluded: they are about the interview, not the craft.
 */
final class ExtractionContext {
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

    /** The interview's language, which picks the packs' word lists. */
    final Language language;

    ExtractionContext(String text, Stage stage, int turn, PhraseMatcher matcher, Language language) {
        this.language = language;
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
        String clean = ItemText.clean(rawText);
        if (clean.isEmpty()) {
            return;
        }
        String key = kind.code() + '\u0000' + clean + '\u0000' + attributes.getOrDefault("value", "")
                + '\u0000' + attributes.getOrDefault("unit", "");
        int count = perKind.getOrDefault(kind, 0);
        if (count >= RuleBasedKnowledgeExtractor.MAX_ITEMS_PER_KIND || !seen.add(key)) {
            return;
        }
        perKind.put(kind, count + 1);
        items.add(new KnowledgeItem(kind, clean, stage, turn, KnowledgeItem.SOURCE_ANALYZER, steps,
                attributes));
    }

    /**
     * One item of {@code kind} per sentence carrying {@code signal}; a milestone keeps its time phrase as
     * {@code when}.
     */
    void addMarkedSentences(KnowledgeKind kind, Signal signal) {
        int last = -1;
        for (Match m : of(signal)) {
            int s = sentenceOf[m.from()];
            if (s == last || excluded[s]) {
                continue;
            }
            last = s;
            Map<String, String> attributes = new LinkedHashMap<>();
            if (kind == KnowledgeKind.MILESTONE) {
                attributes.put("when", tokens.original(m.from(), m.to() - 1));
            }
            add(kind, sentenceText(s), List.of(), attributes);
        }
    }

    /** Where a sentence lies: its tokens [firstToken, endToken) and characters [start, end) of the window. */
    record Sentence(int firstToken, int endToken, int start, int end) {
    }
}
