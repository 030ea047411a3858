package dev.interviewagent.core.knowledge;

import dev.interviewagent.core.guide.Stage;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One piece of knowledge taken from an answer, in the expert's own words (lightly trimmed), linked to the turn it
 * came from. Immutable.
 *
 * @param kind       what it is
 * @param text       the expert's words
 * @param stage      the stage it was said in
 * @param turn       the number of the respondent turn it came from (1-based, in the interview's turn log)
 * @param source     who extracted it: {@code analyzer}, {@code model} or {@code member_check}
 * @param steps      ordered steps, for a {@link KnowledgeKind#PROCESS}; empty otherwise
 * @param attributes extra fields by kind, e.g. {@code unit} and {@code value} for a metric, {@code level} for a
 *                   competency, {@code warning_signs}, {@code consequences}, {@code fix} for a failure mode,
 *                   {@code when} for a milestone or an example, {@code result} for an example
 */
public record KnowledgeItem(
        KnowledgeKind kind,
        String text,
        Stage stage,
        int turn,
        String source,
        List<String> steps,
        Map<String, String> attributes) {

    /** Source of items the built-in extractor found. */
    public static final String SOURCE_ANALYZER = "analyzer";
    /** Source of items an LLM brain returned. */
    public static final String SOURCE_MODEL = "model";
    /** Source of corrections the expert made in the member check; they win over extracted items. */
    public static final String SOURCE_MEMBER_CHECK = "member_check";

    public KnowledgeItem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(source, "source");
        text = Objects.requireNonNull(text, "text").strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("knowledge text must not be blank");
        }
        if (turn < 0) {
            throw new IllegalArgumentException("turn must be >= 0, was " + turn);
        }
        steps = List.copyOf(steps);
        attributes = Map.copyOf(attributes);
    }

    /** A plain item with no steps or attributes. */
    public static KnowledgeItem of(KnowledgeKind kind, String text, Stage stage, int turn, String source) {
        return new KnowledgeItem(kind, text, stage, turn, source, List.of(), Map.of());
    }

    /** An attribute, or the empty string. */
    public String attribute(String name) {
        return attributes.getOrDefault(name, "");
    }
}
