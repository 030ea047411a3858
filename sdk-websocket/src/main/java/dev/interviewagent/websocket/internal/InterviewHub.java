package dev.interviewagent.websocket.internal;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.channel.ChannelBridge;
import dev.interviewagent.core.channel.ChannelControls;
import dev.interviewagent.core.channel.SpeechTranscriber;
import dev.interviewagent.websocket.DataPolicy;
import dev.interviewagent.websocket.QuestionSpeaker;
import dev.interviewagent.websocket.RespondentData;
import dev.interviewagent.websocket.WebSocketSettings;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything the endpoint needs, built once per {@link dev.interviewagent.websocket.WebSocketInterviews} and handed to
 * each endpoint instance through its configurator (no static state): the engine, the channel bridge, the WebSocket
 * channel, tokens, the limits and the open connections, the client addresses' limits, the audio budget, the turn
 * executor and the spoken questions. Thread-safe.
 */
public final class InterviewHub {

    private static final Logger log = LoggerFactory.getLogger(InterviewHub.class);

    private record Opened(InterviewConnection connection, Runnable closer) {
    }

    /** The recording formats a {@code audio} frame may announce. */
    static final List<String> AUDIO_FORMATS = List.of("webm", "ogg", "wav", "mp3", "m4a");

    private final InterviewEngine engine;
    private final WebSocketSettings settings;
    private final WebSocketChannel channel;
    private final ChannelBridge bridge;
    private final SessionInfo sessionInfo;
    private final PrivacyRequests privacy;
    private final Tokens tokens;
    private final Clock clock;
    private final boolean voiceInput;
    private final ClientRegistry clients;
    private final AudioBudget audioBudget;
    private final TurnExecutor turns;
    private final SpokenQuestions speech;
    private final Map<String, Opened> opened = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicBoolean warnedUnknownAddress = new AtomicBoolean();
    private volatile boolean closed;

    /**
     * @param engine      the engine interviews run on (not closed by the hub)
     * @param transcriber how spoken answers become text; {@link SpeechTranscriber#NONE} rejects them
     * @param speaker     how questions are spoken on request; {@link QuestionSpeaker#NONE} refuses {@code speak}
     * @param settings    limits of each connection
     * @param clock       time for rate limits and the bridge
     * @param controls    how respondents act on the host's page, for the wording of messages
     */
    public InterviewHub(InterviewEngine engine, SpeechTranscriber transcriber, QuestionSpeaker speaker,
                        WebSocketSettings settings, Clock clock, ChannelControls controls, DataPolicy policy,
                        @Nullable RespondentData respondentData) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(transcriber, "transcriber");
        Objects.requireNonNull(speaker, "speaker");
        this.voiceInput = transcriber != SpeechTranscriber.NONE;
        this.sessionInfo = SessionInfo.of(capabilities(voiceInput, speaker != QuestionSpeaker.NONE, settings,
                        voiceInput ? transcriber.maxDuration() : Optional.empty()),
                Objects.requireNonNull(policy, "policy"), respondentData != null, voiceInput, engine.guide());
        this.channel = new WebSocketChannel(settings.maxFrameChars(), sessionInfo, controls);
        this.speech = new SpokenQuestions(speaker, engine, channel, settings.maxFrameChars());
        this.privacy = new PrivacyRequests(engine, channel, respondentData, clock);
        this.bridge = ChannelBridge.builder(engine, channel).transcriber(transcriber).clock(clock).build();
        this.tokens = new Tokens(new SecureRandom());
        this.clients = new ClientRegistry(settings, clock);
        this.audioBudget = new AudioBudget(settings.maxBufferedAudioBytes());
        this.turns = new TurnExecutor(settings.turnThreads(), settings.maxQueuedTurns());
    }

    /** What a page needs to know to hide what this server cannot do ({@code session.capabilities}). */
    static ObjectNode capabilities(boolean voiceInput, WebSocketSettings settings) {
        return capabilities(voiceInput, false, settings, Optional.empty());
    }

    /**
     * The same, with spoken questions and the longest recording the transcriber takes
     * ({@code limits.maxAudioSeconds}) when known.
     */
    static ObjectNode capabilities(boolean voiceInput, boolean spokenQuestions, WebSocketSettings settings,
                                   Optional<Duration> maxAudio) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("voiceInput", voiceInput);
        node.putArray("audioFormats").addAll(voiceInput
                ? AUDIO_FORMATS.stream().map(JsonNodeFactory.instance::textNode).toList() : List.of());
        node.put("spokenQuestions", spokenQuestions);
        node.putObject("history").put("defaultLimit", HistoryRequest.DEFAULT_LIMIT)
                .put("maxLimit", InterviewEngine.MAX_HISTORY_PAGE);
        node.putObject("limits").put("maxTextBytes", settings.maxTextBytes())
                .put("maxAudioBytes", settings.maxAudioBytes())
                .put("messagesPerSecond", settings.messagesPerSecond())
                .put("burst", settings.burst())
                .put("maxFrameChars", settings.maxFrameChars());
        maxAudio.ifPresent(max -> ((ObjectNode) node.get("limits")).put("maxAudioSeconds", max.toMillis() / 1000.0));
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
        return open.get();
    }

    /** Bytes of recordings held in memory now, by all connections. */
    public long bufferedAudioBytes() {
        return audioBudget.used();
    }

    /** Turns running or waiting for a thread now. */
    public int turnsInFlight() {
        return turns.inFlight();
    }

    /**
     * Opens the protocol state of a new connection from {@code address} (null: unknown) whose frames go to
     * {@code sink}; {@code closer} ends the connection when the hub closes.
     *
     * @return null when {@link WebSocketSettings#maxConnections()} are open, or
     *         {@link WebSocketSettings#maxConnectionsPerAddress()} of this address, or the hub is closed (the caller
     *         refuses the connection)
     */
    @Nullable InterviewConnection open(@Nullable String address, Consumer<String> sink, Runnable closer) {
        if (closed) {
            return null;
        }
        if (open.incrementAndGet() > settings.maxConnections()) {
            open.decrementAndGet();
            return null;
        }
        if (address == null && warnedUnknownAddress.compareAndSet(false, true)) {
            log.warn("the container does not tell client addresses{}: connection caps, rates and starts per address "
                    + "apply per connection instead (behind a reverse proxy, set clientAddressHeader)",
                    settings.clientAddressHeader().map(h -> " and the " + h + " header is missing").orElse(""));
        }
        ClientRegistry.Client client = clients.open(address);
        if (client == null) {
            open.decrementAndGet();
            return null;
        }
        String conversation = "ws-" + UUID.randomUUID();
        InterviewConnection connection = new InterviewConnection(conversation, this,
                new RateLimiter(settings.messagesPerSecond(), settings.burst(), clock), client, turns.lane());
        channel.attach(conversation, sink, connection::attached);
        opened.put(conversation, new Opened(connection, closer));
        if (closed) {   // close() ran meanwhile and may have missed this one
            release(connection);
            return null;
        }
        return connection;
    }

    /** The connection closed: frees its slot, its address's count and what it was receiving. Idempotent. */
    void release(InterviewConnection connection) {
        if (connection.release()) {
            channel.detach(connection.conversation());
            opened.remove(connection.conversation());
            clients.close(connection.client());
            open.decrementAndGet();
        }
    }

    boolean isClosed() {
        return closed;
    }

    boolean voiceInput() {
        return voiceInput;
    }

    /**
     * Refuses new connections, closes the open ones and starts no more turns (those running finish on their
     * threads); idempotent.
     */
    public void close() {
        closed = true;
        turns.close();
        speech.close();
        for (Opened connection : List.copyOf(opened.values())) {
            release(connection.connection());
            connection.closer().run();
        }
    }

    WebSocketChannel channel() {
        return channel;
    }

    ChannelBridge bridge() {
        return bridge;
    }

    SessionInfo sessionInfo() {
        return sessionInfo;
    }

    PrivacyRequests privacy() {
        return privacy;
    }

    Clock clock() {
        return clock;
    }

    Tokens tokens() {
        return tokens;
    }

    ClientRegistry clients() {
        return clients;
    }

    AudioBudget audioBudget() {
        return audioBudget;
    }

    SpokenQuestions speech() {
        return speech;
    }
}
