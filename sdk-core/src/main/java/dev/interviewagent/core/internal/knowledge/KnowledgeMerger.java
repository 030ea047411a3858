package dev.interviewagent.core.internal.knowledge;

import dev.interviewagent.core.internal.analysis.TokenizedText;
import dev.interviewagent.core.knowledge.KnowledgeItem;
import dev.interviewagent.core.knowledge.KnowledgeKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Adds newly found knowledge items to an interview's collection without duplicates. Two items are the same
 * knowledge when they have the same {@link KnowledgeKind} and their texts are near-identical: the token Jaccard
 * similarity (lower-cased, {@code ё} read as {@code е}, punctuation ignored) is at least the threshold, or the shorter
 * text (four tokens or more) lies almost entirely inside the longer one (overlap ≥ 0.9), as when a model returns a
 * trimmed version of a sentence the analyzer already took. Stage does not matter: the same claim made twice is kept
 * once, where it was first said. A process is compared on its title and steps together (on the title alone when one
 * of the two has no steps); metrics are duplicates only when
 * their {@code value} and {@code unit} attributes also agree, since two numbers quoted in one clause are two metrics.
 *
 * <p>On a duplicate the earlier item is kept, with its stage and turn, and gains the attributes and steps it lacked
 * from the newer one, so model items and analyzer items merge rather than compete; an item from the expert's
 * {@linkplain KnowledgeItem#SOURCE_MEMBER_CHECK member check} always wins over an extracted one and takes its place.
 *
 * <p>Stateless and thread-safe; merging never changes the lists passed in.
 */
public final class KnowledgeMerger {

    /** The default Jaccard similarity at or above which two texts of the same kind are duplicates. */
    public static final double DEFAULT_THRESHOLD = 0.8;

    private static final double CONTAINMENT = 0.9;
    private static final int CONTAINMENT_MIN_TOKENS = 4;

    private final double threshold;

    /** A merger with {@link #DEFAULT_THRESHOLD}. */
    private static final int TOKEN_CACHE_SIZE = 20_000;

    private final java.util.concurrent.ConcurrentHashMap<String, Set<String>> tokenCache =
            new java.util.concurrent.ConcurrentHashMap<>();

    public KnowledgeMerger() {
        this(DEFAULT_THRESHOLD);
    }

    /**
     * A merger with its own similarity threshold.
     *
     * @throws IllegalArgumentException unless {@code 0 < threshold <= 1}
     */
    public KnowledgeMerger(double threshold) {
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold must be in (0, 1], was " + threshold);
        }
        this.threshold = threshold;
    }

    /**
     * Returns {@code existing} followed by the items of {@code incoming} that are new; duplicates are merged into the
     * item already there (see the class description). {@code existing} is taken as already deduplicated.
     *
     * @return a new immutable list; never null
     * @throws NullPointerException if a list or an element is null
     */
    public List<KnowledgeItem> merge(List<KnowledgeItem> existing, List<KnowledgeItem> incoming) {
        Objects.requireNonNull(existing, "existing");
        Objects.requireNonNull(incoming, "incoming");
        List<KnowledgeItem> result = new ArrayList<>(existing.size() + incoming.size());
        List<Set<String>> tokens = new ArrayList<>(existing.size() + incoming.size());
        for (KnowledgeItem item : existing) {
            result.add(Objects.requireNonNull(item, "existing item"));
            tokens.add(tokens(item));
        }
        for (KnowledgeItem item : incoming) {
            Objects.requireNonNull(item, "incoming item");
            Set<String> itemTokens = tokens(item);
            int duplicate = -1;
            for (int i = 0; i < result.size(); i++) {
                KnowledgeItem there = result.get(i);
                if (comparable(there, item) && (titleOnly(there, item)
                        ? similar(cachedTokens(there.text()), cachedTokens(item.text()))
                        : similar(tokens.get(i), itemTokens))) {
                    duplicate = i;
                    break;
                }
            }
            if (duplicate < 0) {
                result.add(item);
                tokens.add(itemTokens);
            } else {
                KnowledgeItem kept = combine(result.get(duplicate), item);
                result.set(duplicate, kept);
                tokens.set(duplicate, tokens(kept));
            }
        }
        return List.copyOf(result);
    }

    /** Whether two items are the same knowledge: same kind and near-identical text. */
    public boolean sameKnowledge(KnowledgeItem a, KnowledgeItem b) {
        if (!comparable(a, b)) {
            return false;
        }
        return titleOnly(a, b) ? similar(cachedTokens(a.text()), cachedTokens(b.text()))
                : similar(tokens(a), tokens(b));
    }

    /** A process without steps (often a model's) is compared with another process on the title alone. */
    private static boolean titleOnly(KnowledgeItem a, KnowledgeItem b) {
        return a.kind() == KnowledgeKind.PROCESS && (a.steps().isEmpty() || b.steps().isEmpty());
    }

    /**
     * Same kind; for metrics also the same value and unit (two numbers quoted in one clause are two metrics).
     */
    private static boolean comparable(KnowledgeItem a, KnowledgeItem b) {
        if (a.kind() != b.kind()) {
            return false;
        }
        if (a.kind() == KnowledgeKind.METRIC) {
            return normalise(a.attribute("value")).equals(normalise(b.attribute("value")))
                    && normalise(a.attribute("unit")).equals(normalise(b.attribute("unit")));
        }
        return true;
    }

    private static String normalise(String s) {
        return TokenizedText.normalise(s.strip());
    }

    /** The words compared: the text, and for a process also its steps. */
    private Set<String> tokens(KnowledgeItem item) {
        if (item.kind() == KnowledgeKind.PROCESS && !item.steps().isEmpty()) {
            return cachedTokens(item.text() + " " + String.join(" ", item.steps()));
        }
        return cachedTokens(item.text());
    }

    /**
     * Tokens of a text, remembered: an interview's existing items are compared on every turn, and tokenising them
     * again each time made merging grow with the interview. Bounded; cleared when full (entries are cheap to redo).
     */
    private Set<String> cachedTokens(String text) {
        if (tokenCache.size() > TOKEN_CACHE_SIZE) {
            tokenCache.clear();
        }
        return tokenCache.computeIfAbsent(text, KnowledgeMerger::tokens);
    }

    /** Token Jaccard similarity of two texts, 0–1 (1 for two texts without any word). */
    public static double similarity(String a, String b) {
        return jaccard(tokens(a), tokens(b));
    }

    private boolean similar(Set<String> a, Set<String> b) {
        if (jaccard(a, b) >= threshold) {
            return true;
        }
        Set<String> small = a.size() <= b.size() ? a : b;
        Set<String> large = small == a ? b : a;
        if (small.size() < CONTAINMENT_MIN_TOKENS) {
            return false;
        }
        return (double) intersection(small, large) / small.size() >= CONTAINMENT;
    }

    private static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() && b.isEmpty()) {
            return 1.0;
        }
        int common = intersection(a, b);
        return (double) common / (a.size() + b.size() - common);
    }

    private static int intersection(Set<String> a, Set<String> b) {
        Set<String> small = a.size() <= b.size() ? a : b;
        Set<String> large = small == a ? b : a;
        int common = 0;
        for (String token : small) {
            if (large.contains(token)) {
                common++;
            }
        }
        return common;
    }

    private static Set<String> tokens(String text) {
        TokenizedText tokenized = TokenizedText.of(text, text.length());
        Set<String> out = new HashSet<>();
        for (int i = 0; i < tokenized.size(); i++) {
            out.add(tokenized.token(i));
        }
        return Set.copyOf(out);
    }

    /** The item to keep for two duplicates, {@code earlier} already in the collection. */
    private static KnowledgeItem combine(KnowledgeItem earlier, KnowledgeItem later) {
        boolean laterWins = KnowledgeItem.SOURCE_MEMBER_CHECK.equals(later.source())
                && !KnowledgeItem.SOURCE_MEMBER_CHECK.equals(earlier.source());
        KnowledgeItem winner = laterWins ? later : earlier;
        KnowledgeItem other = laterWins ? earlier : later;
        Map<String, String> attributes = new HashMap<>(other.attributes());
        attributes.putAll(winner.attributes());
        List<String> steps = winner.steps().isEmpty() ? other.steps() : winner.steps();
        if (attributes.equals(winner.attributes()) && steps.equals(winner.steps())) {
            return winner;
        }
        return new KnowledgeItem(winner.kind(), winner.text(), winner.stage(), winner.turn(), winner.source(), steps,
                attributes);
    }
}
