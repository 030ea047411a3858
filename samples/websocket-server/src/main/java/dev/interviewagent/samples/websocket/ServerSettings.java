package dev.interviewagent.samples.websocket;

import dev.interviewagent.websocket.WebSocketSettings;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * The server's settings: where it listens, and the WebSocket limits of sdk-websocket. Immutable; a bad value fails at
 * start-up, naming the setting.
 *
 * @param host      bind address (default 127.0.0.1)
 * @param port      TCP port; 0 picks a free one (default 8080)
 * @param webSocket limits of each connection, and origins allowed besides the page's own
 */
public record ServerSettings(String host, int port, WebSocketSettings webSocket) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;

    public ServerSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(webSocket, "webSocket");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0-65535, was " + port);
        }
    }

    /** 127.0.0.1:8080 with sdk-websocket's default limits. */
    public static ServerSettings defaults() {
        return new ServerSettings(DEFAULT_HOST, DEFAULT_PORT, WebSocketSettings.defaults());
    }

    /**
     * Reads {@code --host}, {@code --port}, {@code --allowed-origins} (comma-separated), {@code --max-connections},
     * {@code --client-address-header} and {@code --starts-per-minute}, falling back to {@code HOST}, {@code PORT},
     * {@code ALLOWED_ORIGINS}, {@code MAX_CONNECTIONS}, {@code CLIENT_ADDRESS_HEADER} and {@code STARTS_PER_MINUTE};
     * an argument wins over the environment.
     *
     * @throws IllegalArgumentException for an unknown option or a bad value
     */
    public static ServerSettings from(String[] args, Map<String, String> env) {
        String host = env.getOrDefault("HOST", DEFAULT_HOST);
        String port = env.getOrDefault("PORT", String.valueOf(DEFAULT_PORT));
        String origins = env.getOrDefault("ALLOWED_ORIGINS", "");
        String maxConnections = env.getOrDefault("MAX_CONNECTIONS",
                String.valueOf(WebSocketSettings.DEFAULT_MAX_CONNECTIONS));
        String addressHeader = env.getOrDefault("CLIENT_ADDRESS_HEADER", "");
        String startsPerMinute = env.getOrDefault("STARTS_PER_MINUTE",
                String.valueOf(WebSocketSettings.DEFAULT_STARTS_PER_MINUTE));
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : null;
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (value == null && !name.equals("--help")) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(name + " needs a value");
                }
                value = args[++i];
            }
            switch (name) {
                case "--host" -> host = value;
                case "--port" -> port = value;
                case "--allowed-origins" -> origins = value;
                case "--max-connections" -> maxConnections = value;
                case "--client-address-header" -> addressHeader = value;
                case "--starts-per-minute" -> startsPerMinute = value;
                default -> throw new IllegalArgumentException("unknown option " + name + " (known: --host, --port, "
                        + "--allowed-origins, --max-connections, --client-address-header, --starts-per-minute)");
            }
        }
        return new ServerSettings(host, parseInt("port", port), WebSocketSettings.builder()
                .allowedOrigins(Arrays.stream(origins.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                        .toList())
                .maxConnections(parseInt("maxConnections", maxConnections))
                .clientAddressHeader(addressHeader)
                .startsPerMinute(parseInt("startsPerMinute", startsPerMinute)).build());
    }

    public ServerSettings withPort(int port) {
        return new ServerSettings(host, port, webSocket);
    }

    private static int parseInt(String name, String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number, was '" + value + "'", e);
        }
    }
}
