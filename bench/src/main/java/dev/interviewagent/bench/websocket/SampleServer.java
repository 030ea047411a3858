package dev.interviewagent.bench.websocket;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The WebSocket sample ({@code websocket-server-sample.jar}) as a process of its own on a loopback port: started
 * with the given options and environment, ready when it prints "server ready", stopped gently ({@link #close()}) or
 * killed ({@link #kill()}, SIGKILL). Its standard error (the log) goes to a file. Shared by the load driver and the
 * fault drills.
 */
public final class SampleServer implements AutoCloseable {

    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

    private final Process process;
    private final int port;
    private final Path log;

    private SampleServer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts {@code java -Xmx<heap> -jar <jar> --port <port> <options...>} with {@code env} added to this process's
     * environment, and waits (up to {@code limit}) until it is ready.
     *
     * @throws IllegalStateException if it exits or is not ready in time (the message quotes its log)
     */
    public static SampleServer start(Path jar, String heap, int port, List<String> options, Map<String, String> env,
                                     List<String> jvmOptions, Duration limit) {
        Path log = Path.of(System.getProperty("java.io.tmpdir"), "ia-sample-server-" + port + ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx" + heap, "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString(), "--port", String.valueOf(port)));
        command.addAll(options);
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(log.toFile());
        builder.environment().putAll(env);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SampleServer server = new SampleServer(process, port, log);
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        CompletableFuture<Boolean> ready = CompletableFuture.supplyAsync(() -> {
            try {
                String line;
                while ((line = out.readLine()) != null) {
                    if (line.contains("server ready")) {
                        return true;
                    }
                }
                return false;
            } catch (IOException e) {
                return false;
            }
        });
        boolean started;
        try {
            started = ready.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            started = false;
        }
        if (!started) {
            server.kill();
            throw new IllegalStateException("server did not start; its log " + log + ": " + server.log());
        }
        Thread drain = new Thread(() -> {
            try {
                out.transferTo(java.io.Writer.nullWriter());
            } catch (IOException e) {
                // the process ended
            }
        }, "sample-server-stdout-" + port);
        drain.setDaemon(true);
        drain.start();
        return server;
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** {@code ws://127.0.0.1:<port>/ws/interview} */
    public URI webSocketUri() {
        return URI.create("ws://127.0.0.1:" + port + "/ws/interview");
    }

    /** The page: {@code http://127.0.0.1:<port>/} */
    public URI pageUri() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    /** What the server wrote to standard error so far. */
    public String log() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    /** SIGKILL: the process ends at once, nothing of it runs again. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** SIGTERM (the server's shutdown hook closes its connections with 1001), then SIGKILL after 20 s. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /** The server's used heap in bytes after full collections (jcmd). */
    public long heapUsedAfterGc() {
        try {
            jcmd("GC.run");
            jcmd("GC.run");
            Matcher m = HEAP_USED.matcher(jcmd("GC.heap_info"));
            return m.find() ? Long.parseLong(m.group(1)) * 1024 : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private String jcmd(String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(process.pid()), command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(60, TimeUnit.SECONDS);
        return output;
    }

    @Override
    public String toString() {
        return "sample server on 127.0.0.1:" + port + " (pid " + process.pid() + ")";
    }
}
