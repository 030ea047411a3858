package dev.interviewagent.persistence.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.interviewagent.core.Interview;
import dev.interviewagent.core.InterviewMemory;
import dev.interviewagent.core.MemberCheck;
import dev.interviewagent.core.Profile;
import dev.interviewagent.core.Turn;
import dev.interviewagent.core.knowledge.KnowledgeItem;
import dev.interviewagent.persistence.PiiRedactor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Applies a {@link PiiRedactor} to every text a store keeps: turns of both roles (the interviewer quotes answers),
 * the interview state (profile, pending question, asked-question fingerprints, knowledge, recalls, member check,
 * memory), reports and channel payloads. Left alone: ids, codes, numbers, timestamps and the state's
 * {@code attributes}, which hold host and channel values such as token hashes that must survive verbatim.
 */
public final class Redaction {

    /** JSON members whose string values are identifiers, not text (e.g. Telegram's {@code file_id}). */
    private static final Pattern ID_MEMBER = Pattern.compile("(?i)id|.*_id|.*[a-z]Id");
    /** Keeps numbers as written (no double rounding) when a document is read and written back. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    private Redaction() {
    }

    public static Turn turn(PiiRedactor redactor, Turn turn) {
        if (redactor == PiiRedactor.NONE) {
            return turn;
        }
        String text = redactor.redact(turn.text());
        if (text.equals(turn.text())) {
            return turn;
        }
        return new Turn(turn.number(), turn.role(), turn.kind(), text, turn.stage(), turn.modality(), turn.at(),
                turn.confidence(), turn.messageId(), turn.replyTo(), turn.move(), turn.depth(), turn.phrasedBy(),
                turn.fallback());
    }

    /** The state with every text in it redacted (see the class comment for what is left alone). */
    public static Interview state(PiiRedactor redactor, Interview s) {
        if (redactor == PiiRedactor.NONE) {
            return s;
        }
        List<KnowledgeItem> knowledge = new ArrayList<>(s.knowledge().size());
        for (KnowledgeItem item : s.knowledge()) {
            List<String> steps = item.steps().stream().map(redactor::redact).toList();
            Map<String, String> attributes = new LinkedHashMap<>();
            item.attributes().forEach((k, v) -> attributes.put(k, redactor.redact(v)));
            String text = redactor.redact(item.text());
            knowledge.add(new KnowledgeItem(item.kind(), text.isBlank() ? "[redacted]" : text, item.stage(),
                    item.turn(), item.source(), steps, attributes));
        }
        List<Interview.Recall> recalls = s.recalls().stream()
                .map(r -> new Interview.Recall(r.stage(), r.turn(), redactor.redact(r.quote()))).toList();
        Turn pending = s.pendingQuestion() == null ? null : turn(redactor, s.pendingQuestion());
        List<String> asked = s.askedQuestions().stream().map(redactor::redact).toList();
        MemberCheck check = s.memberCheck();
        MemberCheck memberCheck = new MemberCheck(check.status(), check.presented().stream().map(redactor::redact)
                .toList(), check.rating(), check.corrections().stream().map(redactor::redact).toList());
        return new Interview(s.id(), s.version(), s.status(), s.language(), s.style(), s.guideId(), s.guideRevision(),
                profile(redactor, s.profile()), s.channelKey(), s.stage(), s.stages(), knowledge, s.turnCount(),
                pending, asked, recalls, memberCheck, s.engagement(), s.closeReason(), s.attributes(), s.createdAt(),
                s.updatedAt(), s.endedAt(), memory(redactor, s.memory()));
    }

    private static Profile profile(PiiRedactor redactor, Profile p) {
        return new Profile(text(redactor, p.expertName()), text(redactor, p.roleTitle()), text(redactor, p.company()),
                text(redactor, p.industry()), p.yearsExperience(), text(redactor, p.interviewGoal()));
    }

    private static @Nullable String text(PiiRedactor redactor, @Nullable String value) {
        return value == null ? null : redactor.redact(value);
    }

    /** The interview memory with the words in it (facts, story anchors and cues, quotes, asked sentences) redacted. */
    private static InterviewMemory memory(PiiRedactor redactor, InterviewMemory m) {
        Map<String, String> facts = new LinkedHashMap<>();
        m.facts().forEach((slot, value) -> facts.put(slot, redactor.redact(value)));
        List<InterviewMemory.Episode> episodes = m.episodes().stream()
                .map(e -> new InterviewMemory.Episode(e.turn(), e.stage(), redactor.redact(e.anchor()),
                        e.cues().stream().map(redactor::redact).toList(), e.probes()))
                .toList();
        List<String> quoted = m.quoted().stream().map(redactor::redact).toList();
        Map<String, Integer> sentences = new LinkedHashMap<>();
        m.sentences().forEach((sentence, times) -> sentences.merge(redactor.redact(sentence), times, Integer::sum));
        return new InterviewMemory(facts, episodes, quoted, sentences, m.fatigueInRow(), m.tacitProbes(),
                m.pauseOffered(), m.probedTurns(), m.examplesRetold());
    }

    /**
     * A JSON document with every string value redacted, except those of identifier members ({@code id},
     * {@code …_id}, {@code …Id}); names, numbers and structure are kept, so the document stays valid and its ids
     * usable. Text that is not JSON is redacted as a whole.
     */
    public static String json(PiiRedactor redactor, String document) {
        if (redactor == PiiRedactor.NONE) {
            return document;
        }
        JsonNode root;
        try {
            root = JSON.readTree(document);
        } catch (JsonProcessingException e) {
            root = null;
        }
        if (root == null || !root.isContainerNode()) {
            return redactor.redact(document);
        }
        JsonNode redacted = redactValues(redactor, root, null);
        try {
            return JSON.writeValueAsString(redacted);
        } catch (JsonProcessingException e) {
            return redactor.redact(document);
        }
    }

    private static JsonNode redactValues(PiiRedactor redactor, JsonNode node, @Nullable String member) {
        if (node.isTextual()) {
            if (member != null && ID_MEMBER.matcher(member).matches()) {
                return node;
            }
            String text = node.textValue();
            String redacted = redactor.redact(text);
            return redacted.equals(text) ? node : TextNode.valueOf(redacted);
        }
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                object.set(name, redactValues(redactor, object.get(name), name));
            }
            return object;
        }
        if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, redactValues(redactor, array.get(i), member));
            }
            return array;
        }
        return node;
    }
}
