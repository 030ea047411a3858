package dev.interviewagent.persistence.redis;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A redis-server of the test's own on a free port, so a test can stop and restart Redis without touching the shared
 * server other engineers use.
 */
final class PrivateRedis implements AutoCloseable {

    private final int port;
    private final Path dir;
    private Process process;

    PrivateRedis() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        dir = Files.createTempDirectory("ia-redis-");
    }

    int port() {
        return port;
    }

    String url() {
        return "redis://127.0.0.1:" + port;
    }

    PrivateRedis start() throws IOException, InterruptedException {
        process = new ProcessBuilder("redis-server", "--port", String.valueOf(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--dir", dir.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("redis.log").toFile())
                .start();
        awaitPort(true, Duration.ofSeconds(10));
        return this;
    }

    void stop() throws IOException, InterruptedException {
        if (process != null) {
            process.destroyForcibly().waitFor();
            process = null;
        }
        awaitPort(false, Duration.ofSeconds(10));
    }

    private void awaitPort(boolean open, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            boolean isOpen;
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                isOpen = true;
            } catch (IOException e) {
                isOpen = false;
            }
            if (isOpen == open) {
                return;
            }
            if (open && process != null && !process.isAlive()) {
                throw new IOException("redis-server exited: " + Files.readString(dir.resolve("redis.log")));
            }
            Thread.onSpinWait();
            java.util.concurrent.locks.LockSupport.parkNanos(20_000_000L);
        }
        throw new IOException("redis port " + port + " did not become " + (open ? "open" : "closed"));
    }

    @Override
    public void close() throws Exception {
        stop();
    }
}
