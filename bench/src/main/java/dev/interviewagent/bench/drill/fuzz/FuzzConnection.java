package dev.interviewagent.bench.drill.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One connection of a {@link FrameWorker} to the WebSocket sample, with what docs/protocol.md promises checked on
 * it: the error of the documented code for the right {@code replyTo}, the documented reply, a {@code pong}, a close.
 * Every frame sent and every miss goes into the {@link Tally}.
 */
final class FuzzConnection implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long REPLY_MS = 15_000;

    private final RawWebSocket ws;
    private final Tally tally;
    /** Closed by the server (then never closed again here), or by {@link #close()}. */
    private boolean closedByServer;
    private boolean closed;

    FuzzConnection(RawWebSocket ws, Tally tally) {
        this.ws = ws;
        this.tally = tally;
    }

    /** Whether the connection can still be used: neither side closed it. */
    boolean isOpen() {
        return !closed && !closedByServer;
    }

    @Override
    public void close() {
        if (!closed && !closedByServer) {
            ws.close();
        }
        closed = true;
    }

    /** A text frame of raw bytes, UTF-8 or not, counted as sent. */
    void sendRawText(byte[] payload) throws IOException {
        tally.count("frames");
        ws.send(RawWebSocket.TEXT, payload);
    }

    void send(ObjectNode frame) throws IOException {
        send(frame.toString());
    }

    void send(String text) throws IOException {
        tally.count("frames");
        ws.sendText(text);
    }

    void sendBinary(byte[] bytes) throws IOException {
        tally.count("frames");
        ws.send(RawWebSocket.BINARY, bytes);
    }

    void expectError(String code, @Nullable String replyTo, String what) throws IOException {
        JsonNode reply = awaitAny(List.of("error"), replyTo, what);
        if (reply == null) {
            return;
        }
        if (!reply.path("code").asText().equals(code)) {
            tally.problem(what + ": expected " + code + ", got " + reply.path("code").asText() + " ("
                    + reply.path("message").asText() + ")");
        } else if (reply.path("message").asText().isBlank()) {
            tally.problem(what + ": error " + code + " without a message to show");
        } else {
            tally.met();
        }
    }

    void awaitReply(String type, @Nullable String replyTo, String what) throws IOException {
        JsonNode reply = awaitAny(List.of(type, "error"), replyTo, what);
        if (reply != null && reply.path("type").asText().equals("error")) {
            tally.problem(what + ": expected " + type + ", got error " + reply.path("code").asText());
        } else if (reply != null) {
            tally.met();
        }
    }

    @Nullable JsonNode await(String type, @Nullable String replyTo, String what) throws IOException {
        JsonNode reply = awaitAny(List.of(type, "error"), replyTo, what);
        if (reply != null && reply.path("type").asText().equals("error")) {
            tally.problem(what + ": expected " + type + ", got error " + reply.path("code").asText());
            return null;
        }
        return reply;
    }

    /**
     * The first frame of one of {@code types} that answers {@code replyTo} (any of them when null, but an error must
     * then have no {@code replyTo}); other frames are skipped. Null, with a problem counted, when none came in time
     * or the connection closed.
     */
    @Nullable JsonNode awaitAny(List<String> types, @Nullable String replyTo, String what)
            throws IOException {
        long deadline = System.currentTimeMillis() + REPLY_MS;
        while (true) {
            long left = deadline - System.currentTimeMillis();
            RawWebSocket.Frame frame;
            try {
                frame = left <= 0 ? null : ws.next(left);
            } catch (RawWebSocket.Closed e) {
                tally.problem(what + ": the server closed the connection (" + e.code + ")");
                closedByServer = true;
                throw new IOException("closed", e);
            }
            if (frame == null) {
                tally.problem(what + ": no " + types + (replyTo == null ? "" : " for " + replyTo) + " within "
                        + REPLY_MS / 1000 + " s");
                return null;
            }
            if (frame.opcode() != RawWebSocket.TEXT) {
                tally.problem(what + ": a binary frame from the server");
                continue;
            }
            JsonNode node;
            try {
                node = JSON.readTree(frame.text());
            } catch (IOException e) {
                tally.problem(what + ": the server sent a frame that is not JSON");
                continue;
            }
            String type = node.path("type").asText();
            if (type.equals("error")) {
                tally.error(node.path("code").asText());
            }
            if (!types.contains(type)) {
                continue;
            }
            String to = node.path("replyTo").isTextual() ? node.path("replyTo").asText() : null;
            boolean answers = type.equals("error") || type.equals("question") || type.equals("transcript")
                    || type.equals("export") || type.equals("deleted")
                    ? Objects.equals(to, replyTo) : true;
            if (answers) {
                return node;
            }
        }
    }

    void expectPong(String what) throws IOException {
        send("{\"type\":\"ping\"}");
        if (awaitAny(List.of("pong"), null, what) != null) {
            tally.met();
        }
    }

    /** The server must close this connection (1007 for text that is not UTF-8, RFC 6455 §8.1). */
    void expectClose(String what) {
        long deadline = System.currentTimeMillis() + REPLY_MS;
        try {
            while (System.currentTimeMillis() < deadline) {
                RawWebSocket.Frame frame = ws.next(deadline - System.currentTimeMillis());
                if (frame == null) {
                    break;
                }
            }
            tally.problem(what + ": the connection stayed open");
        } catch (RawWebSocket.Closed e) {
            tally.count("closed " + e.code);
            if (e.code == 1007) {
                tally.met();
            } else {
                tally.problem(what + ": closed with " + e.code + " instead of 1007");
            }
        } catch (IOException e) {
            tally.problem(what + ": " + e);
        }
        close();
    }

    /**
     * Reads the replies to {@code pings} pings sent at once (each a {@code pong} or an error); returns how many were
     * {@code rate_limited}. A ping that got neither within 15 s is a miss.
     */
    long floodReplies(int pings) throws IOException {
        long deadline = System.currentTimeMillis() + REPLY_MS;
        long limited = 0;
        int replies = 0;
        while (replies < pings && System.currentTimeMillis() < deadline) {
            RawWebSocket.Frame frame = ws.next(deadline - System.currentTimeMillis());
            if (frame == null) {
                break;
            }
            JsonNode node = JSON.readTree(frame.text());
            String type = node.path("type").asText();
            if (type.equals("error")) {
                tally.error(node.path("code").asText());
                limited += node.path("code").asText().equals("rate_limited") ? 1 : 0;
                replies++;
            } else if (type.equals("pong")) {
                replies++;
            }
        }
        if (replies < pings) {
            tally.problem("a flood of " + pings + " pings: " + replies + " replies within " + REPLY_MS / 1000 + " s");
        }
        return limited;
    }
}
