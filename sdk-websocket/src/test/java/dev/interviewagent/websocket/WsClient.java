package dev.interviewagent.websocket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A test client on the JDK's own WebSocket: sends frames, collects the server's frames in order. Public in this
 * module's test-jar, so the sample server's tests drive their server with the same client.
 */
public final class WsClient implements AutoCloseable {

    public static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final WebSocket socket;
    private final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final List<JsonNode> seen = new ArrayList<>();
    private final BlockingQueue<ByteBuffer> pongs = new LinkedBlockingQueue<>();
    private final boolean reading;

    private WsClient(HttpClient http, URI uri, Map<String, String> headers, boolean reading) {
        this.reading = reading;
        WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        headers.forEach(builder::header);
        this.socket = builder.buildAsync(uri, new Listener()).join();
    }

    public static WsClient connect(URI uri) {
        return new WsClient(HttpClient.newHttpClient(), uri, Map.of(), true);
    }

    public static WsClient connect(URI uri, String origin) {
        return new WsClient(HttpClient.newHttpClient(), uri, Map.of("Origin", origin), true);
    }

    public static WsClient connect(URI uri, Map<String, String> headers) {
        return new WsClient(HttpClient.newHttpClient(), uri, headers, true);
    }

    /** A client on {@code http}: many clients share one HTTP client (and its one selector thread). */
    public static WsClient connect(HttpClient http, URI uri) {
        return new WsClient(http, uri, Map.of(), true);
    }

    /** A client that reads the first frame the server sends and then nothing more (its socket buffers fill up). */
    public static WsClient connectNotReading(URI uri) {
        return new WsClient(HttpClient.newHttpClient(), uri, Map.of(), false);
    }

    public WsClient send(String frame) {
        socket.sendText(frame, true).join();
        return this;
    }

    public WsClient send(ObjectNode frame) {
        return send(frame.toString());
    }

    public WsClient sendBinary(byte[] bytes) {
        socket.sendBinary(ByteBuffer.wrap(bytes), true).join();
        return this;
    }

    /** One part of a binary message: the message goes on until a part with {@code last}. */
    public WsClient sendBinary(byte[] bytes, boolean last) {
        socket.sendBinary(ByteBuffer.wrap(bytes), last).join();
        return this;
    }

    /**
     * A WebSocket ping and its pong, answered by the container itself: control frames may come between the parts of
     * a message, and the container reads frames in order, so when this returns, the server's handlers have had
     * every frame sent before it.
     */
    public WsClient roundTrip() {
        socket.sendPing(ByteBuffer.wrap(new byte[] {42})).join();
        try {
            if (pongs.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS) == null) {
                throw new AssertionError("no pong within " + WAIT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        return this;
    }

    public static ObjectNode frame(String type) {
        return JSON.createObjectNode().put("type", type);
    }

    /** The next frame, whatever its type. */
    public JsonNode next() {
        try {
            JsonNode node = frames.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (node == null) {
                throw new AssertionError("no frame within " + WAIT + "; seen " + seen);
            }
            seen.add(node);
            return node;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The next frame of {@code type}, skipping others (deltas, stage changes) on the way. */
    public JsonNode next(String type) {
        while (true) {
            JsonNode node = next();
            if (node.path("type").asText().equals(type)) {
                return node;
            }
            if (node.path("type").asText().equals("error") && !type.equals("error")) {
                throw new AssertionError("expected " + type + " but got " + node);
            }
        }
    }

    /** Frames up to and including the next {@code question} or {@code completed}. */
    public List<JsonNode> untilReply() {
        List<JsonNode> got = new ArrayList<>();
        while (true) {
            JsonNode node = next();
            got.add(node);
            String type = node.path("type").asText();
            if (type.equals("question") || type.equals("completed") || type.equals("error")) {
                return got;
            }
        }
    }

    /** Nothing else arrives within {@code millis}. */
    public JsonNode poll(long millis) throws InterruptedException {
        return frames.poll(millis, TimeUnit.MILLISECONDS);
    }

    public boolean isOpen() {
        return !socket.isInputClosed() && !socket.isOutputClosed() && !closed.isDone();
    }

    public int awaitClose() {
        return closed.orTimeout(10, TimeUnit.SECONDS).join();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(e -> null);
        }
        socket.abort();
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                try {
                    frames.add(JSON.readTree(text.toString()));
                } catch (Exception e) {
                    frames.add(JSON.createObjectNode().put("type", "unparseable").put("raw", text.toString()));
                }
                text.setLength(0);
            }
            if (reading) {
                webSocket.request(1);
            }
            return null;
        }

        @Override
        public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
            pongs.add(message);
            if (reading) {
                webSocket.request(1);
            }
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(-1);
        }
    }
}
