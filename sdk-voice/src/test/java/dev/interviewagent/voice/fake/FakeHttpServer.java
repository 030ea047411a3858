package dev.interviewagent.voice.fake;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Base of the fake provider servers: a JDK {@link HttpServer} on an ephemeral loopback port that records every
 * request and can be told to fail or stall the next calls of a route. Subclasses implement the provider's contract.
 */
public abstract class FakeHttpServer implements AutoCloseable {

    /** A scripted failure or stall for the next call of a route. */
    private record Fault(int status, Duration delay) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fake-provider");
        t.setDaemon(true);
        return t;
    });
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final List<RecordedRequest> requests = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Deque<Fault>> faults = new HashMap<>();

    protected FakeHttpServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::dispatch);
        server.setExecutor(executor);
        server.start();
    }

    /** {@code http://127.0.0.1:<port>} */
    public String rootUrl() {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort();
    }

    /** Every request received so far, in order. */
    public List<RecordedRequest> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** Requests to paths starting with the prefix. */
    public List<RecordedRequest> requests(String method, String pathPrefix) {
        return requests().stream().filter(r -> r.method().equals(method) && r.path().startsWith(pathPrefix)).toList();
    }

    /** Every contract violation seen in requests so far. */
    public List<String> violations() {
        return requests().stream().flatMap(r -> r.violations().stream().map(v -> r.path() + ": " + v)).toList();
    }

    /** The next {@code times} calls of the route answer with the status and the spec's error body. */
    public synchronized void failNext(String route, int status, int times) {
        for (int i = 0; i < times; i++) {
            faults.computeIfAbsent(route, k -> new ArrayDeque<>()).add(new Fault(status, Duration.ZERO));
        }
    }

    /** The next call of the route waits this long before answering normally (or until the server stops). */
    public synchronized void stallNext(String route, Duration delay) {
        faults.computeIfAbsent(route, k -> new ArrayDeque<>()).add(new Fault(0, delay));
    }

    private synchronized Fault nextFault(String route) {
        Deque<Fault> queue = faults.get(route);
        return queue == null ? null : queue.poll();
    }

    /** The route name for fault injection, e.g. {@code upload}, or null when the path is unknown. */
    protected abstract String route(String method, String path);

    /** Validates a request against the contract; returns the violations. */
    protected abstract List<String> validate(String route, Exchange exchange);

    /** Answers a valid request. */
    protected abstract void answer(String route, Exchange exchange) throws IOException;

    /** Answers a request that failed {@link #validate}, with the provider's error shape. */
    protected abstract void reject(String route, Exchange exchange, List<String> violations) throws IOException;

    /** Answers an injected failure with the provider's error shape. */
    protected abstract void fail(String route, Exchange exchange, int status) throws IOException;

    private void dispatch(HttpExchange http) throws IOException {
        try (http) {
            byte[] body;
            try (InputStream in = http.getRequestBody()) {
                body = in.readAllBytes();
            }
            Map<String, List<String>> headers = new LinkedHashMap<>();
            http.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
            String method = http.getRequestMethod();
            String path = http.getRequestURI().getPath();
            Exchange exchange = new Exchange(http, method, path, headers, body);
            String route = route(method, path);
            if (route == null) {
                requests.add(new RecordedRequest(method, path, headers, body, List.of("unknown route")));
                exchange.respond(404, "application/json", "{\"error\":\"Not found\"}");
                return;
            }
            List<String> violations = validate(route, exchange);
            requests.add(new RecordedRequest(method, path, headers, body, violations));
            Fault fault = nextFault(route);
            if (fault != null && !fault.delay().isZero()) {
                try {
                    stopped.await(fault.delay().toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            if (!violations.isEmpty()) {
                reject(route, exchange, violations);
            } else if (fault != null && fault.status() != 0) {
                fail(route, exchange, fault.status());
            } else {
                answer(route, exchange);
            }
        } catch (IOException | RuntimeException e) {
            // the client may have given up (timeouts are part of the tests); nothing to answer then
        }
    }

    @Override
    public void close() {
        stopped.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    /** A request in progress. */
    public static final class Exchange {
        private final HttpExchange http;
        private final String method;
        private final String path;
        private final Map<String, List<String>> headers;
        private final byte[] body;

        Exchange(HttpExchange http, String method, String path, Map<String, List<String>> headers, byte[] body) {
            this.http = http;
            this.method = method;
            this.path = path;
            this.headers = headers;
            this.body = body;
        }

        public String method() {
            return method;
        }

        public String path() {
            return path;
        }

        public byte[] body() {
            return body;
        }

        /** First value of a header, or null. */
        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        public void respond(int status, String contentType, String body) throws IOException {
            respond(status, contentType, body.getBytes(StandardCharsets.UTF_8), Map.of());
        }

        public void respond(int status, String contentType, byte[] body, Map<String, String> extraHeaders)
                throws IOException {
            http.getResponseHeaders().set("Content-Type", contentType);
            extraHeaders.forEach((k, v) -> http.getResponseHeaders().set(k, v));
            http.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            try (OutputStream out = http.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
