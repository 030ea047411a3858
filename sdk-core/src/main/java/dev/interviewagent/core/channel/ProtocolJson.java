package dev.interviewagent.core.channel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.interviewagent.core.report.ReportFormat;

/**
 * Writes {@link OutboundEvent}s as the JSON objects of the samples' wire protocol ({@code docs/protocol.md}): one
 * object per event with a {@code type} field ({@code session}, {@code question}, {@code delta}, {@code stage},
 * {@code transcript}, {@code completed}, {@code report}, {@code error}, plus the extensions {@code status} and
 * {@code notice}). Thread-safe.
 */
public final class ProtocolJson {

    private final ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

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
                    .put("quality", e.quality().code());
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
        } else if (event instanceof OutboundEvent.Notice e) {
            node.put("type", "notice").put("key", e.key()).put("text", e.text());
        } else if (event instanceof OutboundEvent.Error e) {
            node.put("type", "error").put("code", e.code().wireValue()).put("message", e.message());
            node.put("replyTo", e.replyTo());
        }
        return node;
    }

    /** The event as one line of JSON. */
    public String toJson(OutboundEvent event) {
        try {
            return mapper.writeValueAsString(toNode(event));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event cannot be serialised", e);
        }
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
