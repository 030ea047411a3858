package dev.interviewagent.samples.websocket;

import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.channel.ChannelBridge;
import dev.interviewagent.core.channel.SpeechTranscriber;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Everything the WebSocket endpoint needs, built once per server and handed to each endpoint instance through its
 * configurator (no static state): the engine, the channel bridge, the WebSocket channel, tokens and the limits.
 * Thread-safe.
 */
public final class InterviewHub {

    private final InterviewEngine engine;
    private final ServerSettings settings;
    private final WebSocketChannel channel;
    private final ChannelBridge bridge;
    private final Tokens tokens;
    private final LongSupplier nanos;

    /**
     * @param engine      the engine interviews run on (not closed by the hub)
     * @param transcriber how spoken answers become text; {@link SpeechTranscriber#NONE} rejects them
     * @param settings    limits of each connection
     */
    public InterviewHub(InterviewEngine engine, SpeechTranscriber transcriber, ServerSettings settings) {
        this(engine, transcriber, settings, System::nanoTime);
    }

    InterviewHub(InterviewEngine engine, SpeechTranscriber transcriber, ServerSettings settings, LongSupplier nanos) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.nanos = Objects.requireNonNull(nanos, "nanos");
        this.channel = new WebSocketChannel(settings.maxFrameChars());
        this.bridge = ChannelBridge.builder(engine, channel).transcriber(transcriber).build();
        this.tokens = new Tokens(new SecureRandom());
    }

    public InterviewEngine engine() {
        return engine;
    }

    public ServerSettings settings() {
        return settings;
    }

    /** The number of open connections. */
    public int connections() {
        return channel.size();
    }

    /**
     * Opens the protocol state of a new connection whose frames go to {@code sink}.
     *
     * @return null when {@link ServerSettings#maxConnections()} are already open (the caller refuses it)
     */
    InterviewConnection open(Consumer<String> sink) {
        if (channel.size() >= settings.maxConnections()) {
            return null;
        }
        String conversation = "ws-" + UUID.randomUUID();
        channel.attach(conversation, sink);
        return new InterviewConnection(conversation, this,
                new RateLimiter(settings.messagesPerSecond(), settings.burst(), nanos));
    }

    void close(InterviewConnection connection) {
        channel.detach(connection.conversation());
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
