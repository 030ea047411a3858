package dev.interviewagent.bench.drill.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * One WebSocket connection of a respondent on the JDK's client. Frames go out one at a time and in order (the JDK
 * refuses a send while another is in flight); a text frame that arrives in parts is joined before the respondent
 * sees it, and a frame that is not JSON is reported rather than dropped silently.
 */
final class Connection implements WebSocket.Listener {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final long CLOSE_TIMEOUT_SECONDS = 5;

    /** What the connection tells its respondent. Called on the client's threads, one frame at a time. */
    interface Events {
        void frame(Connection connection, JsonNode frame);

        void unreadable(Connection connection, Exception error);

        void dropped(Connection connection);
    }

    private final Events events;
    private final StringBuilder partial = new StringBuilder();
    private volatile @Nullable WebSocket socket;
    private CompletableFuture<?> outbox = CompletableFuture.completedFuture(null);

    private Connection(Events events) {
        this.events = events;
    }

    /**
     * Connects to {@code uri} as a client at {@code address} (sent as {@code X-Forwarded-For}, so the server's
     * per-address limits see many people, not one machine).
     */
    static CompletableFuture<Connection> open(HttpClient http, URI uri, String address, Events events) {
        Connection connection = new Connection(events);
        return http.newWebSocketBuilder().connectTimeout(CONNECT_TIMEOUT).header("X-Forwarded-For", address)
                .buildAsync(uri, connection).thenApply(ws -> connection);
    }

    static ObjectNode frame(String type) {
        return JSON.createObjectNode().put("type", type);
    }

    synchronized void send(ObjectNode frame) {
        WebSocket ws = socket;
        if (ws != null) {
            String text = frame.toString();
            outbox = outbox.handle((x, e) -> null).thenCompose(x -> ws.sendText(text, true));
        }
    }

    synchronized void sendBinary(byte[] bytes) {
        WebSocket ws = socket;
        if (ws != null) {
            outbox = outbox.handle((x, e) -> null).thenCompose(x -> ws.sendBinary(ByteBuffer.wrap(bytes), true));
        }
    }

    /** Closes after the frames already queued have gone out; a peer that does not answer the close is cut off. */
    synchronized void close() {
        WebSocket ws = socket;
        socket = null;
        if (ws != null) {
            outbox.handle((x, e) -> null).thenCompose(x -> ws.sendClose(WebSocket.NORMAL_CLOSURE, "done"))
                    .orTimeout(CLOSE_TIMEOUT_SECONDS, TimeUnit.SECONDS).whenComplete((x, e) -> ws.abort());
        }
    }

    /** Cuts a connection that opened too late to be used. */
    void abort() {
        WebSocket ws = socket;
        socket = null;
        if (ws != null) {
            ws.abort();
        }
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        socket = webSocket;
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            String text = partial.toString();
            partial.setLength(0);
            JsonNode frame = null;
            try {
                frame = JSON.readTree(text);
            } catch (Exception e) {
                events.unreadable(this, e);
            }
            if (frame != null) {
                events.frame(this, frame);
            }
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        events.dropped(this);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        events.dropped(this);
    }
}
