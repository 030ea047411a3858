package dev.interviewagent.bench.drill.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.interviewagent.bench.drill.harness.RawHttpServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes OpenAI chat-completion responses as the published contract defines them: a
 * {@code CreateChatCompletionResponse} JSON object, or the {@code text/event-stream} of
 * {@code CreateChatCompletionStreamResponse} chunks ending with {@code data: [DONE]}, and OpenAI's error shape.
 */
public final class Completions {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong IDS = new AtomicLong();

    private Completions() {
    }

    /** The model "says" {@code content}, whole or streamed in small pieces. */
    public static void reply(ChatRequest request, RawHttpServer.Response response, String content)
            throws IOException {
        if (request.stream()) {
            response.startStream("text/event-stream");
            for (String piece : pieces(content)) {
                response.chunk("data: " + chunk(piece, null) + "\n\n");
            }
            response.chunk("data: " + chunk(null, "stop") + "\n\n");
            response.chunk("data: [DONE]\n\n");
            response.endStream();
        } else {
            response.send(200, "application/json", completion(content).getBytes(StandardCharsets.UTF_8), Map.of());
        }
    }

    /**
     * Sends the first {@code chars} characters of {@code content} (streamed) or of its JSON body, then cuts the
     * connection: a stream without its last chunk and {@code [DONE]}, or a body shorter than its length.
     */
    public static void cut(ChatRequest request, RawHttpServer.Response response, String content, int chars)
            throws IOException {
        if (request.stream()) {
            response.startStream("text/event-stream");
            for (String piece : pieces(content.substring(0, chars))) {
                response.chunk("data: " + chunk(piece, null) + "\n\n");
            }
        } else {
            byte[] whole = completion(content).getBytes(StandardCharsets.UTF_8);
            byte[] part = java.util.Arrays.copyOf(whole, Math.min(whole.length - 1, chars));
            response.sendShort(200, "application/json", part, whole.length);
        }
    }

    /** An HTTP error with OpenAI's error body. */
    public static void error(RawHttpServer.Response response, int status, Map<String, String> headers)
            throws IOException {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode error = root.putObject("error");
        error.put("message", status == 429 ? "Rate limit reached, retry later" : "The server had an error");
        error.put("type", status == 429 ? "rate_limit_exceeded" : "server_error");
        error.putNull("param");
        error.putNull("code");
        response.send(status, "application/json", root.toString().getBytes(StandardCharsets.UTF_8), headers);
    }

    static String completion(String content) {
        ObjectNode root = JSON.createObjectNode();
        root.put("id", "chatcmpl-drill-" + IDS.incrementAndGet());
        root.put("object", "chat.completion");
        root.put("created", 1_764_000_000L);
        root.put("model", "drill-model");
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0);
        ObjectNode message = choice.putObject("message");
        message.put("role", "assistant");
        message.put("content", content);
        message.putNull("refusal");
        choice.putNull("logprobs");
        choice.put("finish_reason", "stop");
        ObjectNode usage = root.putObject("usage");
        usage.put("prompt_tokens", 900);
        usage.put("completion_tokens", 120);
        usage.put("total_tokens", 1020);
        return root.toString();
    }

    private static String chunk(String piece, String finish) {
        ObjectNode chunk = JSON.createObjectNode();
        chunk.put("id", "chatcmpl-drill-stream");
        chunk.put("object", "chat.completion.chunk");
        chunk.put("created", 1_764_000_000L);
        chunk.put("model", "drill-model");
        ObjectNode choice = chunk.putArray("choices").addObject();
        choice.put("index", 0);
        ObjectNode delta = choice.putObject("delta");
        if (piece != null) {
            delta.put("content", piece);
        }
        if (finish == null) {
            choice.putNull("finish_reason");
        } else {
            choice.put("finish_reason", finish);
        }
        return chunk.toString();
    }

    private static java.util.List<String> pieces(String content) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < content.length(); i += 12) {
            out.add(content.substring(i, Math.min(content.length(), i + 12)));
        }
        return out;
    }
}
