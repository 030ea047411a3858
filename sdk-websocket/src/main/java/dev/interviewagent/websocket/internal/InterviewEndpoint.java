package dev.interviewagent.websocket.internal;

import dev.interviewagent.core.Language;
import dev.interviewagent.core.channel.OutboundEvent;
import dev.interviewagent.core.exception.ErrorCode;
import dev.interviewagent.websocket.WebSocketSettings;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The interview WebSocket endpoint, written against the Jakarta WebSocket API only; hosts register it through
 * {@link dev.interviewagent.websocket.WebSocketInterviews#endpointConfig()}, whose configurator creates one instance
 * per connection with the hub.
 *
 * <p>Messages are read as parts: a text frame over the limit is counted and dropped without buffering it, and a
 * binary message is kept only when it is an announced recording (see {@link InterviewConnection#onBinaryPart}); the
 * connection stays usable either way. Frames go out through an {@link Outbound} queue and the container's
 * asynchronous sends. The container calls an instance from one thread at a time per session.
 */
public final class InterviewEndpoint extends Endpoint {

    private static final Logger log = LoggerFactory.getLogger(InterviewEndpoint.class);
    private static final CloseReason SHUTTING_DOWN = new CloseReason(CloseReason.CloseCodes.GOING_AWAY,
            "server shutting down");
    /**
     * Tomcat's bound on a blocking send, which its close handshake uses even when we send asynchronously (20 s by
     * default): a client that stopped reading then holds the closing thread this long at most. A plain user
     * property, ignored by other containers.
     */
    private static final String TOMCAT_BLOCKING_SEND_TIMEOUT = "org.apache.tomcat.websocket.BLOCKING_SEND_TIMEOUT";

    private final InterviewHub hub;
    // set on the container's thread in onOpen; read where the outbound queue gives up on the connection
    private volatile @Nullable InterviewConnection connection;
    private @Nullable Outbound outbound;

    public InterviewEndpoint(InterviewHub hub) {
        this.hub = Objects.requireNonNull(hub, "hub");
    }

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        WebSocketSettings settings = hub.settings();
        session.setMaxIdleTimeout(settings.idleTimeout().toMillis());
        session.getUserProperties().put(TOMCAT_BLOCKING_SEND_TIMEOUT, 2_000L);
        // The container's buffer sizes stay at their defaults on purpose: the partial handlers below get a message
        // in parts and keep at most our limit of it, so no container buffer ever holds a whole message, and a frame
        // over the limit gets too_large instead of a close. (Tomcat allocates the buffer size per session, so raising
        // it to the audio limit would cost every connection 25 MiB.)
        Outbound frames = new Outbound(session, settings.maxOutboundChars(), () -> {
            InterviewConnection gone = connection;
            if (gone != null) {
                hub.release(gone);
            }
        });
        outbound = frames;
        Map<String, Object> properties = new HashMap<>(config.getUserProperties());
        properties.putAll(session.getUserProperties());
        connection = hub.open(ClientAddresses.of(properties), frames::send, () -> {
            frames.discard();
            Outbound.close(session, SHUTTING_DOWN);
        });
        if (connection == null) {
            if (hub.isClosed()) {
                Outbound.close(session, SHUTTING_DOWN);
            } else {
                frames.send(hub.channel().json().toJson(new OutboundEvent.Error(ErrorCode.BUSY,
                        InterviewConnection.text(Language.ENGLISH, "error.busy"), null)));
                frames.closeWhenSent(new CloseReason(CloseReason.CloseCodes.TRY_AGAIN_LATER, "busy"));
            }
            return;
        }
        InterviewConnection opened = connection;
        session.addMessageHandler(String.class, new TextParts(opened, settings.maxTextBytes()));
        session.addMessageHandler(ByteBuffer.class, (MessageHandler.Partial<ByteBuffer>) opened::onBinaryPart);
    }

    @Override
    public void onClose(Session session, CloseReason closeReason) {
        if (outbound != null) {
            outbound.discard();
        }
        InterviewConnection closed = connection;
        if (closed != null) {
            hub.release(closed);
        }
    }

    @Override
    public void onError(Session session, Throwable error) {
        log.debug("connection error: {}", error.toString());
    }

    /** Collects a text message's parts up to the limit; counts and drops the rest. */
    private static final class TextParts implements MessageHandler.Partial<String> {
        private final InterviewConnection connection;
        private final int maxBytes;
        private @Nullable StringBuilder text;
        private long bytes;

        TextParts(InterviewConnection connection, int maxBytes) {
            this.connection = connection;
            this.maxBytes = maxBytes;
        }

        @Override
        public void onMessage(String part, boolean last) {
            bytes += utf8Length(part);
            if (bytes <= maxBytes) {
                if (text == null) {
                    if (last) { // the common case: one part, no copy
                        bytes = 0;
                        connection.onText(part);
                        return;
                    }
                    text = new StringBuilder();
                }
                text.append(part);
            } else {
                text = null;
            }
            if (last) {
                boolean tooLarge = bytes > maxBytes;
                String whole = text == null ? null : text.toString();
                text = null;
                bytes = 0;
                if (tooLarge) {
                    connection.onTextTooLarge();
                } else {
                    connection.onText(whole == null ? "" : whole);
                }
            }
        }

        private static long utf8Length(String s) {
            long n = s.length();
            for (int i = 0; i < s.length(); i++) {
                if (s.charAt(i) >= 0x80) {
                    return s.getBytes(StandardCharsets.UTF_8).length;
                }
            }
            return n;
        }
    }
}
