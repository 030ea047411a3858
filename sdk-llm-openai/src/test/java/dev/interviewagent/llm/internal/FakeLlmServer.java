package dev.interviewagent.llm.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A local HTTP server that follows the providers' published contracts closely enough to test the brain offline:
 * OpenAI's {@code POST /chat/completions} (JSON, or server-sent events {@code data: {...}} chunks ending with
 * {@code data: [DONE]} when {@code stream} is true) and Anthropic's {@code POST /v1/messages} (JSON, or the
 * {@code message_start} … {@code message_stop} event stream). It checks each request's shape (auth headers, model,
 * messages and roles, response_format / max_tokens) and records violations, answers from a per-test script, and
 * falls back to a default responder when the script is empty.
 */
final class FakeLlmServer implements AutoCloseable {

    enum Dialect { OPENAI, ANTHROPIC }

    static final String KEY = "sk-test-123";
    static final String MODEL = "model-under-test";

    /** One scripted response. */
    sealed interface Step permits Reply, Fail, FailWithBody, Slow {
    }

    /** The model "says" {@code content}. */
    record Reply(String content) implements Step {
    }

    /** An HTTP error. */
    record Fail(int status, Map<String, String> headers) implements Step {
    }

    /** An HTTP error with the given body, as a provider or a proxy in front of it would send it. */
    record FailWithBody(int status, String contentType, String body) implements Step {
    }

    /** Waits, then answers with {@code then}. */
    record Slow(Duration delay, Step then) implements Step {
    }

    /** One request as received. */
    record Recorded(String path, Map<String, String> headers, JsonNode body, long atNanos) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> OPENAI_ROLES = Set.of("developer", "system", "user", "assistant", "tool",
            "function");

    private final Dialect dialect;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final ConcurrentLinkedQueue<Step> script = new ConcurrentLinkedQueue<>();
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private final List<String> violations = new CopyOnWriteArrayList<>();
    private volatile Function<Recorded, String> responder = Responders.valid();

    FakeLlmServer(Dialect dialect) {
        this.dialect = dialect;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** The base URL the brain is configured with. */
    String baseUrl() {
        String root = "http://127.0.0.1:" + server.getAddress().getPort();
        return dialect == Dialect.OPENAI ? root : root + "/v1/";
    }

    FakeLlmServer then(Step... steps) {
        Collections.addAll(script, steps);
        return this;
    }

    FakeLlmServer respondWith(Function<Recorded, String> responder) {
        this.responder = responder;
        return this;
    }

    List<Recorded> requests() {
        return List.copyOf(requests);
    }

    Recorded last() {
        return requests.get(requests.size() - 1);
    }

    List<String> violations() {
        return List.copyOf(violations);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    // ------------------------------------------------------------------------------------------------ handling

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] raw = exchange.getRequestBody().readAllBytes();
            Map<String, String> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((name, values) ->
                    headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
            JsonNode body;
            try {
                body = JSON.readTree(raw);
            } catch (IOException e) {
                violations.add("body is not JSON");
                send(exchange, 400, Map.of(), error(400, "Invalid JSON"));
                return;
            }
            Recorded recorded = new Recorded(exchange.getRequestURI().getPath(), headers, body, System.nanoTime());
            requests.add(recorded);
            List<String> problems = check(exchange.getRequestMethod(), recorded);
            if (!problems.isEmpty()) {
                violations.addAll(problems);
                send(exchange, dialect == Dialect.OPENAI ? 422 : 400, Map.of(), error(400, problems.get(0)));
                return;
            }
            Step step = script.poll();
            if (step == null) {
                step = new Reply(responder.apply(recorded));
            }
            answer(exchange, recorded, step);
        }
    }

    private void answer(HttpExchange exchange, Recorded request, Step step) throws IOException {
        if (step instanceof Slow slow) {
            try {
                TimeUnit.NANOSECONDS.sleep(slow.delay().toNanos());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            answer(exchange, request, slow.then());
        } else if (step instanceof Fail fail) {
            send(exchange, fail.status(), fail.headers(), error(fail.status(), "scripted failure"));
        } else if (step instanceof FailWithBody fail) {
            byte[] bytes = fail.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", fail.contentType());
            exchange.sendResponseHeaders(fail.status(), bytes.length);
            exchange.getResponseBody().write(bytes);
        } else if (step instanceof Reply reply) {
            boolean stream = request.body().path("stream").asBoolean(false);
            if (stream) {
                stream(exchange, reply.content());
            } else {
                String json = dialect == Dialect.OPENAI ? openAiCompletion(reply.content())
                        : anthropicMessage(reply.content());
                if (dialect == Dialect.OPENAI) {
                    JsonNode parsed = JSON.readTree(json);
                    OpenAiSpec.get().ifPresent(spec -> spec.checkResponse(parsed)
                            .forEach(v -> violations.add("our CreateChatCompletionResponse: " + v)));
                }
                send(exchange, 200, Map.of(), json);
            }
        }
    }

    private List<String> check(String method, Recorded r) {
        List<String> problems = new ArrayList<>();
        if (!"POST".equals(method)) {
            problems.add("method must be POST, was " + method);
        }
        String contentType = r.header("content-type");
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            problems.add("content-type must be application/json, was " + contentType);
        }
        JsonNode body = r.body();
        if (!body.path("model").isTextual() || body.path("model").asText().isBlank()) {
            problems.add("model is required");
        }
        JsonNode messages = body.path("messages");
        if (!messages.isArray() || messages.isEmpty()) {
            problems.add("messages must be a non-empty array");
        }
        if (dialect == Dialect.OPENAI) {
            if (!r.path().equals("/chat/completions")) {
                problems.add("path must be /chat/completions, was " + r.path());
            }
            if (!("Bearer " + KEY).equals(r.header("authorization"))) {
                problems.add("Authorization must be Bearer <key>");
            }
            for (JsonNode m : messages) {
                if (!OPENAI_ROLES.contains(m.path("role").asText())) {
                    problems.add("messages[].role must be one of " + OPENAI_ROLES);
                }
                if (m.path("content").isMissingNode()) {
                    problems.add("messages[].content is required");
                }
            }
            OpenAiSpec.get().ifPresent(spec -> spec.checkRequest(body)
                    .forEach(v -> problems.add("CreateChatCompletionRequest: " + v)));
            JsonNode format = body.path("response_format");
            if (!format.isMissingNode()) {
                String type = format.path("type").asText();
                if (!Set.of("text", "json_object", "json_schema").contains(type)) {
                    problems.add("response_format.type must be text, json_object or json_schema");
                }
                if (type.equals("json_schema") && (!format.path("json_schema").path("name").isTextual()
                        || !format.path("json_schema").path("schema").isObject())) {
                    problems.add("response_format.json_schema needs name and schema");
                }
            }
        } else {
            if (!r.path().equals("/v1/messages")) {
                problems.add("path must be /v1/messages, was " + r.path());
            }
            if (!KEY.equals(r.header("x-api-key"))) {
                problems.add("x-api-key must carry the key");
            }
            if (r.header("anthropic-version") == null) {
                problems.add("anthropic-version header is required");
            }
            if (!body.path("max_tokens").canConvertToInt() || body.path("max_tokens").asInt() < 1) {
                problems.add("max_tokens is required");
            }
            for (JsonNode m : messages) {
                if (!Set.of("user", "assistant").contains(m.path("role").asText())) {
                    problems.add("messages[].role must be user or assistant");
                }
            }
            if (messages.isArray() && !messages.isEmpty() && !"user".equals(messages.get(0).path("role").asText())) {
                problems.add("the first message must be the user's");
            }
        }
        return problems;
    }

    // ------------------------------------------------------------------------------------------------ bodies

    private String openAiCompletion(String content) {
        ObjectNode root = JSON.createObjectNode();
        root.put("id", "chatcmpl-" + requests.size());
        root.put("object", "chat.completion");
        root.put("created", 1_764_000_000L);
        root.put("model", MODEL);
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0);
        ObjectNode message = choice.putObject("message");
        message.put("role", "assistant");
        message.put("content", content);
        message.putNull("refusal");
        choice.putNull("logprobs");
        choice.put("finish_reason", "stop");
        ObjectNode usage = root.putObject("usage");
        usage.put("prompt_tokens", 100);
        usage.put("completion_tokens", 50);
        usage.put("total_tokens", 150);
        return root.toString();
    }

    private String anthropicMessage(String content) {
        ObjectNode root = JSON.createObjectNode();
        root.put("id", "msg_" + requests.size());
        root.put("type", "message");
        root.put("role", "assistant");
        root.put("model", MODEL);
        ObjectNode text = root.putArray("content").addObject();
        text.put("type", "text");
        text.put("text", content);
        root.put("stop_reason", "end_turn");
        root.putNull("stop_sequence");
        ObjectNode usage = root.putObject("usage");
        usage.put("input_tokens", 100);
        usage.put("output_tokens", 50);
        return root.toString();
    }

    private String error(int status, String message) {
        ObjectNode root = JSON.createObjectNode();
        if (dialect == Dialect.OPENAI) {
            ObjectNode error = root.putObject("error");
            error.put("message", message);
            error.put("type", status == 429 ? "rate_limit_exceeded" : "server_error");
            error.putNull("param");
            error.putNull("code");
        } else {
            root.put("type", "error");
            ObjectNode error = root.putObject("error");
            error.put("type", status == 429 ? "rate_limit_error" : status >= 500 ? "api_error"
                    : "invalid_request_error");
            error.put("message", message);
        }
        return root.toString();
    }

    private void stream(HttpExchange exchange, String content) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        List<String> pieces = new ArrayList<>();
        for (int i = 0; i < content.length(); i += 7) {
            pieces.add(content.substring(i, Math.min(content.length(), i + 7)));
        }
        if (dialect == Dialect.OPENAI) {
            for (int i = 0; i < pieces.size(); i++) {
                ObjectNode chunk = openAiChunk();
                ObjectNode choice = (ObjectNode) chunk.path("choices").get(0);
                ObjectNode delta = choice.putObject("delta");
                if (i == 0) {
                    delta.put("role", "assistant");
                }
                delta.put("content", pieces.get(i));
                choice.putNull("finish_reason");
                write(out, null, chunk.toString());
            }
            ObjectNode last = openAiChunk();
            ObjectNode choice = (ObjectNode) last.path("choices").get(0);
            choice.putObject("delta");
            choice.put("finish_reason", "stop");
            write(out, null, last.toString());
            write(out, null, "[DONE]");
        } else {
            ObjectNode start = JSON.createObjectNode();
            start.put("type", "message_start");
            ObjectNode message = start.putObject("message");
            message.put("id", "msg_" + requests.size());
            message.put("type", "message");
            message.put("role", "assistant");
            message.put("model", MODEL);
            message.putArray("content");
            message.putNull("stop_reason");
            message.putObject("usage").put("input_tokens", 100).put("output_tokens", 1);
            write(out, "message_start", start.toString());
            write(out, "content_block_start",
                    "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}");
            for (String piece : pieces) {
                ObjectNode delta = JSON.createObjectNode();
                delta.put("type", "content_block_delta");
                delta.put("index", 0);
                delta.putObject("delta").put("type", "text_delta").put("text", piece);
                write(out, "content_block_delta", delta.toString());
            }
            write(out, "content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}");
            write(out, "message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\","
                    + "\"stop_sequence\":null},\"usage\":{\"output_tokens\":50}}");
            write(out, "message_stop", "{\"type\":\"message_stop\"}");
        }
        out.flush();
    }

    private ObjectNode openAiChunk() {
        ObjectNode chunk = JSON.createObjectNode();
        chunk.put("id", "chatcmpl-" + requests.size());
        chunk.put("object", "chat.completion.chunk");
        chunk.put("created", 1_764_000_000L);
        chunk.put("model", MODEL);
        ArrayNode choices = chunk.putArray("choices");
        choices.addObject().put("index", 0);
        return chunk;
    }

    private static void write(OutputStream out, String event, String data) throws IOException {
        StringBuilder frame = new StringBuilder();
        if (event != null) {
            frame.append("event: ").append(event).append('\n');
        }
        frame.append("data: ").append(data).append("\n\n");
        out.write(frame.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void send(HttpExchange exchange, int status, Map<String, String> headers, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        headers.forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    // ------------------------------------------------------------------------------------------------ reading

    /** The system prompt the request carried. */
    static String systemPrompt(Recorded r) {
        JsonNode system = r.body().path("system");
        if (!system.isMissingNode()) {
            return text(system);
        }
        for (JsonNode m : r.body().path("messages")) {
            if ("system".equals(m.path("role").asText()) || "developer".equals(m.path("role").asText())) {
                return text(m.path("content"));
            }
        }
        return "";
    }

    /** The text of the n-th user message (0-based). */
    static String userMessage(Recorded r, int n) {
        int seen = 0;
        for (JsonNode m : r.body().path("messages")) {
            if ("user".equals(m.path("role").asText())) {
                if (seen++ == n) {
                    return text(m.path("content"));
                }
            }
        }
        return "";
    }

    /** The roles of the messages, in order. */
    static List<String> roles(Recorded r) {
        List<String> roles = new ArrayList<>();
        r.body().path("messages").forEach(m -> roles.add(m.path("role").asText()));
        return roles;
    }

    /** The context JSON the brain sent in the first user message. */
    static JsonNode context(Recorded r) {
        String user = userMessage(r, 0);
        int start = user.indexOf("<context>");
        int end = user.indexOf("</context>");
        try {
            return JSON.readTree(user.substring(start + "<context>".length(), end));
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("no context in the user message", e);
        }
    }

    private static String text(JsonNode content) {
        if (content.isTextual()) {
            return content.asText();
        }
        StringBuilder out = new StringBuilder();
        for (JsonNode part : content) {
            out.append(part.path("text").asText());
        }
        return out.toString();
    }
}
