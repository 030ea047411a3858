package dev.interviewagent.samples.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The tests' HTTP client (JDK {@link HttpClient}). Every exchange is checked against {@code docs/openapi.yaml} by
 * swagger-request-validator: the request (unless a test sends a deliberately bad one) and the response, always. A
 * response to a path the document does not have (a bad route) must still be a {@code Problem}. No body may carry a
 * stack trace, an exception's class or a token it should not.
 */
final class ApiClient {

    static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    ApiClient(URI base) {
        this.base = base;
    }

    URI base() {
        return base;
    }

    /** A request to build. */
    final class Call {
        private final String method;
        private final String pathAndQuery;
        private final Map<String, List<String>> headers = new LinkedHashMap<>();
        private byte[] body;
        private boolean validRequest = true;
        private boolean chunked;
        private boolean raw;

        private Call(String method, String pathAndQuery) {
            this.method = method;
            this.pathAndQuery = pathAndQuery;
        }

        Call header(String name, String value) {
            headers.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            return this;
        }

        Call bearer(String token) {
            return header("Authorization", "Bearer " + token);
        }

        Call idempotencyKey(String key) {
            return header("Idempotency-Key", key);
        }

        Call json(Object value) {
            try {
                return body("application/json", JSON.writeValueAsBytes(value));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        Call json(String raw) {
            return body("application/json", raw.getBytes(StandardCharsets.UTF_8));
        }

        Call body(String contentType, byte[] bytes) {
            if (contentType != null) {
                header("Content-Type", contentType);
            }
            this.body = bytes;
            return this;
        }

        /** A multipart/form-data body with one file part. */
        Call multipart(String part, String fileName, String partType, byte[] content) {
            String boundary = "----ia" + UUID.randomUUID().toString().replace("-", "");
            byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\""
                    + fileName + "\"\r\nContent-Type: " + partType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
            byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
            byte[] all = new byte[head.length + content.length + tail.length];
            System.arraycopy(head, 0, all, 0, head.length);
            System.arraycopy(content, 0, all, head.length, content.length);
            System.arraycopy(tail, 0, all, head.length + content.length, tail.length);
            return body("multipart/form-data; boundary=" + boundary, all);
        }

        /** Sends the body without Content-Length (chunked), as a streaming client would. */
        Call chunked() {
            this.chunked = true;
            return this;
        }

        /**
         * Sends the request over a plain socket, header values as ISO-8859-1 bytes, for what the JDK client refuses
         * or rewrites (bytes above 0x7F, a tab in a header value).
         */
        Call raw() {
            this.raw = true;
            return this;
        }

        /** The request breaks the document on purpose: only the response is validated. */
        Call invalid() {
            this.validRequest = false;
            return this;
        }

        Reply send() {
            return ApiClient.this.send(this);
        }
    }

    /** What came back. */
    record Reply(int status, Map<String, List<String>> headers, byte[] body) {

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + text(), e);
            }
        }

        Optional<String> header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst();
        }

        String contentType() {
            return header("Content-Type").orElse("");
        }

        /** The problem's {@code code}, asserting the response is a problem with this status. */
        String problemCode() {
            assertThat(contentType()).as("a problem: %s", text()).startsWith("application/problem+json");
            JsonNode problem = json();
            assertThat(problem.path("status").asInt()).isEqualTo(status);
            return problem.path("code").asText();
        }
    }

    Call get(String path) {
        return new Call("GET", path);
    }

    Call post(String path) {
        return new Call("POST", path);
    }

    Call delete(String path) {
        return new Call("DELETE", path);
    }

    Call call(String method, String path) {
        return new Call(method, path);
    }

    /** What a call is, for messages. */
    static String describe(Call call) {
        return call.method + " " + call.pathAndQuery;
    }

    private Reply send(Call call) {
        if (call.raw) {
            Reply reply = sendRaw(call);
            check(call, reply);
            return reply;
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(call.pathAndQuery))
                .timeout(Duration.ofSeconds(60))
                .method(call.method, call.body == null ? HttpRequest.BodyPublishers.noBody()
                        : call.chunked ? HttpRequest.BodyPublishers.ofInputStream(
                                () -> new java.io.ByteArrayInputStream(call.body))
                        : HttpRequest.BodyPublishers.ofByteArray(call.body));
        call.headers.forEach((name, values) -> values.forEach(value -> builder.header(name, value)));
        HttpResponse<byte[]> response;
        try {
            response = http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(call.method + " " + call.pathAndQuery, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        Reply reply = new Reply(response.statusCode(), response.headers().map(), response.body());
        check(call, reply);
        return reply;
    }

    /** HTTP/1.0 over a socket: the server answers without chunking and closes. */
    private Reply sendRaw(Call call) {
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(60_000);
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            StringBuilder head = new StringBuilder(call.method + " " + call.pathAndQuery + " HTTP/1.0\r\n");
            head.append("Host: ").append(base.getHost()).append(':').append(base.getPort()).append("\r\n");
            call.headers.forEach((name, values) -> values.forEach(v -> head.append(name).append(": ").append(v)
                    .append("\r\n")));
            byte[] body = call.body == null ? new byte[0] : call.body;
            head.append("Content-Length: ").append(body.length).append("\r\nConnection: close\r\n\r\n");
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            socket.getOutputStream().write(out.toByteArray());
            socket.getOutputStream().flush();
            byte[] response = socket.getInputStream().readAllBytes();
            int split = indexOf(response, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            String[] lines = new String(response, 0, split, StandardCharsets.ISO_8859_1).split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.computeIfAbsent(lines[i].substring(0, colon).toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                        .add(lines[i].substring(colon + 1).strip());
            }
            return new Reply(status, headers, java.util.Arrays.copyOfRange(response, split + 4, response.length));
        } catch (IOException e) {
            throw new UncheckedIOException(describe(call), e);
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalStateException("no end of headers in the response");
    }

    private void check(Call call, Reply reply) {
        ExchangeCheck.check(call.method, call.pathAndQuery, call.headers, call.body, call.validRequest, reply);
    }
}
