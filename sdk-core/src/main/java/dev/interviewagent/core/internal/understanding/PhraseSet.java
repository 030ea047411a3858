package dev.interviewagent.core.internal.understanding;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A compiled list of word patterns, matched on stems so that one entry covers every inflection.
 *
 * <p>Pattern syntax, one pattern per string, elements separated by spaces:
 * <ul>
 *   <li>{@code word} — any word with the same Snowball stem ({@code told} also matches nothing else, but
 *       {@code mention} matches "mentioned", {@code заметил} matches «заметила»);
 *   <li>{@code =word} — exactly this normalised form (where stems collide: «лет» "years" and «летом» "in summer");
 *   <li>{@code a|b|c} — any of the alternatives;
 *   <li>{@code *} — any one word; {@code ~} — up to four words; {@code #} — a number, in digits or in words.
 * </ul>
 * A pattern never crosses a sentence end. Patterns are indexed by their first element, so a look-up costs one hash
 * probe per token plus the few patterns that share a first word; gaps are bounded, so matching stays linear.
 */
final class PhraseSet {

    private static final int MAX_GAP = 4;

    private enum Kind { WORD, ANY, GAP, NUMBER }

    private record Element(Kind kind, Set<String> stems, Set<String> norms) {

        boolean accepts(Token token, boolean numeric) {
            return switch (kind) {
                case ANY -> true;
                case NUMBER -> numeric;
                case WORD -> stems.contains(token.stem()) || norms.contains(token.norm());
                case GAP -> throw new IllegalStateException("a gap accepts by skipping");
            };
        }
    }

    private final Map<String, List<Element[]>> byStem = new HashMap<>();
    private final Map<String, List<Element[]>> byNorm = new HashMap<>();
    private final List<Element[]> byNumber = new ArrayList<>();

    private PhraseSet() {}

    /** Compiles patterns with the stemmer of their language. */
    static PhraseSet compile(Collection<String> patterns, WordStemmer stemmer) {
        PhraseSet set = new PhraseSet();
        for (String pattern : patterns) {
            Element[] elements = parse(pattern, stemmer);
            Element first = elements[0];
            if (first.kind() == Kind.NUMBER) {
                set.byNumber.add(elements);
                continue;
            }
            if (first.kind() != Kind.WORD) {
                throw new IllegalArgumentException("a pattern must start with a word or a number: " + pattern);
            }
            first.stems().forEach(stem -> set.byStem.computeIfAbsent(stem, k -> new ArrayList<>()).add(elements));
            first.norms().forEach(norm -> set.byNorm.computeIfAbsent(norm, k -> new ArrayList<>()).add(elements));
        }
        return set;
    }

    private static Element[] parse(String pattern, WordStemmer stemmer) {
        String[] parts = pattern.trim().split(" +");
        Element[] elements = new Element[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            elements[i] = switch (part) {
                case "*" -> new Element(Kind.ANY, Set.of(), Set.of());
                case "~" -> new Element(Kind.GAP, Set.of(), Set.of());
                case "#" -> new Element(Kind.NUMBER, Set.of(), Set.of());
                default -> word(part, stemmer);
            };
        }
        return elements;
    }

    private static Element word(String part, WordStemmer stemmer) {
        Set<String> stems = new HashSet<>();
        Set<String> norms = new HashSet<>();
        for (String alternative : part.split("\\|")) {
            if (alternative.startsWith("=")) {
                norms.add(Tokenizer.normalise(alternative.substring(1)));
            } else {
                stems.add(stemmer.stem(Tokenizer.normalise(alternative)));
            }
        }
        return new Element(Kind.WORD, Set.copyOf(stems), Set.copyOf(norms));
    }

    /**
     * The end (exclusive) of the longest pattern that matches from token {@code at}, or -1 when none does.
     */
    int matchAt(AnalysedText text, int at) {
        Token token = text.token(at);
        int best = -1;
        best = Math.max(best, longest(byStem.get(token.stem()), text, at));
        best = Math.max(best, longest(byNorm.get(token.norm()), text, at));
        if (text.numeric(at)) {
            best = Math.max(best, longest(byNumber, text, at));
        }
        return best;
    }

    /** Whether token {@code at} starts a match. */
    boolean startsAt(AnalysedText text, int at) {
        return matchAt(text, at) >= 0;
    }

    /** Every match, left to right, the longest at each start; matches may overlap. */
    List<Span> findAll(AnalysedText text) {
        List<Span> spans = new ArrayList<>();
        for (int i = 0; i < text.size(); i++) {
            int end = matchAt(text, i);
            if (end > i) {
                spans.add(new Span(i, end));
            }
        }
        return spans;
    }

    private static int longest(List<Element[]> candidates, AnalysedText text, int at) {
        if (candidates == null) {
            return -1;
        }
        int best = -1;
        int sentence = text.token(at).sentence();
        for (Element[] pattern : candidates) {
            best = Math.max(best, match(pattern, 1, text, at + 1, sentence));
        }
        return best;
    }

    private static int match(Element[] pattern, int element, AnalysedText text, int at, int sentence) {
        if (element == pattern.length) {
            return at;
        }
        Element current = pattern[element];
        if (current.kind() == Kind.GAP) {
            for (int skip = 0; skip <= MAX_GAP; skip++) {
                int end = match(pattern, element + 1, text, at + skip, sentence);
                if (end >= 0) {
                    return end;
                }
                if (at + skip >= text.size() || text.token(at + skip).sentence() != sentence) {
                    break;
                }
            }
            return -1;
        }
        if (at >= text.size() || text.token(at).sentence() != sentence) {
            return -1;
        }
        if (!current.accepts(text.token(at), text.numeric(at))) {
            return -1;
        }
        return match(pattern, element + 1, text, at + 1, sentence);
    }
}
