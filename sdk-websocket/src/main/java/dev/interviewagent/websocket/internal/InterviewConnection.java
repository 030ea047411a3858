package dev.interviewagent.websocket.internal;

import static dev.interviewagent.websocket.internal.FrameFields.consent;
import static dev.interviewagent.websocket.internal.FrameFields.format;
import static dev.interviewagent.websocket.internal.FrameFields.language;
import static dev.interviewagent.websocket.internal.FrameFields.messageId;
import static dev.interviewagent.websocket.internal.FrameFields.optional;
import static dev.interviewagent.websocket.internal.FrameFields.profile;
import static dev.interviewagent.websocket.internal.FrameFields.required;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.InterviewSnapshot;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.MessageId;
import dev.interviewagent.core.Profile;
import dev.interviewagent.core.StartRequest;
import dev.interviewagent.core.channel.ChannelCommand;
import dev.interviewagent.core.channel.InboundMessage;
import dev.interviewagent.core.channel.OutboundEvent;
import dev.interviewagent.core.exception.ErrorCode;
import dev.interviewagent.core.exception.InterviewException;
import dev.interviewagent.core.exception.InterviewNotFoundException;
import dev.interviewagent.core.i18n.Messages;
import dev.interviewagent.core.internal.text.Bundles;
import java.nio.ByteBuffer;
import java.text.MessageFormat;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The protocol state of one WebSocket connection ({@code docs/protocol.md}): parses client frames, checks the
 * rate limits and the token, and hands answers, recordings and commands to the {@link dev.interviewagent.core.channel
 * .ChannelBridge}. Free of container types, so it is tested without a server.
 *
 * <p>Two threads touch it, each one at a time. The container's message thread delivers frames: it checks the rate
 * limits, answers {@code ping}, takes {@code audio} announcements and receives recordings — which only an announced
 * recording of an attached interview may hold memory for — and queues every other frame on the connection's
 * {@link TurnExecutor.Lane}. The lane runs those frames in arrival order on the turn executor, where engine calls
 * may take as long as they take. The attachment is volatile: it is set before the {@code session} frame goes out,
 * so a frame the client sends after it finds the connection attached.
 */
final class InterviewConnection {

    private static final Logger log = LoggerFactory.getLogger(InterviewConnection.class);
    private static final int REMEMBERED_STARTS = 16;
    private static final String PONG = "{\"type\":\"pong\"}";
    /** The interview attribute holding when the respondent agreed to the privacy notice ({@code start.consent}). */
    static final String CONSENT_ATTRIBUTE = "ws.consentAt";

    private final String conversation;
    private final InterviewHub hub;
    private final RateLimiter limiter;
    private final ClientRegistry.Client client;
    private final TurnExecutor.Lane lane;
    /** Announcements and recordings: the container's message thread, and release() from any thread. */
    private final AudioReceiver audio;
    private final PrivacyFrames privacy;
    private final AtomicBoolean released = new AtomicBoolean();
    /** When the frame now running on the lane was queued (the lane runs one frame at a time). */
    private volatile long frameQueuedAt = System.nanoTime();
    // the attachment: written by the lane and as a session frame goes out, read on arrival of frames
    private volatile @Nullable InterviewId interview;
    private volatile Language language = Language.ENGLISH;
    // the lane only
    private int generatedIds;
    private final Map<String, Started> starts = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Started> eldest) {
            return size() > REMEMBERED_STARTS;
        }
    };

    private record Started(InterviewId id, String token) {
    }

    InterviewConnection(String conversation, InterviewHub hub, RateLimiter limiter, ClientRegistry.Client client,
                        TurnExecutor.Lane lane) {
        this.conversation = conversation;
        this.hub = hub;
        this.limiter = limiter;
        this.client = client;
        this.lane = lane;
        this.audio = new AudioReceiver(this, hub, lane);
        this.privacy = new PrivacyFrames(this, hub);
    }

    String conversation() {
        return conversation;
    }

    ClientRegistry.Client client() {
        return client;
    }

    /** A {@code session} frame is about to go out: the connection is attached to that interview from now on. */
    void attached(InterviewId id, Language language) {
        this.interview = id;
        this.language = language;
    }

    /**
     * The connection closed: drops the recording being received. Frames already queued still run (an answer sent
     * just before a drop is stored, and its reply waits for the resume). True the first time only.
     */
    boolean release() {
        if (!released.compareAndSet(false, true)) {
            return false;
        }
        audio.release();
        return true;
    }

    // ------------------------------------------------------------------------------------------------ frames

    /** A whole text frame within the limit; on the container's message thread. */
    void onText(String frame) {
        if (!admit()) {
            return;
        }
        JsonNode node;
        try {
            node = hub.channel().tree().mapper().readTree(frame);
        } catch (JsonProcessingException e) {
            error(ErrorCode.BAD_REQUEST, "error.malformed", null);
            return;
        }
        if (node == null || !node.isObject()) {
            error(ErrorCode.BAD_REQUEST, "error.malformed", null);
            return;
        }
        JsonNode idNode = node.get("clientMessageId");
        String replyTo = idNode != null && idNode.isTextual() && idNode.asText().length() <= 128
                ? idNode.asText() : null;
        String type;
        try {
            type = required(node, "type", 32);
        } catch (FieldException e) {
            error(ErrorCode.BAD_REQUEST, "error.missing_field", replyTo, e.getMessage());
            return;
        }
        switch (type) {
            case "ping" -> hub.channel().sendRaw(conversation, PONG);
            case "info" -> guarded(() -> info(node), replyTo);
            case "export" -> queue(() -> privacy.export(node), replyTo);
            case "delete" -> queue(() -> privacy.delete(node), replyTo);
            case "audio" -> guarded(() -> audio.announce(node), replyTo);
            case "resume" -> {
                audio.clearAnnouncement();
                queue(() -> resume(node), replyTo);
            }
            case "start" -> queue(() -> start(node), replyTo);
            case "answer" -> queue(() -> answer(node), replyTo);
            case "complete" -> queue(() -> command(node, ChannelCommand.COMPLETE, null, true), replyTo);
            case "report" -> queue(() -> command(node, ChannelCommand.REPORT, format(node), false), replyTo);
            case "status" -> queue(() -> command(node, ChannelCommand.STATUS, null, false), replyTo);
            case "confirm" -> queue(() -> confirm(node), replyTo);
            case "history" -> queue(() -> history(node, replyTo), replyTo);
            case "speak" -> queue(() -> speak(node, replyTo), replyTo);
            default -> error(ErrorCode.BAD_REQUEST, "error.unknown_type", replyTo);
        }
    }

    /** A text frame over the limit was received (and discarded). */
    void onTextTooLarge() {
        if (admit()) {
            error(ErrorCode.TOO_LARGE, "error.too_large", null);
        }
    }

    /** One part of a binary message; on the container's message thread ({@link AudioReceiver}). */
    void onBinaryPart(ByteBuffer part, boolean last) {
        audio.onBinaryPart(part, last);
    }

    /** Runs a frame on the lane, after the frames before it; {@code busy} at once when the server has too many. */
    private void queue(Runnable frame, @Nullable String replyTo) {
        long queuedAt = System.nanoTime();
        if (!lane.submit(() -> {
            frameQueuedAt = queuedAt;
            guarded(frame, replyTo);
        }, () -> { })) {
            log.debug("{} frame refused: too many turns waiting", conversation);
            error(ErrorCode.BUSY, "error.server_busy", replyTo);
        }
    }

    private void guarded(Runnable frame, @Nullable String replyTo) {
        try {
            frame.run();
        } catch (FieldException e) {
            error(ErrorCode.BAD_REQUEST, "error.missing_field", replyTo, e.getMessage());
        } catch (InterviewException e) {   // an engine read outside the bridge (speak): its code, localised
            error(e.code(), "error." + e.code().wireValue(), replyTo);
        } catch (RuntimeException e) {
            log.error("{} frame failed", conversation, e);
            error(ErrorCode.INTERNAL, "error.internal", replyTo);
        }
    }

    // ------------------------------------------------------------------------------------------------ types

    private void start(JsonNode node) {
        String messageId = messageId(node);
        Started earlier = starts.get(messageId);
        if (earlier != null) {
            // a repeated start on this connection: the same interview again, nothing new is created
            hub.bridge().resume(conversation, earlier.id(), earlier.token());
            return;
        }
        Language language = language(node);
        String style = optional(node, "style", 64);
        if (style != null && hub.engine().styles().find(style).isEmpty()) {
            throw new FieldException("style");
        }
        Profile profile = profile(node.get("profile"));
        String clientKey = optional(node, "clientKey", 128);
        if (clientKey != null && !Tokens.isClientKey(clientKey)) {
            throw new FieldException("clientKey");
        }
        boolean consented = consent(node);
        if (!hub.clients().tryStart(client)) {
            log.debug("{} start refused: too many starts", conversation);
            error(ErrorCode.RATE_LIMITED, "error.too_many_starts", messageId);
            return;
        }
        String token = clientKey == null ? hub.tokens().newToken() : Tokens.derivedToken(clientKey, messageId);
        StartRequest.Builder request = StartRequest.builder().language(language).style(style).profile(profile)
                .localeHint(optional(node, "locale", 35))
                .attribute(Tokens.ATTRIBUTE, Tokens.hash(token));
        if (consented) {
            // when the respondent agreed to the privacy notice the session told them about
            request.attribute(CONSENT_ATTRIBUTE, hub.clock().instant().toString());
        }
        if (clientKey != null) {
            // the browser's interviews are found by this key (export, erasure); the client key itself is not stored
            request.idempotencyKey(Tokens.idempotencyKey(clientKey, messageId))
                    .channelKey(Tokens.respondentKey(clientKey));
        }
        InterviewId id = hub.bridge().start(conversation, request.build(), token);
        if (id != null) {   // attached already, as the session frame went out
            starts.put(messageId, new Started(id, token));
        }
    }

    private void resume(JsonNode node) {
        String idText = required(node, "interviewId", 64);
        String token = required(node, "token", 256);
        interview = null;
        InterviewSnapshot state;
        try {
            state = hub.engine().status(InterviewId.of(idText));
        } catch (IllegalArgumentException | InterviewNotFoundException e) {
            // unknown and wrong token look the same: nothing tells whether an interview exists
            error(ErrorCode.UNAUTHORIZED, "error.unauthorized", null);
            return;
        } catch (InterviewException e) {
            error(e.code(), "error." + e.code().wireValue(), null);
            return;
        }
        if (!Tokens.matches(token, state.attributes().get(Tokens.ATTRIBUTE))) {
            log.debug("{} resume refused for {}", conversation, state.id());
            error(ErrorCode.UNAUTHORIZED, "error.unauthorized", null);
            return;
        }
        hub.bridge().resume(conversation, state.id(), token);   // attaches as the session frame goes out
    }

    private void answer(JsonNode node) {
        String messageId = messageId(node);
        JsonNode text = node.get("text");
        if (text == null || !text.isTextual()) {
            throw new FieldException("text");
        }
        InterviewId id = attached(messageId);
        if (id != null) {
            // the time the frame waited for a turn thread counts against the brain timeout (ChannelBridge)
            hub.bridge().handle(conversation, id, new InboundMessage.Text(MessageId.of(messageId), text.asText()),
                    Duration.ofNanos(System.nanoTime() - frameQueuedAt));
        }
    }

    private void confirm(JsonNode node) {
        String messageId = messageId(node);
        String action = required(node, "action", 64);
        InterviewId id = attached(messageId);
        if (id != null) {
            hub.bridge().handle(conversation, id, new InboundMessage.ButtonPress(MessageId.of(messageId), action));
        }
    }

    /** {@code history} (extension): a page of the conversation so far, from the store; {@link HistoryRequest}. */
    private void history(JsonNode node, @Nullable String replyTo) {
        HistoryRequest request = HistoryRequest.parse(node);
        InterviewId id = attached(replyTo);
        if (id != null) {
            hub.bridge().history(conversation, id, request.before(), request.limit(), replyTo);
        }
    }

    /** {@code speak} (extension): the audio of one of the interviewer's messages; {@link SpokenQuestions}. */
    private void speak(JsonNode node, @Nullable String replyTo) {
        Integer turn = FieldException.integer(node, "turn", 1, Integer.MAX_VALUE);
        if (turn == null) {
            throw new FieldException("turn");
        }
        InterviewId id = attached(replyTo);
        if (id == null) {
            return;
        }
        if (!hub.speech().enabled()) {
            error(ErrorCode.BAD_REQUEST, "error.speech_off", replyTo);
            return;
        }
        hub.speech().speak(conversation, id, turn, replyTo);
    }

    private void command(JsonNode node, ChannelCommand command, @Nullable String argument, boolean idRequired) {
        String messageId = idRequired ? messageId(node) : optional(node, "clientMessageId", 128);
        if (messageId == null) {
            messageId = command.code() + "-" + (++generatedIds);
        }
        InterviewId id = attached(messageId);
        if (id != null) {
            hub.bridge().handle(conversation, id, new InboundMessage.Command(MessageId.of(messageId), command,
                    argument));
        }
    }

    // ------------------------------------------------------------ info (export and delete: PrivacyFrames)

    /** {@code info}: capabilities, privacy notice and stages before any interview; answered on arrival. */
    private void info(JsonNode node) {
        Language requested = language(node);
        hub.channel().sendRaw(conversation, hub.sessionInfo().infoFrame(requested == null ? Language.ENGLISH
                : requested));
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** Takes a token of this connection and of its client address; {@code rate_limited} when either is empty. */
    boolean admit() {
        if (limiter.tryAcquire() && client.tryFrame()) {
            return true;
        }
        error(ErrorCode.RATE_LIMITED, "error.rate_limited", null);
        return false;
    }

    /** Whether the connection is attached to an interview. */
    boolean isAttached() {
        return interview != null;
    }

    /** The attached interview, if any; sends nothing. */
    @Nullable InterviewId interview() {
        return interview;
    }

    /** The respondent's data was erased: nothing left to attach to, the next frames need a new start. */
    void detach() {
        interview = null;
        starts.clear();
    }

    /** The attached interview, or null after sending {@code unauthorized}. */
    @Nullable InterviewId attached(@Nullable String replyTo) {
        if (interview == null) {
            error(ErrorCode.UNAUTHORIZED, "error.no_interview", replyTo);
        }
        return interview;
    }

    /** Sends a localised error; never reads the store (it may run on the container's thread). */
    void error(ErrorCode code, String key, @Nullable String replyTo, Object... args) {
        Language language = interview == null ? Language.ENGLISH : this.language;
        try {
            hub.channel().send(conversation, new OutboundEvent.Error(code, text(language, key, args), replyTo));
        } catch (RuntimeException e) {
            log.debug("{} error frame not delivered: {}", conversation, e.toString());
        }
    }

    /** Texts of the connection's own errors from this module's bundle; those of the SDK's error codes from core. */
    static String text(Language language, String key, Object... args) {
        ResourceBundle bundle = Bundles.load("dev.interviewagent.websocket.internal.messages", language.locale(),
                InterviewConnection.class.getClassLoader(),
                name -> InterviewConnection.class.getResourceAsStream(name));
        if (!bundle.containsKey(key)) {
            return Messages.forLanguage(language).get(key, args);
        }
        String pattern = bundle.getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, language.locale()).format(args);
    }
}
