package dev.interviewagent.llm.internal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.interviewagent.core.guide.Stage;
import dev.interviewagent.core.knowledge.KnowledgeKind;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The brain contract of METHODOLOGY.md as the model writes it, before validation: every field may be missing or
 * out of range here; {@link ReplyValidator} decides. Parsed with Jackson from the model's text.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record ContractReply(
        @JsonProperty("stage") @Nullable String stage,
        @JsonProperty("message") @Nullable String message,
        @JsonProperty("question_depth") @Nullable Integer questionDepth,
        @JsonProperty("completeness") @Nullable Integer completeness,
        @JsonProperty("engagement") @Nullable String engagement,
        @JsonProperty("knowledge") @Nullable List<Item> knowledge,
        @JsonProperty("transition_ready") @Nullable Boolean transitionReady,
        @JsonProperty("end_requested") @Nullable Boolean endRequested) {

    /** The stage codes the contract allows. */
    static final List<String> STAGE_CODES = Arrays.stream(Stage.values()).map(Stage::code).toList();
    /** The knowledge kinds a model may return (gaps are recorded by the engine, not the model). */
    static final List<String> KNOWLEDGE_KINDS = Arrays.stream(KnowledgeKind.values())
            .filter(kind -> kind != KnowledgeKind.GAP).map(KnowledgeKind::code).toList();

    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            .build();

    /** One knowledge item as the model wrote it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Item(
            @JsonProperty("kind") @Nullable String kind,
            @JsonProperty("text") @Nullable String text,
            @JsonProperty("stage") @Nullable String stage) {
    }

    /** The outcome of parsing: the reply, and whether the text had to be cut out of surrounding prose/fences. */
    record Parsed(ContractReply reply, boolean extracted) {
    }

    /**
     * Parses the model's text. Accepts a bare JSON object, or one wrapped in a Markdown fence or prose (then
     * {@link Parsed#extracted()} is true: a safe repair).
     *
     * @return empty if no JSON object of the contract's shape can be read
     */
    static Optional<Parsed> parse(String text) {
        String trimmed = text == null ? "" : text.strip();
        Optional<ContractReply> direct = read(trimmed);
        if (direct.isPresent()) {
            return Optional.of(new Parsed(direct.get(), false));
        }
        int start = trimmed.indexOf('{');
        int end = trimmed.lastIndexOf('}');
        if (start >= 0 && end > start) {
            return read(trimmed.substring(start, end + 1)).map(reply -> new Parsed(reply, true));
        }
        return Optional.empty();
    }

    private static Optional<ContractReply> read(String candidate) {
        if (!candidate.startsWith("{")) {
            return Optional.empty();
        }
        try {
            JsonNode node = JSON.readTree(candidate);
            if (node == null || !node.isObject() || !node.has("message")) {
                return Optional.empty();
            }
            return Optional.of(JSON.treeToValue(node, ContractReply.class));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
