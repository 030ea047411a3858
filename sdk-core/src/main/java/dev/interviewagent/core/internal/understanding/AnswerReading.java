package dev.interviewagent.core.internal.understanding;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** What one answer carries. */
public record AnswerReading(Set<ContentLabel> labels, @Nullable String episodeAnchor, List<String> cueFragments,
                            Map<FactSlot, String> facts, boolean tired) {
}
