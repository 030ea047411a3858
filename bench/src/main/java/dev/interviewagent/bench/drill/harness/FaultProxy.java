package dev.interviewagent.bench.drill.harness;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An HTTP proxy in front of a provider (here the fake speech providers of sdk-voice's tests, which follow the
 * published specs) that breaks the way a provider or the network breaks: 500, 429 with {@code Retry-After}, a hang
 * past the client's timeout, a response cut short, a body that is not JSON. In {@link Mode#MIXED} each request gets
 * the next {@link Fault} in turn; in {@link Mode#OUTAGE} every request gets a 503. Bodies it invents carry the
 * canary {@value #CANARY}.
 */
public final class FaultProxy implements AutoCloseable {

    public static final String CANARY = "zq-speech";

    /** What the proxy does to the next requests. */
    public enum Mode { HEALTHY, MIXED, OUTAGE }

    /** One way to fail. */
    public enum Fault { NONE, HTTP_500, HTTP_429_RETRY_AFTER, HANG, TRUNCATED, NOT_JSON }

    private static final Fault[] ROTATION = {Fault.HTTP_500, Fault.NONE, Fault.HTTP_429_RETRY_AFTER, Fault.HANG,
        Fault.NONE, Fault.TRUNCATED, Fault.NOT_JSON, Fault.NONE};
    private static final Set<String> HOP_BY_HOP = Set.of("host", "content-length", "connection", "transfer-encoding",
            "upgrade", "http2-settings", "expect", "keep-alive", "te", "trailer", "proxy-connection");

    private final String target;
    private final Duration hang;
    private final RawHttpServer http;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicLong counter = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();
    private final Map<Fault, AtomicLong> injected = new EnumMap<>(Fault.class);
    private volatile Mode mode = Mode.HEALTHY;
    private volatile java.util.function.BiConsumer<RawHttpServer.Request, byte[]> delivered = (r, b) -> { };

    /**
     * @param target the provider's root URL, e.g. {@code http://127.0.0.1:4711}
     * @param hang   how long a hanging request is held before the connection is dropped
     */
    public FaultProxy(String target, Duration hang) {
        this.target = target;
        this.hang = hang;
        for (Fault f : Fault.values()) {
            injected.put(f, new AtomicLong());
        }
        this.http = new RawHttpServer(this::handle);
    }

    /** {@code http://127.0.0.1:<port>}: the provider's root URL as the client should see it. */
    public String url() {
        return http.url();
    }

    public void mode(Mode mode) {
        this.mode = mode;
    }

    /** Called with each request whose provider response was passed on to the client whole. */
    public FaultProxy onDelivered(java.util.function.BiConsumer<RawHttpServer.Request, byte[]> observer) {
        this.delivered = observer;
        return this;
    }

    public long requests() {
        return requests.get();
    }

    public Map<Fault, Long> injected() {
        Map<Fault, Long> out = new EnumMap<>(Fault.class);
        injected.forEach((f, n) -> out.put(f, n.get()));
        return out;
    }

    private void handle(RawHttpServer.Request request, RawHttpServer.Response response) throws IOException {
        requests.incrementAndGet();
        Fault fault = switch (mode) {
            case HEALTHY -> Fault.NONE;
            case OUTAGE -> null;
            case MIXED -> ROTATION[(int) (counter.getAndIncrement() % ROTATION.length)];
        };
        if (fault == null) {
            response.send(503, "application/json", "{\"error\":\"Service Unavailable\"}"
                    .getBytes(StandardCharsets.UTF_8), Map.of());
            return;
        }
        injected.get(fault).incrementAndGet();
        switch (fault) {
            case HTTP_500 -> response.send(500, "application/json", ("{\"error\":{\"message\":\"The server had an"
                    + " error\",\"type\":\"server_error\",\"param\":null,\"code\":null}}")
                    .getBytes(StandardCharsets.UTF_8), Map.of());
            case HTTP_429_RETRY_AFTER -> response.send(429, "application/json", ("{\"error\":{\"message\":\"Rate "
                    + "limit reached\",\"type\":\"requests\",\"param\":null,\"code\":\"rate_limit_exceeded\"}}")
                    .getBytes(StandardCharsets.UTF_8), Map.of("Retry-After", "1"));
            case HANG -> {
                try {
                    Thread.sleep(hang.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            case NOT_JSON -> response.send(200, "application/json", ("<html><body>502 Bad Gateway " + CANARY
                    + "</body></html>").getBytes(StandardCharsets.UTF_8), Map.of());
            case TRUNCATED -> {
                HttpResponse<byte[]> real = forward(request);
                byte[] body = real.body();
                response.sendShort(real.statusCode(), real.headers().firstValue("content-type")
                        .orElse("application/json"), java.util.Arrays.copyOf(body, body.length / 2), body.length);
            }
            case NONE -> {
                HttpResponse<byte[]> real = forward(request);
                response.send(real.statusCode(), real.headers().firstValue("content-type")
                        .orElse("application/octet-stream"), real.body(), Map.of());
                delivered.accept(request, real.body());
            }
            default -> throw new IllegalStateException(fault.name());
        }
    }

    private HttpResponse<byte[]> forward(RawHttpServer.Request request) throws IOException {
        HttpRequest.Builder out = HttpRequest.newBuilder(URI.create(target + request.target()))
                .timeout(Duration.ofSeconds(30))
                .method(request.method(), request.body().length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.headers().forEach((name, value) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
                out.header(name, value);
            }
        });
        try {
            return client.send(out.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    @Override
    public void close() {
        http.close();
    }
}
