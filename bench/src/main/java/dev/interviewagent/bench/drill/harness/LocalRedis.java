package dev.interviewagent.bench.drill.harness;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The drill's own Redis: {@code redis-server} as a child process on a free loopback port, in a temporary directory,
 * without persistence (a killed Redis comes back empty, the harder case for the cache). {@link #kill()} sends it
 * SIGKILL; {@link #startAgain()} starts a new one on the same port. The binary is {@code IA_DRILL_REDIS_SERVER} or
 * {@code redis-server} on the PATH.
 */
public final class LocalRedis implements AutoCloseable {

    private final Path dir;
    private final int port;
    private Process process;

    private LocalRedis(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    public static LocalRedis start() {
        try {
            LocalRedis redis = new LocalRedis(Files.createTempDirectory("ia-drill-redis-"), FreePorts.next());
            redis.startAgain();
            return redis;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    /** Starts redis-server (again) on the same port; returns when it answers PING. */
    public synchronized void startAgain() {
        String binary = System.getenv().getOrDefault("IA_DRILL_REDIS_SERVER", "redis-server");
        try {
            process = new ProcessBuilder(List.of(binary, "--port", String.valueOf(port), "--bind", "127.0.0.1",
                    "--dir", dir.toString(), "--save", "", "--appendonly", "no", "--protected-mode", "yes"))
                    .redirectErrorStream(true).redirectOutput(dir.resolve("redis.log").toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Await.until("redis-server answers PING on " + port, java.time.Duration.ofSeconds(30), this::answersPing);
    }

    /** SIGKILL: the process dies at once, with every key it held. */
    public synchronized void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The number of keys (DBSIZE), or -1 when it does not answer. */
    public long keys() {
        String reply = command("DBSIZE");
        return reply != null && reply.startsWith(":") ? Long.parseLong(reply.substring(1).strip()) : -1;
    }

    private boolean answersPing() {
        String reply = command("PING");
        return reply != null && reply.strip().equals("+PONG");
    }

    /** One inline command over a fresh connection; its first reply line, or null. */
    private String command(String command) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
            socket.setSoTimeout(2_000);
            OutputStream out = socket.getOutputStream();
            out.write((command + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder line = new StringBuilder();
            int c;
            while ((c = in.read()) != -1 && c != '\n') {
                line.append((char) c);
            }
            return line.toString();
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public synchronized void close() {
        if (process != null) {
            kill();
        }
        Commands.deleteTree(dir);
    }

    @Override
    public String toString() {
        return "Redis on 127.0.0.1:" + port;
    }
}
