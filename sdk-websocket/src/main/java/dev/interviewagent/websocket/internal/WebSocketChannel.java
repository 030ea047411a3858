package dev.interviewagent.websocket.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.channel.ChannelAdapter;
import dev.interviewagent.core.channel.ChannelCapabilities;
import dev.interviewagent.core.channel.ChannelControls;
import dev.interviewagent.core.channel.MessageSplitter;
import dev.interviewagent.core.channel.OutboundEvent;
import dev.interviewagent.core.channel.ProtocolJson;
import dev.interviewagent.core.internal.protocol.ProtocolTree;
import dev.interviewagent.core.report.ReportFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WebSocket channel: renders each {@link OutboundEvent} as one JSON text frame of {@code docs/protocol.md} (via
 * {@link ProtocolJson}) and hands it to the sink of the conversation (one connection). A {@code session} frame also
 * carries the server's {@code capabilities}, {@code privacy} notice and the guide's {@code stages}
 * ({@link SessionInfo}). A Markdown report or notice longer than
 * {@link ChannelCapabilities#maxMessageLength()} goes out as several frames with {@code part}/{@code parts} (an
 * extension; the page joins them). Thread-safe; a sink must serialise its own writes and must not block.
 */
public final class WebSocketChannel implements ChannelAdapter {

    private static final Logger log = LoggerFactory.getLogger(WebSocketChannel.class);

    private final ProtocolJson json = new ProtocolJson();
    private final ProtocolTree tree = new ProtocolTree();
    private final ChannelCapabilities capabilities;
    private final SessionInfo sessionInfo;
    private final Map<String, Consumer<String>> sinks = new ConcurrentHashMap<>();
    private final Map<String, BiConsumer<InterviewId, Language>> sessions = new ConcurrentHashMap<>();

    /**
     * @param maxFrameChars      the longest text frame the channel sends (at least 200)
     * @param serverCapabilities the {@code capabilities} object of {@code session} frames (copied)
     * @param controls           how respondents act on the page (its buttons), named in interviewer messages
     */
    public WebSocketChannel(int maxFrameChars, ObjectNode serverCapabilities, ChannelControls controls) {
        this(maxFrameChars, SessionInfo.capabilitiesOnly(serverCapabilities), controls);
    }

    /**
     * @param maxFrameChars the longest text frame the channel sends (at least 200)
     * @param sessionInfo   what {@code session} frames carry besides the interview: capabilities, privacy, stages
     * @param controls      how respondents act on the page (its buttons), named in interviewer messages
     */
    public WebSocketChannel(int maxFrameChars, SessionInfo sessionInfo, ChannelControls controls) {
        // buttons: the page shows confirm/retry/type; streaming: deltas are rendered as they come
        this.capabilities = new ChannelCapabilities(true, false, true, maxFrameChars, controls);
        this.sessionInfo = Objects.requireNonNull(sessionInfo, "sessionInfo");
    }

    @Override
    public ChannelCapabilities capabilities() {
        return capabilities;
    }

    /** Connects a conversation to where its frames go. */
    public void attach(String conversation, Consumer<String> sink) {
        sinks.put(conversation, sink);
    }

    /**
     * Connects a conversation to where its frames go, and tells {@code onSession} which interview (and language) a
     * {@code session} frame attaches it to, before that frame is handed to the sink: a client that reacts to the
     * frame finds the connection attached already.
     */
    public void attach(String conversation, Consumer<String> sink, BiConsumer<InterviewId, Language> onSession) {
        sessions.put(conversation, onSession);
        sinks.put(conversation, sink);
    }

    public void detach(String conversation) {
        sinks.remove(conversation);
        sessions.remove(conversation);
    }

    /** The number of connected conversations. */
    public int size() {
        return sinks.size();
    }

    /** Sends one frame built outside the bridge (e.g. {@code pong}). */
    void sendRaw(String conversation, String frame) {
        Consumer<String> sink = sinks.get(conversation);
        if (sink != null) {
            sink.accept(frame);
        }
    }

    SessionInfo sessionInfo() {
        return sessionInfo;
    }

    ProtocolJson json() {
        return json;
    }

    /** The protocol's JSON trees, for parsing client frames as the events are written. */
    ProtocolTree tree() {
        return tree;
    }

    @Override
    public void send(String conversation, OutboundEvent event) {
        Consumer<String> sink = sinks.get(conversation);
        if (sink == null) {
            log.debug("conversation {} is gone; {} dropped", conversation, event.getClass().getSimpleName());
            return;
        }
        if (event instanceof OutboundEvent.Session session) {
            BiConsumer<InterviewId, Language> onSession = sessions.get(conversation);
            if (onSession != null) {
                onSession.accept(session.interviewId(), session.language());
            }
        }
        for (String frame : frames(event)) {
            sink.accept(frame);
        }
    }

    /** The frames of one event, each within the frame limit where the event can be split. */
    List<String> frames(OutboundEvent event) {
        if (event instanceof OutboundEvent.Session session) {
            return List.of(sessionInfo.addTo(tree.toNode(event), session.language()).toString());
        }
        int max = capabilities.maxMessageLength();
        if (event instanceof OutboundEvent.History history) {   // too long: the oldest turns go to the earlier page
            return List.of(json.toJson(history, max));
        }
        String whole = json.toJson(event);
        if (whole.length() <= max) {
            return List.of(whole);
        }
        if (event instanceof OutboundEvent.Report report && report.format() == ReportFormat.MARKDOWN) {
            return split(tree.toNode(event), "content", report.content(), max);
        }
        if (event instanceof OutboundEvent.Notice notice) {
            return split(tree.toNode(event), "text", notice.text(), max);
        }
        log.warn("a {} frame of {} chars exceeds the frame limit {}; sent whole", event.getClass().getSimpleName(),
                whole.length(), max);
        return List.of(whole);
    }

    private List<String> split(ObjectNode template, String field, String text, int max) {
        int chunk = Math.max(100, max - 256);
        while (true) {
            List<String> pieces = MessageSplitter.split(text, chunk);
            List<String> frames = new ArrayList<>(pieces.size());
            boolean fits = true;
            for (int i = 0; i < pieces.size(); i++) {
                ObjectNode node = template.deepCopy();
                node.put(field, pieces.get(i)).put("part", i + 1).put("parts", pieces.size());
                String frame = node.toString();
                fits &= frame.length() <= max;
                frames.add(frame);
            }
            if (fits || chunk <= 100) {
                return frames;
            }
            chunk /= 2; // escaping made a piece longer than its text: cut smaller
        }
    }
}
