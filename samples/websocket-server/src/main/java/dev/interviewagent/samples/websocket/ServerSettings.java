package dev.interviewagent.samples.websocket;

import dev.interviewagent.core.config.InterviewConfig;
import dev.interviewagent.core.config.InterviewSettings;
import dev.interviewagent.core.config.Setting;
import dev.interviewagent.websocket.WebSocketSettings;
import java.util.Collections;
import java.util.LinkedHashMap;
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

    /** The command-line options, and the setting each one sets. */
    private static final Map<String, Setting<?>> OPTIONS = options();

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
     * Reads the settings {@code interview.websocket.*} from the configuration — environment variables
     * ({@code INTERVIEW_WEBSOCKET_PORT}, …), then {@code -D} system properties, then the file
     * {@code INTERVIEW_CONFIG_FILE} names (docs/configuration.md) — where the options {@code --host}, {@code --port},
     * {@code --allowed-origins} (comma-separated), {@code --max-connections}, {@code --client-address-header} and
     * {@code --starts-per-minute} win over all of them.
     *
     * @throws IllegalArgumentException for an unknown option or a bad value, naming it
     */
    public static ServerSettings from(String[] args, Map<String, String> env) {
        InterviewConfig.Builder config = InterviewConfig.builder().environment(env)
                .systemProperties(System.getProperties());
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : null;
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            Setting<?> setting = OPTIONS.get(name);
            if (setting == null) {
                throw new IllegalArgumentException("unknown option " + name + " (known: "
                        + String.join(", ", OPTIONS.keySet()) + ")");
            }
            if (value == null) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(name + " needs a value");
                }
                value = args[++i];
            }
            config.set(setting, value, "option " + name);
        }
        InterviewConfig settings = config.build();
        return new ServerSettings(settings.get(InterviewSettings.WEBSOCKET_HOST),
                settings.get(InterviewSettings.WEBSOCKET_PORT), WebSocketSettings.from(settings));
    }

    private static Map<String, Setting<?>> options() {
        Map<String, Setting<?>> options = new LinkedHashMap<>();
        options.put("--host", InterviewSettings.WEBSOCKET_HOST);
        options.put("--port", InterviewSettings.WEBSOCKET_PORT);
        options.put("--allowed-origins", InterviewSettings.WEBSOCKET_ALLOWED_ORIGINS);
        options.put("--max-connections", InterviewSettings.WEBSOCKET_MAX_CONNECTIONS);
        options.put("--client-address-header", InterviewSettings.WEBSOCKET_CLIENT_ADDRESS_HEADER);
        options.put("--starts-per-minute", InterviewSettings.WEBSOCKET_STARTS_PER_MINUTE);
        return Collections.unmodifiableMap(options);
    }

    public ServerSettings withPort(int port) {
        return new ServerSettings(host, port, webSocket);
    }
}
