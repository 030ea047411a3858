package dev.interviewagent.samples.websocket;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The server's settings: where it listens and the limits each connection lives with. Immutable; validated on
 * construction (a bad value fails at start-up, naming the setting).
 *
 * @param host              bind address (default 127.0.0.1)
 * @param port              TCP port; 0 picks a free one (default 8080)
 * @param allowedOrigins    origins allowed besides the page's own (same host and port), e.g. {@code https://a.example}
 * @param maxTextBytes      the largest client text frame answered normally; larger ones get {@code too_large}
 * @param maxAudioBytes     the largest recording; larger ones get {@code too_large}
 * @param messagesPerSecond average frames a connection may send per second; more get {@code rate_limited}
 * @param burst             frames a connection may send at once before the average applies
 * @param maxFrameChars     the longest frame the server sends; longer Markdown reports are sent in parts
 * @param idleTimeout       a connection with no traffic for this long is closed (the page pings and reconnects)
 * @param maxConnections    open connections above this are refused with {@code busy}
 */
public record ServerSettings(String host, int port, List<String> allowedOrigins, int maxTextBytes, int maxAudioBytes,
                             double messagesPerSecond, int burst, int maxFrameChars, Duration idleTimeout,
                             int maxConnections) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;
    public static final int DEFAULT_MAX_TEXT_BYTES = 64 * 1024;
    public static final int DEFAULT_MAX_AUDIO_BYTES = 25 * 1024 * 1024;
    public static final double DEFAULT_MESSAGES_PER_SECOND = 10;
    public static final int DEFAULT_BURST = 20;
    public static final int DEFAULT_MAX_FRAME_CHARS = 1024 * 1024;
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(10);
    public static final int DEFAULT_MAX_CONNECTIONS = 20_000;

    public ServerSettings {
        Objects.requireNonNull(host, "host");
        allowedOrigins = List.copyOf(allowedOrigins);
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        check(port >= 0 && port <= 65_535, "port must be 0-65535, was " + port);
        check(maxTextBytes >= 1024, "maxTextBytes must be >= 1024, was " + maxTextBytes);
        check(maxAudioBytes >= 1024, "maxAudioBytes must be >= 1024, was " + maxAudioBytes);
        check(messagesPerSecond > 0, "messagesPerSecond must be > 0, was " + messagesPerSecond);
        check(burst >= 1, "burst must be >= 1, was " + burst);
        check(maxFrameChars >= 1024, "maxFrameChars must be >= 1024, was " + maxFrameChars);
        check(!idleTimeout.isNegative() && !idleTimeout.isZero(), "idleTimeout must be > 0, was " + idleTimeout);
        check(maxConnections >= 1, "maxConnections must be >= 1, was " + maxConnections);
    }

    /** The defaults: 127.0.0.1:8080, 64 KiB text frames, 25 MiB audio, 10 frames/s with bursts of 20. */
    public static ServerSettings defaults() {
        return new ServerSettings(DEFAULT_HOST, DEFAULT_PORT, List.of(), DEFAULT_MAX_TEXT_BYTES,
                DEFAULT_MAX_AUDIO_BYTES, DEFAULT_MESSAGES_PER_SECOND, DEFAULT_BURST, DEFAULT_MAX_FRAME_CHARS,
                DEFAULT_IDLE_TIMEOUT, DEFAULT_MAX_CONNECTIONS);
    }

    /**
     * Reads {@code --host}, {@code --port}, {@code --allowed-origins} (comma-separated) and
     * {@code --max-connections}, falling back to {@code HOST}, {@code PORT}, {@code ALLOWED_ORIGINS} and
     * {@code MAX_CONNECTIONS}; an argument wins over the environment.
     *
     * @throws IllegalArgumentException for an unknown option or a bad value
     */
    public static ServerSettings from(String[] args, Map<String, String> env) {
        String host = env.getOrDefault("HOST", DEFAULT_HOST);
        String port = env.getOrDefault("PORT", String.valueOf(DEFAULT_PORT));
        String origins = env.getOrDefault("ALLOWED_ORIGINS", "");
        String maxConnections = env.getOrDefault("MAX_CONNECTIONS", String.valueOf(DEFAULT_MAX_CONNECTIONS));
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : null;
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (value == null && !name.equals("--help")) {
                check(i + 1 < args.length, name + " needs a value");
                value = args[++i];
            }
            switch (name) {
                case "--host" -> host = value;
                case "--port" -> port = value;
                case "--allowed-origins" -> origins = value;
                case "--max-connections" -> maxConnections = value;
                default -> throw new IllegalArgumentException("unknown option " + name
                        + " (known: --host, --port, --allowed-origins, --max-connections)");
            }
        }
        ServerSettings d = defaults();
        return new ServerSettings(host, parseInt("port", port), Arrays.stream(origins.split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).toList(), d.maxTextBytes, d.maxAudioBytes,
                d.messagesPerSecond, d.burst, d.maxFrameChars, d.idleTimeout, parseInt("maxConnections",
                maxConnections));
    }

    public ServerSettings withPort(int port) {
        return new ServerSettings(host, port, allowedOrigins, maxTextBytes, maxAudioBytes, messagesPerSecond, burst,
                maxFrameChars, idleTimeout, maxConnections);
    }

    public ServerSettings withRate(double messagesPerSecond, int burst) {
        return new ServerSettings(host, port, allowedOrigins, maxTextBytes, maxAudioBytes, messagesPerSecond, burst,
                maxFrameChars, idleTimeout, maxConnections);
    }

    public ServerSettings withLimits(int maxTextBytes, int maxAudioBytes, int maxFrameChars) {
        return new ServerSettings(host, port, allowedOrigins, maxTextBytes, maxAudioBytes, messagesPerSecond, burst,
                maxFrameChars, idleTimeout, maxConnections);
    }

    public ServerSettings withAllowedOrigins(List<String> allowedOrigins) {
        return new ServerSettings(host, port, allowedOrigins, maxTextBytes, maxAudioBytes, messagesPerSecond, burst,
                maxFrameChars, idleTimeout, maxConnections);
    }

    public ServerSettings withMaxConnections(int maxConnections) {
        return new ServerSettings(host, port, allowedOrigins, maxTextBytes, maxAudioBytes, messagesPerSecond, burst,
                maxFrameChars, idleTimeout, maxConnections);
    }

    private static int parseInt(String name, String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number, was '" + value + "'", e);
        }
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
