package dev.interviewagent.core.internal.analysis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Finds lexicon phrases in a {@link TokenizedText}. Phrases are compiled once into an index keyed by their possible
 * first token, so matching costs a few hash look-ups per token whatever the size of the lexicon (no regex, no
 * per-call compilation). Immutable and thread-safe.
 *
 * <p>Phrase syntax, elements separated by spaces (all matched against normalised tokens):
 * <ul>
 *   <li>{@code word} — exactly this token; {@code a|b|c} — any of them; {@code stem*} — a token starting with the
 *       stem (Russian inflections: {@code стандартн*}).</li>
 *   <li>{@code word?} — an optional element (also {@code a|b?}).</li>
 *   <li>{@code #num} — a number token; {@code #year} — a year 1900–2099; {@code #any} — any token.</li>
 *   <li>{@code ^} as the first element — the phrase must start a clause (text start or right after punctuation).</li>
 *   <li>{@code $} as the last element — the phrase must end a clause (punctuation or text end right after).</li>
 *   <li>{@code ~a|b} as the first element — the token before the phrase must not be one of these (negation guard).</li>
 *   <li>{@code !a|b} as the last element — the token after the phrase, in the same sentence, must not be one of
 *       these ("не могу сказать" is a refusal, "не могу сказать, что…" is not).</li>
 * </ul>
 * A phrase never spans a sentence break.
 */
public final class PhraseMatcher {

    /** One match: token range {@code [from, to)}. */
    public record Match(Signal signal, int from, int to) {
    }

    private record Element(String[] exact, String[] prefixes, String[] specials, boolean optional) {

        boolean matches(TokenizedText text, int i) {
            String token = text.token(i);
            for (String special : specials) {
                switch (special) {
                    case "#any":
                        return true;
                    case "#num":
                        if (text.isNumber(i)) {
                            return true;
                        }
                        break;
                    case "#year":
                        if (token.length() == 4 && text.isNumber(i)
                                && (token.startsWith("19") || token.startsWith("20"))) {
                            return true;
                        }
                        break;
                    default:
                        throw new IllegalStateException("unknown special " + special);
                }
            }
            for (String e : exact) {
                if (e.equals(token)) {
                    return true;
                }
            }
            for (String p : prefixes) {
                if (token.startsWith(p)) {
                    return true;
                }
            }
            return false;
        }
    }

    private record Phrase(Signal signal, String source, Element[] elements, boolean clauseStart, boolean clauseEnd,
            String[] notAfter, String[] notBefore) {
    }

    private final Map<String, List<Phrase>> byExact = new HashMap<>();
    private final Map<String, List<Phrase>> byPrefix = new HashMap<>();
    /** Distinct prefix lengths by the prefix's first character: a token only tries lengths that can match. */
    private final Map<Character, int[]> prefixLengths = new HashMap<>();
    private final List<Phrase> numberFirst = new ArrayList<>();
    private final List<Phrase> anyFirst = new ArrayList<>();

    /** Compiles the phrases of the given lexicons. */
    public PhraseMatcher(List<Map<Signal, List<String>>> lexicons) {
        for (Map<Signal, List<String>> lexicon : lexicons) {
            for (Map.Entry<Signal, List<String>> entry : lexicon.entrySet()) {
                for (String source : entry.getValue()) {
                    Phrase phrase = compile(entry.getKey(), source);
                    index(phrase);
                }
            }
        }
        Map<Character, TreeSet<Integer>> lengths = new HashMap<>();
        for (String prefix : byPrefix.keySet()) {
            lengths.computeIfAbsent(prefix.charAt(0), k -> new TreeSet<>()).add(prefix.length());
        }
        lengths.forEach((first, set) -> prefixLengths.put(first, set.stream().mapToInt(Integer::intValue).toArray()));
    }

    private static Phrase compile(Signal signal, String source) {
        String[] parts = source.trim().split("\\s+");
        boolean clauseStart = false;
        boolean clauseEnd = false;
        String[] notAfter = new String[0];
        String[] notBefore = new String[0];
        List<Element> elements = new ArrayList<>();
        for (int p = 0; p < parts.length; p++) {
            String part = parts[p];
            if (elements.isEmpty() && part.equals("^")) {
                clauseStart = true;
                continue;
            }
            if (elements.isEmpty() && part.startsWith("~") && part.length() > 1) {
                notAfter = normaliseAll(part.substring(1).split("\\|"));
                continue;
            }
            if (p == parts.length - 1 && part.startsWith("!") && part.length() > 1) {
                notBefore = normaliseAll(part.substring(1).split("\\|"));
                continue;
            }
            if (p == parts.length - 1 && part.equals("$")) {
                clauseEnd = true;
                continue;
            }
            boolean optional = part.endsWith("?") && part.length() > 1;
            if (optional) {
                part = part.substring(0, part.length() - 1);
            }
            List<String> exact = new ArrayList<>();
            List<String> prefixes = new ArrayList<>();
            List<String> specials = new ArrayList<>();
            for (String alt : part.split("\\|")) {
                if (alt.startsWith("#")) {
                    if (!List.of("#num", "#year", "#any").contains(alt)) {
                        throw new IllegalArgumentException("unknown special " + alt + " in: " + source);
                    }
                    specials.add(alt);
                } else if (alt.endsWith("*")) {
                    prefixes.add(TokenizedText.normalise(alt.substring(0, alt.length() - 1)));
                } else {
                    exact.add(TokenizedText.normalise(alt));
                }
            }
            elements.add(new Element(exact.toArray(new String[0]), prefixes.toArray(new String[0]),
                    specials.toArray(new String[0]), optional));
        }
        if (elements.isEmpty() || elements.stream().allMatch(Element::optional)) {
            throw new IllegalArgumentException("phrase needs a required element: " + source);
        }
        return new Phrase(signal, source, elements.toArray(new Element[0]), clauseStart, clauseEnd, notAfter,
                notBefore);
    }

    private static String[] normaliseAll(String[] words) {
        String[] out = new String[words.length];
        for (int i = 0; i < words.length; i++) {
            out[i] = TokenizedText.normalise(words[i]);
        }
        return out;
    }

    private void index(Phrase phrase) {
        // every element up to and including the first required one may be the first token of a match
        for (Element element : phrase.elements()) {
            for (String special : element.specials()) {
                (special.equals("#any") ? anyFirst : numberFirst).add(phrase);
            }
            for (String e : element.exact()) {
                byExact.computeIfAbsent(e, k -> new ArrayList<>()).add(phrase);
            }
            for (String p : element.prefixes()) {
                byPrefix.computeIfAbsent(p, k -> new ArrayList<>()).add(phrase);
            }
            if (!element.optional()) {
                break;
            }
        }
    }

    /** All matches of all signals, in token order; for each start, the longest match of each phrase. */
    public List<Match> find(TokenizedText text) {
        List<Match> matches = new ArrayList<>();
        int size = text.size();
        for (int i = 0; i < size; i++) {
            String token = text.token(i);
            tryAll(byExact.get(token), text, i, matches);
            int[] lengths = prefixLengths.get(token.charAt(0));
            if (lengths != null) {
                for (int length : lengths) {
                    if (length > token.length()) {
                        break;
                    }
                    tryAll(byPrefix.get(token.substring(0, length)), text, i, matches);
                }
            }
            if (!numberFirst.isEmpty() && text.isNumber(i)) {
                tryAll(numberFirst, text, i, matches);
            }
            tryAll(anyFirst, text, i, matches);
        }
        return matches;
    }

    private static void tryAll(List<Phrase> phrases, TokenizedText text, int i, List<Match> out) {
        if (phrases == null) {
            return;
        }
        for (Phrase phrase : phrases) {
            if (phrase.clauseStart() && !text.punctuationBefore(i)) {
                continue;
            }
            if (phrase.notAfter().length > 0 && i > 0 && !text.sentenceBreakBefore(i)) {
                String prev = text.token(i - 1);
                boolean blocked = false;
                for (String n : phrase.notAfter()) {
                    if (n.equals(prev)) {
                        blocked = true;
                        break;
                    }
                }
                if (blocked) {
                    continue;
                }
            }
            int to = match(phrase, 0, text, i, i);
            if (to > i) {
                Match m = new Match(phrase.signal(), i, to);
                if (!out.contains(m)) {
                    out.add(m);
                }
            }
        }
    }

    /** Greedy match with backtracking over optional elements; returns the exclusive end token or -1. */
    private static int match(Phrase phrase, int e, TokenizedText text, int t, int first) {
        Element[] elements = phrase.elements();
        if (e == elements.length) {
            if (t == first) {
                return -1;
            }
            if (phrase.clauseEnd() && !text.punctuationAfter(t - 1)) {
                return -1;
            }
            if (phrase.notBefore().length > 0 && t < text.size() && !text.sentenceBreakBefore(t)) {
                String next = text.token(t);
                for (String n : phrase.notBefore()) {
                    if (n.equals(next)) {
                        return -1;
                    }
                }
            }
            return t;
        }
        Element element = elements[e];
        if (t < text.size() && (t == first || !text.sentenceBreakBefore(t)) && element.matches(text, t)) {
            int r = match(phrase, e + 1, text, t + 1, first);
            if (r > 0) {
                return r;
            }
        }
        if (element.optional()) {
            return match(phrase, e + 1, text, t, first);
        }
        return -1;
    }

    /**
     * Matches of one signal with overlaps removed: scanning left to right, the longest match at each start wins and
     * later matches that overlap it are dropped.
     */
    public static List<Match> nonOverlapping(List<Match> all, Signal signal) {
        List<Match> of = new ArrayList<>();
        for (Match m : all) {
            if (m.signal() == signal) {
                of.add(m);
            }
        }
        if (of.isEmpty()) {
            return List.of();
        }
        of.sort((a, b) -> a.from() != b.from() ? Integer.compare(a.from(), b.from())
                : Integer.compare(b.to(), a.to()));
        List<Match> out = new ArrayList<>();
        int lastEnd = -1;
        for (Match m : of) {
            if (m.from() >= lastEnd) {
                out.add(m);
                lastEnd = m.to();
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** Matches grouped by signal, overlaps removed within each signal. */
    public static Map<Signal, List<Match>> bySignal(List<Match> all) {
        Map<Signal, List<Match>> grouped = new EnumMap<>(Signal.class);
        for (Match m : all) {
            grouped.computeIfAbsent(m.signal(), k -> new ArrayList<>()).add(m);
        }
        Map<Signal, List<Match>> map = new EnumMap<>(Signal.class);
        for (Map.Entry<Signal, List<Match>> entry : grouped.entrySet()) {
            map.put(entry.getKey(), nonOverlapping(entry.getValue(), entry.getKey()));
        }
        return map;
    }
}
