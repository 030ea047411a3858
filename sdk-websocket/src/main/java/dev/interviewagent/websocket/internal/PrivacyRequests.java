package dev.interviewagent.websocket.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.InterviewSnapshot;
import dev.interviewagent.core.exception.StoreException;
import dev.interviewagent.core.internal.json.JsonMappers;
import dev.interviewagent.core.report.ReportFormat;
import dev.interviewagent.websocket.RespondentData;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The respondent's own {@code export} and {@code delete} ({@code docs/protocol.md}, *Your data*): authorised by the
 * interview the connection is attached to (its token), or by the browser's {@code clientKey}, which reaches every
 * interview stored under its respondent key through the host's {@link RespondentData} (sdk-persistence's
 * {@code PrivacyOperations}). Without a {@link RespondentData}, or when the attached interview belongs to another
 * respondent key, only the attached interview is covered, through the engine. Runs on a connection's lane; blocks on
 * the store. Thread-safe. Never logs what it exports.
 */
final class PrivacyRequests {

    private static final Logger log = LoggerFactory.getLogger(PrivacyRequests.class);

    /** What one request covers. */
    enum Scope {
        /** The attached interview. */
        INTERVIEW,
        /** Every interview of the browser's respondent key. */
        RESPONDENT;

        String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The decided scope: the respondent key for {@link Scope#RESPONDENT}, else the attached interview. */
    record Target(Scope scope, @Nullable String respondentKey, @Nullable InterviewId interview) {
    }

    private final InterviewEngine engine;
    private final WebSocketChannel channel;
    private final @Nullable RespondentData data;
    private final Clock clock;
    private final ObjectMapper mapper = JsonMappers.store();

    PrivacyRequests(InterviewEngine engine, WebSocketChannel channel, @Nullable RespondentData data, Clock clock) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.channel = Objects.requireNonNull(channel, "channel");
        this.data = data;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * What a request reaches: the browser's interviews when a valid {@code clientKey} came, the host can find
     * interviews by key, and the attached interview (if any) is one of them; else the attached interview.
     *
     * @return null when neither applies (nothing attached and no key the host can use): the caller answers
     *         {@code unauthorized}
     * @throws dev.interviewagent.core.exception.InterviewException if the attached interview cannot be read
     */
    @Nullable Target target(@Nullable String clientKey, @Nullable InterviewId attached) {
        if (clientKey != null && data != null) {
            String key = Tokens.respondentKey(clientKey);
            if (attached == null || key.equals(engine.status(attached).channelKey())) {
                return new Target(Scope.RESPONDENT, key, attached);
            }
        }
        return attached == null ? null : new Target(Scope.INTERVIEW, null, attached);
    }

    /** Sends the {@code export} frame(s) with everything stored under the target. */
    void export(String conversation, Target target, String replyTo) {
        String content = target.scope() == Scope.RESPONDENT
                ? Objects.requireNonNull(data).export(Objects.requireNonNull(target.respondentKey()))
                : exportInterview(Objects.requireNonNull(target.interview()));
        ObjectNode template = JsonNodeFactory.instance.objectNode().put("type", "export")
                .put("interviewId", target.interview() == null ? null : target.interview().value())
                .put("scope", target.scope().wire()).put("format", "json").put("replyTo", replyTo);
        for (String frame : frames(template, content, channel.capabilities().maxMessageLength())) {
            channel.sendRaw(conversation, frame);
        }
        log.info("{} exported the respondent's data ({})", conversation, target.scope().wire());
    }

    /** Deletes everything under the target and sends {@code deleted}; returns how many interviews went. */
    int delete(String conversation, Target target, String replyTo) {
        int deleted = 0;
        if (target.scope() == Scope.RESPONDENT) {
            deleted += Objects.requireNonNull(data).delete(Objects.requireNonNull(target.respondentKey()));
        }
        if (target.interview() != null && engine.delete(target.interview())) {
            deleted++;   // the attached interview, when it was not among the key's (or there is no key)
        }
        ObjectNode frame = JsonNodeFactory.instance.objectNode().put("type", "deleted")
                .put("interviewId", target.interview() == null ? null : target.interview().value())
                .put("scope", target.scope().wire()).put("interviews", deleted).put("replyTo", replyTo);
        channel.sendRaw(conversation, frame.toString());
        log.info("{} deleted {} interviews at the respondent's request ({})", conversation, deleted,
                target.scope().wire());
        return deleted;
    }

    /**
     * One interview in the shape of {@code PrivacyOperations.exportRespondent}: its state, its turn log and its
     * report (partial while it runs).
     */
    String exportInterview(InterviewId id) {
        InterviewSnapshot state = engine.status(id);
        ObjectNode root = mapper.createObjectNode();
        root.put("channelKey", state.channelKey());
        root.put("exportedAt", clock.instant().toString());
        ObjectNode entry = root.putArray("interviews").addObject();
        entry.set("interview", mapper.valueToTree(state));
        entry.set("turns", mapper.valueToTree(engine.transcript(id)));
        ObjectNode report = entry.putObject("report");
        report.set("json", mapper.valueToTree(engine.report(id)));
        report.put("markdown", engine.report(id, ReportFormat.MARKDOWN));
        try {
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new StoreException("cannot write the export of " + id, e);
        }
    }

    /**
     * The frames of one export: the whole {@code content} in one frame when it fits {@code max} characters, else
     * cut into {@code part}s (1-based) of {@code parts} that the client concatenates as they are (no separator: the
     * content is JSON text, cut anywhere but inside a surrogate pair).
     */
    static List<String> frames(ObjectNode template, String content, int max) {
        String whole = template.deepCopy().put("content", content).toString();
        if (whole.length() <= max) {
            return List.of(whole);
        }
        int chunk = Math.max(100, max - template.toString().length() - 64);
        while (true) {
            List<String> pieces = cut(content, chunk);
            List<String> frames = new ArrayList<>(pieces.size());
            boolean fits = true;
            for (int i = 0; i < pieces.size(); i++) {
                String frame = template.deepCopy().put("content", pieces.get(i)).put("part", i + 1)
                        .put("parts", pieces.size()).toString();
                fits &= frame.length() <= max;
                frames.add(frame);
            }
            if (fits || chunk <= 100) {
                return frames;
            }
            chunk = chunk * 2 / 3;   // escaping made a piece longer than its text: cut smaller
        }
    }

    private static List<String> cut(String text, int chunk) {
        List<String> pieces = new ArrayList<>();
        int from = 0;
        while (from < text.length()) {
            int to = Math.min(text.length(), from + chunk);
            if (to < text.length() && Character.isHighSurrogate(text.charAt(to - 1))) {
                to--;
            }
            pieces.add(text.substring(from, to));
            from = to;
        }
        return pieces;
    }
}
