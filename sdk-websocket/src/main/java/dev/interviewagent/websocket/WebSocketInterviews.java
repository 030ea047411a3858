package dev.interviewagent.websocket;

import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.channel.ChannelControl;
import dev.interviewagent.core.channel.ChannelControls;
import dev.interviewagent.core.channel.SpeechTranscriber;
import dev.interviewagent.websocket.internal.InterviewConfigurator;
import dev.interviewagent.websocket.internal.InterviewEndpoint;
import dev.interviewagent.websocket.internal.InterviewHub;
import dev.interviewagent.websocket.internal.Tokens;
import jakarta.websocket.server.ServerEndpointConfig;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries interviews over WebSocket, speaking the wire protocol of {@code docs/protocol.md}: the facade of
 * sdk-websocket. Written against the Jakarta WebSocket API only, so any Jakarta container serves it (Jetty, Tomcat,
 * Undertow, ...): build it once, register {@link #endpointConfig()} with the container, close it on shutdown.
 *
 * <pre>{@code
 * WebSocketInterviews interviews = WebSocketInterviews.builder(engine)
 *         .transcriber(VoiceTranscriber.of(speechToText))                  // optional: voice answers
 *         .speaker(questionSpeaker)                                        // optional: spoken questions
 *         .settings(WebSocketSettings.builder().allowedOrigins(List.of("https://app.example")).build())
 *         .build();
 * serverContainer.addEndpoint(interviews.endpointConfig());               // ws://host:port/ws/interview
 * ...
 * interviews.close();
 * }</pre>
 *
 * <p>Each connection gets its own protocol state (one interview attached at a time, its token checked on
 * {@code resume}), token buckets and size limits from {@link WebSocketSettings}; client addresses have their own
 * connection cap and buckets, kept across reconnects. Turns run on a bounded pool of the module's own threads, never
 * the container's, and frames go out asynchronously through a bounded queue per connection. Handshakes from pages of
 * origins not in {@link WebSocketSettings#allowedOrigins()} are refused with 403. Interviews started with a {@code clientKey}
 * are bound to the respondent key {@link #respondentKey(String)}, so a host can export or erase one browser's data
 * by channel key; respondents export and delete their own data with the protocol's {@code export} and
 * {@code delete} ({@link Builder#respondentData}), and every {@code session} tells them what is stored and for how
 * long ({@link Builder#dataPolicy}). Thread-safe. Answers, transcripts, tokens and client keys are never logged.
 */
public final class WebSocketInterviews implements AutoCloseable {

    /** Where the endpoint is mapped unless {@link Builder#path(String)} says otherwise. */
    public static final String DEFAULT_PATH = "/ws/interview";

    /**
     * How respondents act on the reference page (samples/websocket-server): its “End interview” button
     * («Завершить интервью» in Russian) sends {@code complete}, and its “Repeat question” button («Повторить
     * вопрос») shows the pending question again (and reads it aloud when spoken questions are on; the page does this
     * itself, no protocol message is needed). Nothing else needs naming: a break needs no control
     * (the page resumes the interview when it is opened again in the same browser), the progress is always shown
     * and the report appears when the interview ends. Interviewer messages name this button and never a command. A
     * host whose page labels it otherwise, or has more controls, sets {@link Builder#controls(ChannelControls)}.
     */
    public static final ChannelControls PAGE_CONTROLS = ChannelControls.NEUTRAL
            .withFinishEarly(ChannelControl.button(Map.of(Language.ENGLISH, "End interview",
                    Language.RUSSIAN, "Завершить интервью")))
            .withRepeat(ChannelControl.button(Map.of(Language.ENGLISH, "Repeat question",
                    Language.RUSSIAN, "Повторить вопрос")));

    private static final Logger log = LoggerFactory.getLogger(WebSocketInterviews.class);
    private static final Pattern PATH = Pattern.compile("/[A-Za-z0-9._~/-]*");

    private final InterviewHub hub;
    private final String path;
    private final boolean voiceInput;
    private final boolean spokenQuestions;
    private final ServerEndpointConfig config;

    private WebSocketInterviews(Builder b) {
        this.hub = new InterviewHub(b.engine, b.transcriber, b.speaker, b.settings, b.clock, b.controls,
                b.dataPolicy, b.respondentData);
        this.path = b.path;
        this.voiceInput = b.transcriber != SpeechTranscriber.NONE;
        this.spokenQuestions = b.speaker != QuestionSpeaker.NONE;
        this.config = ServerEndpointConfig.Builder.create(InterviewEndpoint.class, path)
                .configurator(new InterviewConfigurator(hub)).build();
        log.info("WebSocket interviews at {} (voice {}, spoken questions {}, {} allowed origins, at most {} "
                        + "connections, {} per client address{}, {} turn threads)", path, voiceInput ? "on" : "off",
                spokenQuestions ? "on" : "off",
                b.settings.allowedOrigins().size(), b.settings.maxConnections(), b.settings.maxConnectionsPerAddress(),
                b.settings.clientAddressHeader().map(h -> " from " + h).orElse(""), b.settings.turnThreads());
    }

    /**
     * A builder for interviews on {@code engine}; the engine is not closed by {@link #close()}.
     *
     * @throws NullPointerException if {@code engine} is null
     */
    public static Builder builder(InterviewEngine engine) {
        return new Builder(engine);
    }

    /**
     * The endpoint's configuration, to register once with the container: {@code serverContainer.addEndpoint(config)}.
     * Its configurator creates one endpoint per connection and checks the handshake's {@code Origin}. The same
     * instance every call.
     */
    public ServerEndpointConfig endpointConfig() {
        return config;
    }

    /** The path the endpoint is mapped to, relative to the web application's context path. */
    public String path() {
        return path;
    }

    /** The limits in force. */
    public WebSocketSettings settings() {
        return hub.settings();
    }

    /** Whether spoken answers are taken (a transcriber was configured); told to clients in {@code session}. */
    public boolean voiceInput() {
        return voiceInput;
    }

    /** Whether questions are spoken on request (a speaker was configured); told to clients in {@code session}. */
    public boolean spokenQuestions() {
        return spokenQuestions;
    }

    /** The number of open connections. */
    public int connections() {
        return hub.connections();
    }

    /**
     * Bytes of recordings held in memory now by all connections (being received, waiting for or in a turn); never
     * more than {@link WebSocketSettings#maxBufferedAudioBytes()}. For metrics.
     */
    public long bufferedAudioBytes() {
        return hub.bufferedAudioBytes();
    }

    /**
     * Turns (frames that call the engine) running or waiting for a thread now; never more than
     * {@link WebSocketSettings#turnThreads()} plus {@link WebSocketSettings#maxQueuedTurns()}. For metrics.
     */
    public int turnsInFlight() {
        return hub.turnsInFlight();
    }

    /**
     * The channel key of the web respondent whose browser sent {@code clientKey} with {@code start}: {@code web:}
     * and a SHA-256 of the key. Interviews started with a client key are stored under it, so
     * {@code InterviewStore.findByChannelKey} (and sdk-persistence's {@code PrivacyOperations} export and delete)
     * finds all of that browser's interviews. The key itself is never stored, and this value cannot be turned back
     * into it. Pure function; thread-safe.
     *
     * @throws NullPointerException     if {@code clientKey} is null
     * @throws IllegalArgumentException if it is not a client key (base64url, 22–128 characters)
     */
    public static String respondentKey(String clientKey) {
        Objects.requireNonNull(clientKey, "clientKey");
        if (!Tokens.isClientKey(clientKey)) {
            throw new IllegalArgumentException("clientKey must be base64url, 22-128 characters, was "
                    + clientKey.length() + " characters");
        }
        return Tokens.respondentKey(clientKey);
    }

    /**
     * Refuses new connections and closes the open ones (1001, going away); clients reconnect and resume elsewhere or
     * later. Starts no more turns; turns already running finish on their threads. Does not close the engine or the
     * container. Idempotent; does not wait for clients or turns.
     */
    @Override
    public void close() {
        hub.close();
        log.info("WebSocket interviews at {} closed", path);
    }

    /** Builds {@link WebSocketInterviews}; setters check their argument. Not thread-safe. */
    public static final class Builder {
        private final InterviewEngine engine;
        private SpeechTranscriber transcriber = SpeechTranscriber.NONE;
        private QuestionSpeaker speaker = QuestionSpeaker.NONE;
        private WebSocketSettings settings = WebSocketSettings.defaults();
        private String path = DEFAULT_PATH;
        private Clock clock = Clock.systemUTC();
        private ChannelControls controls = PAGE_CONTROLS;
        private DataPolicy dataPolicy = DataPolicy.keptUntilDeleted();
        private @Nullable RespondentData respondentData;

        private Builder(InterviewEngine engine) {
            this.engine = Objects.requireNonNull(engine, "engine");
        }

        /**
         * How spoken answers become text (sdk-voice's {@code VoiceTranscriber.of(speechToText)}). Default
         * {@link SpeechTranscriber#NONE}: recordings get {@code unsupported_audio} and {@code session} tells clients
         * that voice input is off.
         */
        public Builder transcriber(SpeechTranscriber transcriber) {
            this.transcriber = Objects.requireNonNull(transcriber, "transcriber");
            return this;
        }

        /**
         * How questions are spoken when a client asks ({@code speak}): a text-to-speech provider adapted to
         * {@link QuestionSpeaker}. Default {@link QuestionSpeaker#NONE}: {@code session} tells clients that spoken
         * questions are off, and the page reads questions with the browser's own speech synthesis if the respondent
         * wants them read.
         */
        public Builder speaker(QuestionSpeaker speaker) {
            this.speaker = Objects.requireNonNull(speaker, "speaker");
            return this;
        }

        /** Limits and allowed origins. Default {@link WebSocketSettings#defaults()} (no browser origin allowed). */
        public Builder settings(WebSocketSettings settings) {
            this.settings = Objects.requireNonNull(settings, "settings");
            return this;
        }

        /**
         * Where the endpoint is mapped, relative to the context path. Default {@value #DEFAULT_PATH}.
         *
         * @throws IllegalArgumentException unless it starts with {@code /} and has only URL-safe characters
         */
        public Builder path(String path) {
            Objects.requireNonNull(path, "path");
            if (!PATH.matcher(path).matches()) {
                throw new IllegalArgumentException("path must start with / and use [A-Za-z0-9._~/-], was '" + path
                        + "'");
            }
            this.path = path;
            return this;
        }

        /**
         * What the privacy notice tells respondents about retention ({@code session.privacy}): give what the host's
         * retention really does. Default {@link DataPolicy#keptUntilDeleted()}.
         */
        public Builder dataPolicy(DataPolicy dataPolicy) {
            this.dataPolicy = Objects.requireNonNull(dataPolicy, "dataPolicy");
            return this;
        }

        /**
         * Export and erasure by respondent key, so a browser's {@code export} and {@code delete} with its
         * {@code clientKey} reach every interview it started (e.g. sdk-persistence's {@code PrivacyOperations}).
         * Without it they reach the interview the connection is attached to.
         */
        public Builder respondentData(RespondentData respondentData) {
            this.respondentData = Objects.requireNonNull(respondentData, "respondentData");
            return this;
        }

        /** Time for rate limits and elapsed times. Default {@link Clock#systemUTC()}. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * How respondents finish early, get the report, … on the host's page, so that interviewer messages name the
         * page's own buttons (or nothing: {@link ChannelControls#NEUTRAL}). Default {@link #PAGE_CONTROLS}, the
         * reference page's buttons.
         */
        public Builder controls(ChannelControls controls) {
            this.controls = Objects.requireNonNull(controls, "controls");
            return this;
        }

        /** The interviews, ready to register; nothing is opened until a container calls the endpoint. */
        public WebSocketInterviews build() {
            return new WebSocketInterviews(this);
        }
    }
}
