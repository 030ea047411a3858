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
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The interview WebSocket endpoint, written against the Jakarta WebSocket API only; hosts register it through
 * {@link dev.interviewagent.websocket.WebSocketInterviews#endpointConfig()}, whose configurator creates one instance
 * per connection with the hub.
 *
 * <p>Messages are read as parts, so a frame over the limits is counted and dropped without buffering it, and the
 * connection stays usable (the client gets {@code too_large}). The container calls an instance from one thread at a
 * time per session.
 */
public final class InterviewEndpoint extends Endpoint {

    private static final Logger log = LoggerFactory.getLogger(InterviewEndpoint.class);

    private final InterviewHub hub;
    private @Nullable InterviewConnection connection;

    public InterviewEndpoint(InterviewHub hub) {
        this.hub = Objects.requireNonNull(hub, "hub");
    }

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        WebSocketSettings settings = hub.settings();
        session.setMaxIdleTimeout(settings.idleTimeout().toMillis());
        // The container's buffer sizes stay at their defaults on purpose: the partial handlers below get a message
        // in parts and keep at most our limit of it, so no container buffer ever holds a whole message, and a frame
        // over the limit gets too_large instead of a close. (Tomcat allocates the buffer size per session, so raising
        // it to the audio limit would cost every connection 25 MiB.)
        connection = hub.open(frame -> send(session, frame), () -> closeQuietly(session,
                new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "server shutting down")));
        if (connection == null) {
            if (hub.isClosed()) {
                closeQuietly(session, new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "server shutting down"));
            } else {
                refuse(session);
            }
            return;
        }
        session.addMessageHandler(String.class, new TextParts(connection, settings.maxTextBytes()));
        session.addMessageHandler(ByteBuffer.class, new BinaryParts(connection, settings.maxAudioBytes()));
    }

    @Override
    public void onClose(Session session, CloseReason closeReason) {
        if (connection != null) {
            hub.release(connection.conversation());
        }
    }

    @Override
    public void onError(Session session, Throwable error) {
        log.debug("connection error: {}", error.toString());
    }

    private void refuse(Session session) {
        String frame = hub.channel().json().toJson(new OutboundEvent.Error(ErrorCode.BUSY,
                InterviewConnection.text(Language.ENGLISH, "error.busy"), null));
        try {
            send(session, frame);
        } catch (RuntimeException e) {
            log.debug("refusing a connection failed: {}", e.toString());
        }
        closeQuietly(session, new CloseReason(CloseReason.CloseCodes.TRY_AGAIN_LATER, "busy"));
    }

    private static void closeQuietly(Session session, CloseReason reason) {
        try {
            session.close(reason);
        } catch (IOException | RuntimeException e) {
            log.debug("closing a connection failed: {}", e.toString());
        }
    }

    private static void send(Session session, String frame) {
        // Basic remote allows one writer at a time; bridge events and pongs may come from different threads.
        synchronized (session) {
            try {
                session.getBasicRemote().sendText(frame);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
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

    /** Collects a binary message's parts up to the limit; counts and drops the rest. */
    private static final class BinaryParts implements MessageHandler.Partial<ByteBuffer> {
        private final InterviewConnection connection;
        private final int maxBytes;
        private @Nullable ByteArrayOutputStream buffer;
        private long bytes;

        BinaryParts(InterviewConnection connection, int maxBytes) {
            this.connection = connection;
            this.maxBytes = maxBytes;
        }

        @Override
        public void onMessage(ByteBuffer part, boolean last) {
            bytes += part.remaining();
            if (bytes <= maxBytes) {
                if (buffer == null) {
                    buffer = new ByteArrayOutputStream(Math.max(part.remaining(), 1024));
                }
                byte[] chunk = new byte[part.remaining()];
                part.get(chunk);
                buffer.writeBytes(chunk);
            } else {
                buffer = null;
            }
            if (last) {
                boolean tooLarge = bytes > maxBytes;
                byte[] whole = buffer == null ? new byte[0] : buffer.toByteArray();
                buffer = null;
                bytes = 0;
                if (tooLarge) {
                    connection.onBinaryTooLarge();
                } else {
                    connection.onBinary(whole);
                }
            }
        }
    }
}
