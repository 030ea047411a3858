package dev.interviewagent.samples.rest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An HTTP proxy in front of the server that records every exchange and checks each one under {@code /api/} against
 * docs/openapi.yaml ({@link ExchangeCheck}), so a client the tests do not write — curl in the README, the operator page
 * in Chromium — is held to the document too. As a forward proxy ({@code http_proxy}) it takes the absolute URI of
 * each request; with a {@code target} it is a reverse proxy a browser loads the page from.
 */
final class ValidatingProxy implements AutoCloseable {

    private static final Set<String> HOP_BY_HOP = Set.of("host", "connection", "proxy-connection", "content-length",
            "transfer-encoding", "expect", "upgrade", "keep-alive", "te", "trailer");

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final @Nullable URI target;
    private final HttpServer server;
    private final List<String> exchanges = Collections.synchronizedList(new ArrayList<>());
    private final List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());

    private ValidatingProxy(@Nullable URI target) throws IOException {
        this.target = target;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            try {
                forward(exchange);
            } catch (Exception | AssertionError e) {
                failures.add(e);
                exchange.sendResponseHeaders(502, -1);
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    /** A forward proxy: clients send it absolute URIs ({@code http_proxy}). */
    static ValidatingProxy forward() throws IOException {
        return new ValidatingProxy(null);
    }

    /** A reverse proxy for the server at {@code target} ({@code http://127.0.0.1:port}). */
    static ValidatingProxy reverse(URI target) throws IOException {
        return new ValidatingProxy(target);
    }

    /** {@code http://127.0.0.1:<port>}. */
    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Each exchange as {@code METHOD /path?query STATUS}, in order. */
    List<String> exchanges() {
        synchronized (exchanges) {
            return List.copyOf(exchanges);
        }
    }

    /** The exchanges that broke the document, or failed to reach the server. */
    List<Throwable> failures() {
        synchronized (failures) {
            return List.copyOf(failures);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void forward(HttpExchange exchange) throws Exception {
        URI asked = exchange.getRequestURI();
        URI uri = asked.isAbsolute() || target == null ? asked : target.resolve(asked.getRawPath()
                + (asked.getRawQuery() == null ? "" : "?" + asked.getRawQuery()));
        byte[] body = exchange.getRequestBody().readAllBytes();
        String method = exchange.getRequestMethod();
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> request.header(name, value));
                headers.put(name, values);
            }
        });
        HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        String pathAndQuery = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        exchanges.add(method + " " + pathAndQuery + " " + response.statusCode());
        if (pathAndQuery.startsWith("/api/")) {
            check(method, pathAndQuery, headers, body, response);
        }
        response.headers().map().forEach((name, values) -> {
            if (!name.startsWith(":") && !HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
                exchange.getResponseHeaders().put(name, values);
            }
        });
        byte[] out = response.body();
        exchange.sendResponseHeaders(response.statusCode(), out.length == 0 ? -1 : out.length);
        if (out.length > 0) {
            exchange.getResponseBody().write(out);
        }
    }

    private void check(String method, String pathAndQuery, Map<String, List<String>> headers, byte[] body,
                       HttpResponse<byte[]> response) {
        ApiClient.Reply reply = new ApiClient.Reply(response.statusCode(), response.headers().map(), response.body());
        try {
            ExchangeCheck.check(method, pathAndQuery, headers, body.length == 0 ? null : body, true, reply);
        } catch (AssertionError e) {
            // a problem a client means to show is a deliberately bad request: only its response is checked
            if (response.statusCode() == 404) {
                ExchangeCheck.check(method, pathAndQuery, headers, null, false, reply);
            } else {
                failures.add(e);
            }
        }
    }
}
