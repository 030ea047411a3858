package dev.interviewagent.samples.websocket;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The interview WebSocket endpoint at {@value #PATH}, written against the Jakarta WebSocket API only: a host deploys
 * it in any Jakarta container (Tomcat, Jetty, Undertow) with {@link #config(InterviewHub)}, e.g.
 * {@code serverContainer.addEndpoint(InterviewEndpoint.config(hub))}.
 *
 * <p>Messages are read as parts, so a frame over the limits is counted and dropped without buffering it, and the
 * connection stays usable (the client gets {@code too_large}). One instance per connection; the container calls it
 * from one thread at a time per session.
 */
public final class InterviewEndpoint extends Endpoint {

    /** Where the endpoint is mapped. */
    public static final String PATH = "/ws/interview";

    private static final Logger log = LoggerFactory.getLogger(InterviewEndpoint.class);

    private final InterviewHub hub;
    private InterviewConnection connection;

    public InterviewEndpoint(InterviewHub hub) {
        this.hub = Objects.requireNonNull(hub, "hub");
    }

    /**
     * The endpoint's configuration: path {@value #PATH} and a configurator that creates each endpoint with
     * {@code hub}, so nothing is looked up statically.
     */
    public static ServerEndpointConfig config(InterviewHub hub) {
        Objects.requireNonNull(hub, "hub");
        return ServerEndpointConfig.Builder.create(InterviewEndpoint.class, PATH)
                .configurator(new ServerEndpointConfig.Configurator() {
                    @Override
                    public <T> T getEndpointInstance(Class<T> endpointClass) {
                        return endpointClass.cast(new InterviewEndpoint(hub));
                    }
                })
                .build();
    }

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        ServerSettings settings = hub.settings();
        session.setMaxIdleTimeout(settings.idleTimeout().toMillis());
        // the container's own limits stay above ours, so we answer too_large instead of the container closing
        session.setMaxTextMessageBufferSize(Math.max(settings.maxTextBytes() * 16, 1024 * 1024));
        session.setMaxBinaryMessageBufferSize(settings.maxAudioBytes() + 8 * 1024 * 1024);
        connection = hub.open(frame -> send(session, frame));
        if (connection == null) {
            refuse(session);
            return;
        }
        session.addMessageHandler(String.class, new TextParts(connection, settings.maxTextBytes()));
        session.addMessageHandler(ByteBuffer.class, new BinaryParts(connection, settings.maxAudioBytes()));
    }

    @Override
    public void onClose(Session session, CloseReason closeReason) {
        if (connection != null) {
            hub.close(connection);
        }
    }

    @Override
    public void onError(Session session, Throwable error) {
        log.debug("connection error: {}", error.toString());
    }

    private void refuse(Session session) {
        String frame = hub.channel().json().toJson(new dev.interviewagent.core.channel.OutboundEvent.Error(
                dev.interviewagent.core.exception.ErrorCode.BUSY, InterviewConnection.text(
                        dev.interviewagent.core.Language.ENGLISH, "error.busy"), null));
        try {
            send(session, frame);
            session.close(new CloseReason(CloseReason.CloseCodes.TRY_AGAIN_LATER, "busy"));
        } catch (IOException | RuntimeException e) {
            log.debug("refusing a connection failed: {}", e.toString());
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
        private StringBuilder text;
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
        private ByteArrayOutputStream buffer;
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
