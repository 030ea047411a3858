package dev.interviewagent.websocket.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.interviewagent.core.i18n.Messages;
import dev.interviewagent.core.Interview;
import dev.interviewagent.core.InterviewId;
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
import java.text.MessageFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The protocol state of one WebSocket connection ({@code docs/protocol.md}): parses client frames, checks the
 * rate limit and the token, and hands answers, recordings and commands to the {@link dev.interviewagent.core.channel
 * .ChannelBridge}. Free of container types, so it is tested without a server.
 *
 * <p>Confined to the connection's message thread: the container delivers one message of a session at a time.
 */
final class InterviewConnection {

    private static final Logger log = LoggerFactory.getLogger(InterviewConnection.class);
    private static final int REMEMBERED_STARTS = 16;

    private final String conversation;
    private final InterviewHub hub;
    private final RateLimiter limiter;
    private @Nullable InterviewId interview;
    private @Nullable String audioMessageId;
    private @Nullable String audioFormat;
    private int generatedIds;
    private final Map<String, Started> starts = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Started> eldest) {
            return size() > REMEMBERED_STARTS;
        }
    };

    private record Started(InterviewId id, String token) {
    }

    /** A required field is missing or has the wrong type or size. */
    private static final class FieldException extends RuntimeException {
        FieldException(String field) {
            super(field, null, false, false);
        }
    }

    InterviewConnection(String conversation, InterviewHub hub, RateLimiter limiter) {
        this.conversation = conversation;
        this.hub = hub;
        this.limiter = limiter;
    }

    String conversation() {
        return conversation;
    }

    /** The interview this connection is attached to (its token was presented), if any. */
    @Nullable InterviewId interview() {
        return interview;
    }

    // ------------------------------------------------------------------------------------------------ frames

    void onText(String frame) {
        if (!admit()) {
            return;
        }
        JsonNode node;
        try {
            node = hub.channel().json().mapper().readTree(frame);
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
        try {
            switch (required(node, "type", 32)) {
                case "start" -> start(node);
                case "resume" -> resume(node);
                case "answer" -> answer(node);
                case "audio" -> announceAudio(node);
                case "complete" -> command(node, ChannelCommand.COMPLETE, null, true);
                case "report" -> command(node, ChannelCommand.REPORT, format(node), false);
                case "status" -> command(node, ChannelCommand.STATUS, null, false);
                case "confirm" -> confirm(node);
                case "ping" -> hub.channel().sendRaw(conversation, "{\"type\":\"pong\"}");
                default -> error(ErrorCode.BAD_REQUEST, "error.unknown_type", replyTo);
            }
        } catch (FieldException e) {
            error(ErrorCode.BAD_REQUEST, "error.missing_field", replyTo, e.getMessage());
        } catch (RuntimeException e) {
            log.error("{} frame failed", conversation, e);
            error(ErrorCode.INTERNAL, "error.internal", replyTo);
        }
    }

    /** A text frame over the limit was received (and discarded). */
    void onTextTooLarge() {
        if (admit()) {
            error(ErrorCode.TOO_LARGE, "error.too_large", null);
        }
    }

    void onBinary(byte[] bytes) {
        if (!admit()) {
            audioMessageId = null;
            return;
        }
        String messageId = audioMessageId;
        String format = audioFormat;
        audioMessageId = null;
        audioFormat = null;
        if (messageId == null || format == null) {
            error(ErrorCode.BAD_REQUEST, "error.unannounced_audio", null);
            return;
        }
        InterviewId id = attached(messageId);
        if (id != null) {
            hub.bridge().handle(conversation, id, new InboundMessage.Audio(MessageId.of(messageId), format, bytes));
        }
    }

    /** A binary frame over the audio limit was received (and discarded). */
    void onBinaryTooLarge() {
        String messageId = audioMessageId;
        audioMessageId = null;
        audioFormat = null;
        if (admit()) {
            error(ErrorCode.TOO_LARGE, "error.too_large", messageId);
        }
    }

    /** Refuses the connection: the server has too many. */
    void refuseBusy() {
        error(ErrorCode.BUSY, "error.busy", null);
    }

    // ------------------------------------------------------------------------------------------------ types

    private void start(JsonNode node) {
        String messageId = messageId(node);
        Started earlier = starts.get(messageId);
        if (earlier != null) {
            // a repeated start on this connection: the same interview again, nothing new is created
            interview = earlier.id();
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
        String token = clientKey == null ? hub.tokens().newToken() : Tokens.derivedToken(clientKey, messageId);
        StartRequest.Builder request = StartRequest.builder().language(language).style(style).profile(profile)
                .localeHint(optional(node, "locale", 35))
                .attribute(Tokens.ATTRIBUTE, Tokens.hash(token));
        if (clientKey != null) {
            // the browser's interviews are found by this key (export, erasure); the client key itself is not stored
            request.idempotencyKey(Tokens.idempotencyKey(clientKey, messageId))
                    .channelKey(Tokens.respondentKey(clientKey));
        }
        InterviewId id = hub.bridge().start(conversation, request.build(), token);
        if (id != null) {
            interview = id;
            starts.put(messageId, new Started(id, token));
        }
    }

    private void resume(JsonNode node) {
        String idText = required(node, "interviewId", 64);
        String token = required(node, "token", 256);
        interview = null;
        audioMessageId = null;
        Interview state;
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
        interview = state.id();
        hub.bridge().resume(conversation, state.id(), token);
    }

    private void answer(JsonNode node) {
        String messageId = messageId(node);
        JsonNode text = node.get("text");
        if (text == null || !text.isTextual()) {
            throw new FieldException("text");
        }
        InterviewId id = attached(messageId);
        if (id != null) {
            hub.bridge().handle(conversation, id, new InboundMessage.Text(MessageId.of(messageId), text.asText()));
        }
    }

    private void announceAudio(JsonNode node) {
        String messageId = messageId(node);
        String format = required(node, "format", 16).toLowerCase(Locale.ROOT);
        if (attached(messageId) == null) {
            return;
        }
        if (!InterviewHub.AUDIO_FORMATS.contains(format)) {
            error(ErrorCode.UNSUPPORTED_AUDIO, "error.unsupported_audio", messageId);
            return;
        }
        audioMessageId = messageId;
        audioFormat = format;
    }

    private void confirm(JsonNode node) {
        String messageId = messageId(node);
        String action = required(node, "action", 64);
        InterviewId id = attached(messageId);
        if (id != null) {
            hub.bridge().handle(conversation, id, new InboundMessage.ButtonPress(MessageId.of(messageId), action));
        }
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

    // ------------------------------------------------------------------------------------------------ helpers

    private boolean admit() {
        if (limiter.tryAcquire()) {
            return true;
        }
        error(ErrorCode.RATE_LIMITED, "error.rate_limited", null);
        return false;
    }

    /** The attached interview, or null after sending {@code unauthorized}. */
    private @Nullable InterviewId attached(@Nullable String replyTo) {
        if (interview == null) {
            error(ErrorCode.UNAUTHORIZED, "error.no_interview", replyTo);
        }
        return interview;
    }

    private String messageId(JsonNode node) {
        String id = required(node, "clientMessageId", 128);
        try {
            MessageId.of(id);
        } catch (IllegalArgumentException e) {
            throw new FieldException("clientMessageId");
        }
        return id;
    }

    private static @Nullable String format(JsonNode node) {
        String format = optional(node, "format", 16);
        if (format != null && !format.equals("json") && !format.equals("markdown")) {
            throw new FieldException("format");
        }
        return format;
    }

    private static @Nullable Language language(JsonNode node) {
        String code = optional(node, "language", 8);
        if (code == null) {
            return null;
        }
        return switch (code.toLowerCase(Locale.ROOT)) {
            case "en" -> Language.ENGLISH;
            case "ru" -> Language.RUSSIAN;
            default -> throw new FieldException("language");
        };
    }

    private static Profile profile(@Nullable JsonNode node) {
        if (node == null || node.isNull()) {
            return Profile.EMPTY;
        }
        if (!node.isObject()) {
            throw new FieldException("profile");
        }
        JsonNode years = node.get("years_experience");
        Integer yearsValue = null;
        if (years != null && !years.isNull() && !(years.isTextual() && years.asText().isBlank())) {
            if (years.isInt() || (years.isTextual() && years.asText().strip().matches("\\d{1,2}"))) {
                yearsValue = years.isInt() ? years.asInt() : Integer.parseInt(years.asText().strip());
            } else {
                throw new FieldException("profile.years_experience");
            }
        }
        try {
            return new Profile(optional(node, "expert_name", 200), optional(node, "role_title", 200),
                    optional(node, "company", 200), optional(node, "industry", 200), yearsValue,
                    optional(node, "interview_goal", 200));
        } catch (IllegalArgumentException e) {
            throw new FieldException("profile");
        }
    }

    private static String required(JsonNode node, String field, int maxLength) {
        String value = optional(node, field, maxLength);
        if (value == null || value.isBlank()) {
            throw new FieldException(field);
        }
        return value;
    }

    private static @Nullable String optional(JsonNode node, String field, int maxLength) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual() || value.asText().length() > maxLength) {
            throw new FieldException(field);
        }
        return value.asText();
    }

    private void error(ErrorCode code, String key, @Nullable String replyTo, Object... args) {
        Language language = Language.ENGLISH;
        if (interview != null) {
            try {
                language = hub.engine().status(interview).language();
            } catch (RuntimeException e) {
                log.debug("{} language unknown: {}", conversation, e.toString());
            }
        }
        try {
            hub.channel().send(conversation, new OutboundEvent.Error(code, text(language, key, args), replyTo));
        } catch (RuntimeException e) {
            log.debug("{} error frame not delivered: {}", conversation, e.toString());
        }
    }

    /** Texts of the connection's own errors from this module's bundle; those of the SDK's error codes from core. */
    static String text(Language language, String key, Object... args) {
        ResourceBundle bundle = ResourceBundle.getBundle("dev.interviewagent.websocket.internal.messages",
                language.locale(), ResourceBundle.Control.getNoFallbackControl(
                        ResourceBundle.Control.FORMAT_PROPERTIES));
        if (!bundle.containsKey(key)) {
            return Messages.forLanguage(language).get(key, args);
        }
        String pattern = bundle.getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, language.locale()).format(args);
    }
}
