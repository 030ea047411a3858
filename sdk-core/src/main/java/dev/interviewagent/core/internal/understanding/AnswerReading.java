package dev.interviewagent.core.internal.understanding;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What one answer carries.
 *
 * @param labels the kinds of content found; empty for a greeting, "I don't know" and the like
 * @param episodeAnchor when {@link ContentLabel#EPISODE} is present, a 3–10 word fragment of the story exactly as
 *     written, fit to quote back ("When {@code <anchor>}, what did you notice first?"); otherwise null
 * @param cueFragments short fragments naming what the expert perceived ("the smell was sweet"), as written; may be
 *     empty
 * @param facts profile facts stated in the answer, each value as written
 * @param tired whether the expert says they are tired now (which also sets {@link ContentLabel#FATIGUE})
 * @param witnessed whether the story told ({@link ContentLabel#EPISODE}) is one the expert lived as a child or only
 *     watched ("as a kid I watched the vet turn a calf"): a story, but its decisions were someone else's
 * @param narrative whether a sentence tells what happened once, in the past tense (not a habit, not a hypothesis):
 *     "I welded the overhead seam by a mirror in 20 minutes" is an instance even where it is too short to be an
 *     {@link ContentLabel#EPISODE}
 */
public record AnswerReading(
        Set<ContentLabel> labels,
        @Nullable String episodeAnchor,
        List<String> cueFragments,
        Map<FactSlot, String> facts,
        boolean tired,
        boolean witnessed,
        boolean narrative) {

    /** Copies every collection, so a reading never changes after it is made. */
    public AnswerReading {
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(cueFragments, "cueFragments");
        Objects.requireNonNull(facts, "facts");
        labels = labels.isEmpty()
                ? Collections.unmodifiableSet(EnumSet.noneOf(ContentLabel.class))
                : Collections.unmodifiableSet(EnumSet.copyOf(labels));
        cueFragments = List.copyOf(cueFragments);
        facts = facts.isEmpty()
                ? Collections.unmodifiableMap(new EnumMap<>(FactSlot.class))
                : Collections.unmodifiableMap(new EnumMap<>(facts));
    }

    /** A reading with nothing in it: what an empty or unreadable answer gives. */
    public static AnswerReading empty() {
        return new AnswerReading(Set.of(), null, List.of(), Map.of(), false, false, false);
    }

    /** Whether the answer carries the given kind of content. */
    public boolean has(ContentLabel label) {
        return labels.contains(label);
    }
}
