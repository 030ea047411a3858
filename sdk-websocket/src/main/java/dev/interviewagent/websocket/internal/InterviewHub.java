package dev.interviewagent.websocket.internal;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.channel.ChannelBridge;
import dev.interviewagent.core.channel.SpeechTranscriber;
import dev.interviewagent.websocket.WebSocketSettings;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Everything the endpoint needs, built once per {@link dev.interviewagent.websocket.WebSocketInterviews} and handed to
 * each endpoint instance through its configurator (no static state): the engine, the channel bridge, the WebSocket
 * channel, tokens, the limits and the open connections. Thread-safe.
 */
public final class InterviewHub {

    /** The recording formats a {@code audio} frame may announce. */
    static final List<String> AUDIO_FORMATS = List.of("webm", "ogg", "wav", "mp3", "m4a");

    private final InterviewEngine engine;
    private final WebSocketSettings settings;
    private final WebSocketChannel channel;
    private final ChannelBridge bridge;
    private final Tokens tokens;
    private final Clock clock;
    private final Map<String, Runnable> closers = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /**
     * @param engine      the engine interviews run on (not closed by the hub)
     * @param transcriber how spoken answers become text; {@link SpeechTranscriber#NONE} rejects them
     * @param settings    limits of each connection
     * @param clock       time for rate limits and the bridge
     */
    public InterviewHub(InterviewEngine engine, SpeechTranscriber transcriber, WebSocketSettings settings,
                        Clock clock) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(transcriber, "transcriber");
        this.channel = new WebSocketChannel(settings.maxFrameChars(),
                capabilities(transcriber != SpeechTranscriber.NONE, settings));
        this.bridge = ChannelBridge.builder(engine, channel).transcriber(transcriber).clock(clock).build();
        this.tokens = new Tokens(new SecureRandom());
    }

    /** What a page needs to know to hide what this server cannot do ({@code session.capabilities}). */
    static ObjectNode capabilities(boolean voiceInput, WebSocketSettings settings) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("voiceInput", voiceInput);
        node.putArray("audioFormats").addAll(voiceInput
                ? AUDIO_FORMATS.stream().map(JsonNodeFactory.instance::textNode).toList() : List.of());
        node.put("spokenQuestions", false);
        node.putObject("limits").put("maxTextBytes", settings.maxTextBytes())
                .put("maxAudioBytes", settings.maxAudioBytes())
                .put("messagesPerSecond", settings.messagesPerSecond())
                .put("burst", settings.burst())
                .put("maxFrameChars", settings.maxFrameChars());
        return node;
    }

    public InterviewEngine engine() {
        return engine;
    }

    public WebSocketSettings settings() {
        return settings;
    }

    /** The number of open connections. */
    public int connections() {
        return channel.size();
    }

    /**
     * Opens the protocol state of a new connection whose frames go to {@code sink}; {@code closer} ends the
     * connection when the hub closes.
     *
     * @return null when {@link WebSocketSettings#maxConnections()} are already open or the hub is closed (the
     *         caller refuses the connection)
     */
    @Nullable InterviewConnection open(Consumer<String> sink, Runnable closer) {
        if (closed || channel.size() >= settings.maxConnections()) {
            return null;
        }
        String conversation = "ws-" + UUID.randomUUID();
        channel.attach(conversation, sink);
        closers.put(conversation, closer);
        if (closed) {   // close() ran meanwhile and may have missed this one
            release(conversation);
            return null;
        }
        return new InterviewConnection(conversation, this,
                new RateLimiter(settings.messagesPerSecond(), settings.burst(), clock));
    }

    void release(String conversation) {
        channel.detach(conversation);
        closers.remove(conversation);
    }

    boolean isClosed() {
        return closed;
    }

    /** Refuses new connections and closes the open ones; idempotent. */
    public void close() {
        closed = true;
        for (String conversation : List.copyOf(closers.keySet())) {
            Runnable closer = closers.remove(conversation);
            channel.detach(conversation);
            if (closer != null) {
                closer.run();
            }
        }
    }

    WebSocketChannel channel() {
        return channel;
    }

    ChannelBridge bridge() {
        return bridge;
    }

    Tokens tokens() {
        return tokens;
    }
}
