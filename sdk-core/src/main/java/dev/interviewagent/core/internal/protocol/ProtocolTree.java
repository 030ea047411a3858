package dev.interviewagent.core.internal.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.interviewagent.core.HistoryPage;
import dev.interviewagent.core.Turn;
import dev.interviewagent.core.channel.Choice;
import dev.interviewagent.core.channel.OutboundEvent;
import dev.interviewagent.core.internal.json.JsonMappers;
import dev.interviewagent.core.report.ReportFormat;

/**
 * The JSON trees behind {@link dev.interviewagent.core.channel.ProtocolJson}: SDK channels that add fields to a frame
 * or cut one into parts (the WebSocket channel) work on the tree; hosts use the strings of {@code ProtocolJson}, so
 * no Jackson type shows in the API. Thread-safe.
 */
public final class ProtocolTree {

    private final ObjectMapper mapper = JsonMappers.protocol();

    /** The event as a JSON tree. */
    public ObjectNode toNode(OutboundEvent event) {
        ObjectNode node = mapper.createObjectNode();
        if (event instanceof OutboundEvent.Session e) {
            node.put("type", "session").put("interviewId", e.interviewId().value());
            node.put("token", e.token());
            node.put("language", e.language().code()).put("style", e.style()).put("resumed", e.resumed());
        } else if (event instanceof OutboundEvent.Question e) {
            node.put("type", "question").put("interviewId", e.interviewId().value()).put("turn", e.turn())
                    .put("stage", e.stage().code()).put("stageIndex", e.stageIndex()).put("text", e.text())
                    .put("depth", e.depth()).put("completeness", e.completeness())
                    .put("engagement", e.engagement().code());
            node.put("replyTo", e.replyTo());
        } else if (event instanceof OutboundEvent.Delta e) {
            node.put("type", "delta").put("interviewId", e.interviewId().value()).put("turn", e.turn())
                    .put("text", e.text());
        } else if (event instanceof OutboundEvent.StageChanged e) {
            node.put("type", "stage").put("interviewId", e.interviewId().value()).put("from", e.from().code())
                    .put("to", e.to().code()).put("toIndex", e.to().index()).put("completeness", e.completeness());
        } else if (event instanceof OutboundEvent.Transcript e) {
            node.put("type", "transcript").put("text", e.text()).put("confidence", e.confidence())
                    .put("quality", e.quality().wireValue());
            node.put("replyTo", e.replyTo());
            node.put("needsConfirmation", e.needsConfirmation());
            ArrayNode choices = node.putArray("choices");
            for (Choice choice : e.choices()) {
                choices.addObject().put("action", choice.action()).put("label", choice.label());
            }
        } else if (event instanceof OutboundEvent.Completed e) {
            node.put("type", "completed").put("interviewId", e.interviewId().value())
                    .put("reason", e.reason().code()).put("message", e.message());
            node.set("report", mapper.valueToTree(e.report()));
        } else if (event instanceof OutboundEvent.Report e) {
            node.put("type", "report").put("interviewId", e.interviewId().value()).put("format", e.format().code());
            if (e.format() == ReportFormat.JSON) {
                node.set("content", parse(e.content()));
            } else {
                node.put("content", e.content());
            }
        } else if (event instanceof OutboundEvent.Status e) {
            var interview = e.interview();
            var progress = interview.currentProgress();
            node.put("type", "status").put("interviewId", interview.id().value())
                    .put("status", interview.status().code()).put("stage", interview.stage().code())
                    .put("stageIndex", interview.stage().index()).put("completeness", progress.completeness())
                    .put("depth", progress.depth()).put("examples", progress.examples())
                    .put("turns", interview.turnCount()).put("summary", e.summary());
            ArrayNode stages = node.putArray("stages");
            for (var p : interview.stages()) {
                stages.addObject().put("stage", p.stage().code()).put("status", p.status().code())
                        .put("completeness", p.completeness());
            }
        } else if (event instanceof OutboundEvent.History e) {
            HistoryPage page = e.page();
            node.put("type", "history").put("interviewId", page.interviewId().value());
            ArrayNode entries = node.putArray("entries");
            for (Turn turn : page.turns()) {
                entries.add(entry(turn));
            }
            node.put("more", page.more());
            node.put("next", page.next());
            node.put("total", page.total());
        } else if (event instanceof OutboundEvent.Notice e) {
            node.put("type", "notice").put("key", e.key()).put("text", e.text());
        } else if (event instanceof OutboundEvent.Error e) {
            node.put("type", "error").put("code", e.code().wireValue()).put("message", e.message());
            node.put("replyTo", e.replyTo());
        }
        return node;
    }

    /**
     * One turn of a {@code history} event: {@code turn}, {@code role} ({@code interviewer}|{@code respondent}),
     * {@code kind} ({@code question}|{@code closing}|{@code answer}|{@code command}), {@code text}, {@code stage},
     * {@code stageIndex}, {@code modality} ({@code text}|{@code voice}), {@code at} (ISO-8601); a respondent turn also
     * {@code clientMessageId} (the id its message was sent with) and, when spoken, {@code confidence}; an interviewer
     * turn {@code replyTo} (the message id it answers) and {@code depth}.
     */
    public ObjectNode entry(Turn turn) {
        ObjectNode entry = mapper.createObjectNode();
        entry.put("turn", turn.number()).put("role", turn.role().code()).put("kind", turn.kind().code())
                .put("text", turn.text()).put("stage", turn.stage().code()).put("stageIndex", turn.stage().index())
                .put("modality", turn.modality().code()).put("at", turn.at().toString());
        if (turn.isRespondent()) {
            entry.put("clientMessageId", turn.messageId() == null ? null : turn.messageId().value());
            if (turn.confidence() != null) {
                entry.put("confidence", turn.confidence());
            }
        } else {
            entry.put("replyTo", turn.replyTo() == null ? null : turn.replyTo().value());
            entry.put("depth", turn.depth());
        }
        return entry;
    }

    /** The mapper used, for channels that parse client frames consistently. */
    public ObjectMapper mapper() {
        return mapper;
    }

    private JsonNode parse(String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("report JSON is invalid", e);
        }
    }
}
