package dev.interviewagent.bench.websocket;

import dev.interviewagent.bench.drill.harness.FreePorts;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Load driver for the WebSocket sample: N concurrent interviews against one server process (offline brain; the
 * store the server's environment selects, e.g. PostgreSQL by {@code INTERVIEW_STORE_URL}). For each N it starts a
 * fresh server (unless {@code --url} is given), connects N WebSockets and starts N interviews, runs {@code --turns}
 * answers per interview with a think time, then leaves all N idle and measures the server's heap after a full GC.
 * Reports turns/s, p50/p99 turn latency (answer sent → next question received) and heap per idle session.
 *
 * <pre>
 * java -Xmx4g -cp bench/target/benchmarks.jar dev.interviewagent.bench.websocket.LoadDriver \
 *      --sessions 100,1000,10000 --turns 3 --think-ms 1000 \
 *      --server-jar samples/websocket-server/target/websocket-server-sample.jar [--env INTERVIEW_STORE_URL=...]
 * </pre>
 * Traffic goes only to the loopback address; every phase is bounded in time and the driver stops by itself.
 */
public final class LoadDriver {

    private final Map<String, String> options;
    private final HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(4)).build();

    private LoadDriver(Map<String, String> options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("sessions", "100,1000");
        options.put("turns", "3");
        options.put("think-ms", "1000");
        options.put("server-jar", "samples/websocket-server/target/websocket-server-sample.jar");
        options.put("server-heap", "4g");
        options.put("connect-parallelism", "64");
        options.put("phase-timeout-s", "300");
        options.put("warmup-sessions", "100");
        options.put("warmup-turns", "10");
        List<String> env = new ArrayList<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            String name = args[i].replaceFirst("^--", "");
            if (name.equals("env")) {
                env.add(args[i + 1]);
            } else {
                options.put(name, args[i + 1]);
            }
        }
        options.put("env", String.join("\u0000", env));
        LoadDriver driver = new LoadDriver(options);
        System.out.println("| sessions | connected | start p50 / p99 ms | turns | turns/s | turn p50 / p99 / max ms "
                + "| errors | heap idle − baseline | heap per idle session |");
        System.out.println("|---:|---:|---|---:|---:|---|---:|---|---:|");
        for (String n : options.get("sessions").split(",")) {
            try {
                driver.run(Integer.parseInt(n.strip()));
            } catch (Exception | OutOfMemoryError e) {
                System.out.println("| " + n.strip() + " | failed: " + e + " |");
                e.printStackTrace(System.out);
            }
        }
        System.exit(0);
    }

    private void run(int sessions) throws Exception {
        SampleServer server = null;
        URI uri;
        if (options.containsKey("url")) {
            uri = URI.create(options.get("url"));
        } else {
            server = startServer(sessions);
            uri = server.webSocketUri();
        }
        try {
            int warmup = Integer.parseInt(options.get("warmup-sessions"));
            if (warmup > 0) { // JIT warm-up, not counted; its interviews stay in the baseline
                drive(uri, warmup, Integer.parseInt(options.get("warmup-turns")), 0).close();
            }
            long baseline = server == null ? 0 : server.heapUsedAfterGc();
            Result result = drive(uri, sessions, Integer.parseInt(options.get("turns")),
                    Long.parseLong(options.get("think-ms")));
            long idle = server == null ? 0 : server.heapUsedAfterGc();
            String heap = server == null ? "n/a" : String.format(Locale.ROOT, "%.1f MB", (idle - baseline) / 1e6);
            String perSession = server == null || result.connected == 0 ? "n/a"
                    : String.format(Locale.ROOT, "%.1f KB", (idle - baseline) / 1e3 / result.connected);
            System.out.printf(Locale.ROOT, "| %,d | %,d | %s | %,d | %.0f | %s | %d | %s | %s |%n", sessions,
                    result.connected, result.startLatency, result.turns, result.turnsPerSecond, result.turnLatency,
                    result.errors.get(), heap, perSession);
            if (!result.firstError.get().isEmpty()) {
                System.out.println("  first error: " + result.firstError.get());
            }
            result.close();
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ the load

    private static final class Session implements WebSocket.Listener {
        final int index;
        WebSocket socket;
        volatile CompletableFuture<String> reply = new CompletableFuture<>();
        private final StringBuilder text = new StringBuilder();

        Session(int index) {
            this.index = index;
        }

        CompletableFuture<String> expect() {
            reply = new CompletableFuture<>();
            return reply;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                String frame = text.toString();
                text.setLength(0);
                if (frame.startsWith("{\"type\":\"question\"") || frame.startsWith("{\"type\":\"completed\"")) {
                    reply.complete(frame);
                } else if (frame.startsWith("{\"type\":\"error\"")) {
                    reply.completeExceptionally(new IllegalStateException(frame));
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            reply.completeExceptionally(error);
        }
    }

    private static final class Result {
        int connected;
        long turns;
        double turnsPerSecond;
        String startLatency;
        String turnLatency;
        final AtomicInteger errors = new AtomicInteger();
        final AtomicReference<String> firstError = new AtomicReference<>("");
        final List<Session> sessions = new ArrayList<>();

        void fail(Throwable e) {
            errors.incrementAndGet();
            firstError.compareAndSet("", String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        }

        void close() {
            for (Session s : sessions) {
                if (s.socket != null) {
                    s.socket.abort();
                }
            }
        }
    }

    private Result drive(URI uri, int n, int turns, long thinkMs) throws Exception {
        Result result = new Result();
        long timeout = Long.parseLong(options.get("phase-timeout-s"));
        Semaphore inFlight = new Semaphore(Integer.parseInt(options.get("connect-parallelism")));
        ConcurrentLinkedQueue<Long> startNanos = new ConcurrentLinkedQueue<>();
        List<CompletableFuture<?>> started = new ArrayList<>();

        // 1. connect and start N interviews (bounded parallelism, like users arriving)
        for (int i = 0; i < n; i++) {
            Session session = new Session(i);
            result.sessions.add(session);
            inFlight.acquire();
            long t0 = System.nanoTime();
            // each session as a client of its own address, as people are (the server takes it from this header)
            CompletableFuture<?> f = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(30))
                    .header("X-Forwarded-For", "10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255))
                    .buildAsync(uri, session)
                    .thenCompose(ws -> {
                        session.socket = ws;
                        CompletableFuture<String> first = session.expect();
                        ws.sendText("{\"type\":\"start\",\"clientMessageId\":\"s" + session.index
                                + "\",\"language\":\"" + (session.index % 2 == 0 ? "en" : "ru") + "\"}", true);
                        return first;
                    })
                    .orTimeout(timeout, TimeUnit.SECONDS)
                    .whenComplete((frame, e) -> {
                        inFlight.release();
                        if (e != null) {
                            result.fail(e);
                        } else {
                            startNanos.add(System.nanoTime() - t0);
                        }
                    });
            started.add(f);
        }
        CompletableFuture.allOf(started.toArray(CompletableFuture[]::new)).exceptionally(e -> null)
                .get(timeout + 5, TimeUnit.SECONDS);
        List<Session> live = result.sessions.stream().filter(s -> s.socket != null && s.reply.isDone()
                && !s.reply.isCompletedExceptionally()).toList();
        result.connected = live.size();
        result.startLatency = percentiles(startNanos, false);

        // 2. each interview answers `turns` times, pausing `think-ms` (±50 %) between answers
        ConcurrentLinkedQueue<Long> turnNanos = new ConcurrentLinkedQueue<>();
        ScheduledExecutorService timer = Executors.newScheduledThreadPool(2);
        List<CompletableFuture<Void>> done = new ArrayList<>();
        long phase = System.nanoTime();
        for (Session s : live) {
            CompletableFuture<Void> finished = new CompletableFuture<>();
            done.add(finished);
            long firstDelay = ThreadLocalRandom.current().nextLong(Math.max(1, thinkMs));
            timer.schedule(() -> turn(s, 1, turns, thinkMs, timer, turnNanos, result, finished), firstDelay,
                    TimeUnit.MILLISECONDS);
        }
        CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).exceptionally(e -> null)
                .get(timeout + 5, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - phase) / 1e9;
        timer.shutdownNow();
        result.turns = turnNanos.size();
        result.turnsPerSecond = result.turns / seconds;
        result.turnLatency = percentiles(turnNanos, true);
        return result;
    }

    private void turn(Session s, int k, int turns, long thinkMs, ScheduledExecutorService timer,
                      ConcurrentLinkedQueue<Long> latencies, Result result, CompletableFuture<Void> finished) {
        if (k > turns) {
            finished.complete(null);
            return;
        }
        long t0 = System.nanoTime();
        CompletableFuture<String> reply = s.expect();
        s.socket.sendText("{\"type\":\"answer\",\"clientMessageId\":\"a" + k + "\",\"text\":\"" + answer(s.index, k)
                + "\"}", true);
        reply.orTimeout(60, TimeUnit.SECONDS).whenComplete((frame, e) -> {
            if (e != null) {
                result.fail(e);
                finished.complete(null);
                return;
            }
            latencies.add(System.nanoTime() - t0);
            long pause = thinkMs / 2 + ThreadLocalRandom.current().nextLong(Math.max(1, thinkMs));
            timer.schedule(() -> turn(s, k + 1, turns, thinkMs, timer, latencies, result, finished), pause,
                    TimeUnit.MILLISECONDS);
        });
    }

    private static String answer(int session, int turn) {
        return "Last week at site " + session + " I first checked the pressure log, then called the shift lead, and "
                + "after that we replaced valve " + turn + " within " + (20 + turn) + " minutes; it cut incidents by "
                + (10 + session % 50) + "% over " + (2 + turn) + " months.";
    }

    private static String percentiles(ConcurrentLinkedQueue<Long> nanos, boolean withMax) {
        long[] values = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        if (values.length == 0) {
            return "n/a";
        }
        String text = String.format(Locale.ROOT, "%.1f / %.1f", at(values, 0.50), at(values, 0.99));
        return withMax ? text + String.format(Locale.ROOT, " / %.1f", values[values.length - 1] / 1e6) : text;
    }

    private static double at(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }

    // ------------------------------------------------------------------------------------------------ server

    private SampleServer startServer(int sessions) {
        Map<String, String> env = new LinkedHashMap<>();
        for (String kv : options.get("env").split("\u0000")) {
            if (kv.contains("=")) {
                env.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
            }
        }
        return SampleServer.start(Path.of(options.get("server-jar")), options.get("server-heap"),
                FreePorts.next(), List.of("--max-connections", String.valueOf(sessions + 100),
                        "--client-address-header", "X-Forwarded-For",
                        // every session and the warm-up start at once: the server's start rate must not be the
                        // bottleneck
                        "--starts-per-minute", String.valueOf(Math.max(1_200, 2 * (sessions + 200)))),
                env, List.of(), Duration.ofSeconds(120));
    }

    @Override
    public String toString() {
        return "LoadDriver" + Arrays.toString(options.keySet().toArray());
    }
}
