package dev.interviewagent.telegram.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.interviewagent.core.spi.testkit.Multipart;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * A local HTTP server that follows the Telegram Bot API closely enough for the channel's tests: {@code POST
 * /bot<token>/<method>} with JSON, urlencoded or multipart bodies, replies {@code {"ok":true,"result":...}} or
 * {@code {"ok":false,"error_code":...}}, files at {@code /file/bot<token>/<path>}. Every call is checked against
 * the required fields of {@code telegram-bot-api.json} (400 if one is missing, 404 for an unknown method), texts
 * over 4096 characters and callback data over 64 bytes are refused as Telegram does, and every call is recorded.
 * {@code getUpdates} long-polls a queue the test fills; 429s and network failures can be scripted.
 */
public final class FakeBotApi implements AutoCloseable {

    /** One recorded call. */
    public record Call(String method, ObjectNode params, Map<String, byte[]> files, int status) {
        public String text() {
            return params.path("text").asText(null);
        }

        public String chatId() {
            return params.path("chat_id").asText(null);
        }

        /** The uploaded bytes of a file field ({@code attach://name} references resolved), or null. */
        public byte[] file(String field) {
            String value = params.path(field).asText("");
            if (value.startsWith("attach://")) {
                return files.get(value.substring("attach://".length()));
            }
            return files.get(field);
        }

        /** The file name of an uploaded file field, or null. */
        public String fileName(String field) {
            String value = params.path(field).asText("");
            String part = value.startsWith("attach://") ? value.substring("attach://".length()) : field;
            return params.path(part + "#filename").asText(null);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> CHECKED_LENGTH = Set.of("sendMessage", "editMessageText");

    private final String token;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fake-bot-api");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, List<String>> requiredFields = new HashMap<>();
    private final Map<String, String> canonicalNames = new HashMap<>();
    private final Object lock = new Object();
    private final List<Call> calls = new ArrayList<>();
    private final Deque<ObjectNode> updates = new ArrayDeque<>();
    private final Map<String, Deque<Integer>> scripted = new HashMap<>();
    private final Map<String, ObjectNode> files = new HashMap<>();
    private final Map<String, byte[]> fileBytes = new HashMap<>();
    private final AtomicInteger nextUpdateId = new AtomicInteger(1000);
    private final AtomicInteger nextMessageId = new AtomicInteger(1);
    private final AtomicLong confirmedOffset = new AtomicLong();
    private volatile int retryAfterSeconds = 1;

    private FakeBotApi(String token) throws IOException {
        this.token = token;
        loadSpec();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts a fake for this bot token on a free local port. */
    public static FakeBotApi start(String token) {
        try {
            return new FakeBotApi(token);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code http://127.0.0.1:<port>}: what the channel's {@code apiUrl} is set to. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    // ------------------------------------------------------------------------------------------ the spec

    /** Finds {@code shared/specs/telegram-bot-api.json} from the module or repository directory. */
    public static Path specFile() {
        return shared("specs/telegram-bot-api.json");
    }

    /** A file under the shared directory next to the repository (specs, fixtures). */
    public static Path shared(String relative) {
        String override = System.getenv("INTERVIEW_SHARED_DIR");
        List<Path> candidates = new ArrayList<>();
        if (override != null) {
            candidates.add(Path.of(override).resolve(relative));
        }
        Path dir = Path.of("").toAbsolutePath();
        for (int i = 0; i < 5 && dir != null; i++, dir = dir.getParent()) {
            candidates.add(dir.resolve("shared").resolve(relative));
            candidates.add(dir.resolve("../shared").resolve(relative).normalize());
        }
        candidates.add(Path.of("/work/shared").resolve(relative));
        for (Path candidate : candidates) {
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("cannot find shared/" + relative + " (set INTERVIEW_SHARED_DIR)");
    }

    private void loadSpec() throws IOException {
        JsonNode methods = JSON.readTree(specFile().toFile()).path("methods");
        for (Iterator<Map.Entry<String, JsonNode>> it = methods.fields(); it.hasNext(); ) {
            var entry = it.next();
            List<String> required = new ArrayList<>();
            for (JsonNode field : entry.getValue().path("fields")) {
                if (field.path("required").asBoolean()) {
                    required.add(field.path("name").asText());
                }
            }
            requiredFields.put(entry.getKey(), required);
            canonicalNames.put(entry.getKey().toLowerCase(java.util.Locale.ROOT), entry.getKey());
        }
    }

    // ------------------------------------------------------------------------------------------ scripting

    /** The next {@code times} calls of {@code method} fail with 429 and {@code retry_after}. */
    public void rateLimitNext(String method, int times, int retryAfter) {
        this.retryAfterSeconds = retryAfter;
        script(method, times, 429);
    }

    /** The next {@code times} calls of {@code method} fail with this HTTP status (0: the connection drops). */
    public void script(String method, int times, int status) {
        synchronized (lock) {
            Deque<Integer> queue = scripted.computeIfAbsent(method, k -> new ArrayDeque<>());
            for (int i = 0; i < times; i++) {
                queue.add(status);
            }
        }
    }

    /** Serves a file for {@code getFile} and the file endpoint. */
    public void serveFile(String fileId, String path, byte[] bytes) {
        ObjectNode file = JSON.createObjectNode().put("file_id", fileId).put("file_unique_id", "u-" + fileId)
                .put("file_size", bytes.length).put("file_path", path);
        synchronized (lock) {
            files.put(fileId, file);
            fileBytes.put(path, bytes);
        }
    }

    // ------------------------------------------------------------------------------------------ updates

    /** Queues an update (an {@code update_id} is assigned if missing); returns its id. */
    public int push(ObjectNode update) {
        if (!update.has("update_id")) {
            update.put("update_id", nextUpdateId.incrementAndGet());
        }
        synchronized (lock) {
            updates.add(update);
            lock.notifyAll();
        }
        return update.path("update_id").asInt();
    }

    /** Queues the same update again (a redelivery). */
    public void pushAgain(ObjectNode update) {
        synchronized (lock) {
            updates.add(update.deepCopy());
            lock.notifyAll();
        }
    }

    /** A private-chat text message from a user (chat id = user id). */
    public static ObjectNode text(long chatId, String languageCode, String text) {
        ObjectNode message = message(chatId, "private", languageCode).put("text", text);
        if (text.startsWith("/")) {
            int end = text.indexOf(' ') < 0 ? text.length() : text.indexOf(' ');
            message.putArray("entities").addObject().put("type", "bot_command").put("offset", 0)
                    .put("length", end);
        }
        return JSON.createObjectNode().set("message", message);
    }

    /** A text message in a group chat. */
    public static ObjectNode groupText(long chatId, long userId, String text) {
        ObjectNode message = message(chatId, "group", "en").put("text", text);
        ((ObjectNode) message.get("from")).put("id", userId);
        ((ObjectNode) message.get("chat")).put("title", "A group");
        return JSON.createObjectNode().set("message", message);
    }

    /** A press of an inline button in a group chat by one of its members. */
    public static ObjectNode groupCallback(long chatId, long userId, int messageId, String data) {
        ObjectNode query = JSON.createObjectNode().put("id", "cb-" + System.nanoTime())
                .put("chat_instance", "ci-" + chatId).put("data", data);
        query.set("from", user(userId, "en"));
        ObjectNode message = JSON.createObjectNode().put("message_id", messageId).put("date", 1_700_000_000);
        message.set("chat", chat(chatId, "group").put("title", "A group"));
        message.put("text", "…");
        query.set("message", message);
        return JSON.createObjectNode().set("callback_query", query);
    }

    /** A voice message. */
    public static ObjectNode voice(long chatId, String languageCode, String fileId, long size, int duration) {
        ObjectNode message = message(chatId, "private", languageCode);
        message.putObject("voice").put("file_id", fileId).put("file_unique_id", "u-" + fileId)
                .put("duration", duration).put("mime_type", "audio/ogg").put("file_size", size);
        return JSON.createObjectNode().set("message", message);
    }

    /** A photo (a content type the channel does not take). */
    public static ObjectNode photo(long chatId, String languageCode) {
        ObjectNode message = message(chatId, "private", languageCode);
        message.putArray("photo").addObject().put("file_id", "p1").put("file_unique_id", "up1").put("width", 10)
                .put("height", 10);
        return JSON.createObjectNode().set("message", message);
    }

    /** A press of an inline button under message {@code messageId}. */
    public static ObjectNode callback(long chatId, String languageCode, int messageId, String data) {
        ObjectNode query = JSON.createObjectNode().put("id", "cb-" + System.nanoTime())
                .put("chat_instance", "ci-" + chatId).put("data", data);
        query.set("from", user(chatId, languageCode));
        ObjectNode message = JSON.createObjectNode().put("message_id", messageId).put("date", 1_700_000_000);
        message.set("chat", chat(chatId, "private"));
        message.put("text", "…");
        query.set("message", message);
        return JSON.createObjectNode().set("callback_query", query);
    }

    private static ObjectNode message(long chatId, String chatType, String languageCode) {
        ObjectNode message = JSON.createObjectNode().put("message_id", (int) (System.nanoTime() & 0x7fffffff))
                .put("date", 1_700_000_000);
        message.set("from", user(chatId, languageCode));
        message.set("chat", chat(chatId, chatType));
        return message;
    }

    private static ObjectNode user(long id, String languageCode) {
        return JSON.createObjectNode().put("id", id).put("is_bot", false).put("first_name", "Expert")
                .put("language_code", languageCode);
    }

    private static ObjectNode chat(long id, String type) {
        ObjectNode chat = JSON.createObjectNode().put("id", id).put("type", type);
        if ("private".equals(type)) {
            chat.put("first_name", "Expert");
        }
        return chat;
    }

    // ------------------------------------------------------------------------------------------ assertions

    /** All calls so far. */
    public List<Call> calls() {
        synchronized (lock) {
            return List.copyOf(calls);
        }
    }

    /** Successful calls of one method. */
    public List<Call> calls(String method) {
        return calls().stream().filter(c -> c.method().equals(method) && c.status() == 200).toList();
    }

    /** Successful calls of one method to one chat. */
    public List<Call> calls(String method, String chatId) {
        return calls(method).stream().filter(c -> chatId.equals(c.chatId())).toList();
    }

    /** The texts sent to a chat with sendMessage, unescaped (as the person sees them). */
    public List<String> messages(String chatId) {
        return calls("sendMessage", chatId).stream().map(c -> unescape(c.text())).toList();
    }

    /** Waits until {@code count} calls match; fails after {@code timeout}. */
    public List<Call> await(Predicate<Call> matcher, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (true) {
                List<Call> matching = calls.stream().filter(matcher).toList();
                if (matching.size() >= count) {
                    return matching;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("timed out waiting for " + count + " calls, saw " + matching.size());
                }
                try {
                    lock.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }
        }
    }

    /** The highest {@code offset} a {@code getUpdates} call has confirmed so far (updates below it are taken). */
    public long confirmedOffset() {
        return confirmedOffset.get();
    }

    /** Waits until the client confirmed (polled past) update {@code updateId}, i.e. it has taken it. */
    public void awaitTaken(int updateId, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (confirmedOffset.get() <= updateId) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("update " + updateId + " was not taken; offset " + confirmedOffset);
                }
                try {
                    lock.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }
        }
    }

    /** Removes MarkdownV2 escapes: the text a person sees. */
    public static String unescape(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                out.append(text.charAt(++i));
            } else if (c != '*' && c != '_') {
                out.append(c);
            }
        }
        return out.toString();
    }

    // ------------------------------------------------------------------------------------------ the server

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String filePrefix = "/file/bot" + token + "/";
            String methodPrefix = "/bot" + token + "/";
            if (path.startsWith(filePrefix)) {
                byte[] bytes;
                synchronized (lock) {
                    bytes = fileBytes.get(path.substring(filePrefix.length()));
                }
                if (bytes == null) {
                    respond(exchange, 404, error(404, "Not Found"));
                } else {
                    exchange.sendResponseHeaders(200, bytes.length);
                    exchange.getResponseBody().write(bytes);
                }
                return;
            }
            if (!path.startsWith(methodPrefix)) {
                respond(exchange, 404, error(404, "Not Found"));
                return;
            }
            // Bot API method names are case-insensitive (telegrambots sends them in lower case)
            String asked = path.substring(methodPrefix.length());
            String method = canonicalNames.getOrDefault(asked.toLowerCase(java.util.Locale.ROOT), asked);
            if (System.getProperty("fake.trace") != null) System.err.println(java.time.LocalTime.now() + " FAKE " + method);
            Map<String, byte[]> uploads = new LinkedHashMap<>();
            ObjectNode params = parse(exchange, uploads);
            Integer status;
            synchronized (lock) {
                Deque<Integer> queue = scripted.get(method);
                status = queue == null ? null : queue.poll();
            }
            if (status != null) {
                record(new Call(method, params, uploads, status == 0 ? 599 : status));
                if (status == 0) {
                    exchange.getHttpContext().getServer();
                    throw new IOException("scripted connection drop");
                }
                ObjectNode body = error(status, status == 429 ? "Too Many Requests: retry after " + retryAfterSeconds
                        : "Internal Server Error");
                if (status == 429) {
                    body.putObject("parameters").put("retry_after", retryAfterSeconds);
                }
                respond(exchange, status, body);
                return;
            }
            List<String> required = requiredFields.get(method);
            if (required == null) {
                record(new Call(method, params, uploads, 404));
                respond(exchange, 404, error(404, "Not Found: method not found"));
                return;
            }
            for (String field : required) {
                if (!params.hasNonNull(field) && !uploads.containsKey(field)) {
                    record(new Call(method, params, uploads, 400));
                    respond(exchange, 400, error(400, "Bad Request: " + field + " is required"));
                    return;
                }
            }
            String problem = check(method, params);
            if (problem != null) {
                record(new Call(method, params, uploads, 400));
                respond(exchange, 400, error(400, "Bad Request: " + problem));
                return;
            }
            if (method.equals("getUpdates")) {
                respond(exchange, 200, ok(getUpdates(params)));
                return;
            }
            record(new Call(method, params, uploads, 200));
            respond(exchange, 200, ok(result(method, params)));
        } catch (IOException e) {
            // a scripted drop: close without a response
            exchange.close();
        }
    }

    private static String check(String method, ObjectNode params) {
        if (CHECKED_LENGTH.contains(method)) {
            String text = params.path("text").asText("");
            if (text.isEmpty()) {
                return "message text is empty";
            }
            if (text.length() > 4096) {
                return "message is too long";
            }
        }
        JsonNode markup = params.get("reply_markup");
        if (markup != null && markup.isTextual()) {
            try {
                markup = JSON.readTree(markup.asText());
            } catch (IOException e) {
                return "can't parse reply keyboard markup JSON object";
            }
        }
        if (markup != null) {
            for (JsonNode row : markup.path("inline_keyboard")) {
                for (JsonNode button : row) {
                    String data = button.path("callback_data").asText("");
                    if (data.getBytes(StandardCharsets.UTF_8).length > 64 || button.path("text").asText("").isEmpty()) {
                        return "BUTTON_DATA_INVALID";
                    }
                }
            }
        }
        return null;
    }

    private ArrayNode getUpdates(ObjectNode params) {
        long offset = params.path("offset").asLong(0);
        int limit = params.path("limit").asInt(100);
        long timeoutMillis = Math.min(1000, params.path("timeout").asLong(0) * 1000);
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        ArrayNode result = JSON.createArrayNode();
        synchronized (lock) {
            if (offset > 0) {
                updates.removeIf(u -> u.path("update_id").asLong() < offset);
                if (offset > confirmedOffset.get()) {
                    confirmedOffset.set(offset);
                }
                lock.notifyAll();
            }
            while (updates.isEmpty()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return result;
                }
                try {
                    lock.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return result;
                }
            }
            for (ObjectNode update : updates) {
                if (result.size() >= limit) {
                    break;
                }
                result.add(update);
            }
            // a redelivered copy is served once
            Map<Long, Integer> seen = new HashMap<>();
            updates.removeIf(u -> seen.merge(u.path("update_id").asLong(), 1, Integer::sum) > 1);
        }
        return result;
    }

    private Object result(String method, ObjectNode params) {
        return switch (method) {
            case "sendMessage", "editMessageText", "sendDocument", "sendVoice" -> {
                ObjectNode message = JSON.createObjectNode().put("message_id", nextMessageId.incrementAndGet())
                        .put("date", 1_700_000_000);
                String chatId = params.path("chat_id").asText("0");
                long id;
                try {
                    id = Long.parseLong(chatId);
                } catch (NumberFormatException e) {
                    id = chatId.hashCode();
                }
                message.set("chat", chat(id, "private"));
                if (params.has("text")) {
                    message.put("text", params.path("text").asText());
                }
                yield message;
            }
            case "getFile" -> {
                synchronized (lock) {
                    ObjectNode file = files.get(params.path("file_id").asText());
                    yield file != null ? file : JSON.createObjectNode().put("file_id", params.path("file_id").asText())
                            .put("file_unique_id", "missing");
                }
            }
            case "getMe" -> JSON.createObjectNode().put("id", 42).put("is_bot", true).put("first_name", "Interviewer")
                    .put("username", "interview_test_bot");
            default -> Boolean.TRUE;
        };
    }

    private void record(Call call) {
        synchronized (lock) {
            calls.add(call);
            lock.notifyAll();
        }
    }

    private static ObjectNode ok(Object result) {
        ObjectNode body = JSON.createObjectNode().put("ok", true);
        body.set("result", JSON.valueToTree(result));
        return body;
    }

    private static ObjectNode error(int code, String description) {
        return JSON.createObjectNode().put("ok", false).put("error_code", code).put("description", description);
    }

    private static void respond(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static ObjectNode parse(HttpExchange exchange, Map<String, byte[]> uploads) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        ObjectNode params = JSON.createObjectNode();
        String query = exchange.getRequestURI().getRawQuery();
        if (query != null) {
            form(query, params);
        }
        if (type == null || body.length == 0) {
            return params;
        }
        if (type.startsWith("application/json")) {
            JsonNode node = JSON.readTree(body);
            if (node instanceof ObjectNode object) {
                params.setAll(object);
            }
        } else if (type.startsWith("application/x-www-form-urlencoded")) {
            form(new String(body, StandardCharsets.UTF_8), params);
        } else if (type.startsWith("multipart/form-data")) {
            String boundary = Multipart.boundary(type);
            if (boundary == null) {
                throw new IllegalArgumentException("multipart without boundary");
            }
            for (Multipart.Part part : Multipart.parse(body, boundary)) {
                if (part.filename() != null) {
                    uploads.put(part.name(), part.content());
                    params.put(part.name(), "attach:" + part.filename());
                    params.put(part.name() + "#filename", part.filename());
                } else {
                    params.put(part.name(), part.text());
                }
            }
        }
        return params;
    }

    private static void form(String encoded, ObjectNode params) {
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            String[] kv = pair.split("=", 2);
            params.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
