package dev.interviewagent.websocket;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The limits each WebSocket connection lives with, and which browser pages may connect. Immutable; validated on
 * construction, so a bad value fails at start-up and the message names the setting and the value.
 *
 * <pre>{@code
 * WebSocketSettings settings = WebSocketSettings.builder()
 *         .allowedOrigins(List.of("https://interviews.example"))
 *         .maxConnections(5_000)
 *         .build();
 * }</pre>
 *
 * @param allowedOrigins    origins whose pages may open a connection, e.g. {@code https://app.example:8443}; compared
 *                          case-insensitively, a default port ({@code :80}, {@code :443}) may be left out. A handshake
 *                          with any other {@code Origin} is refused with 403; one without {@code Origin} (not a
 *                          browser) is accepted, since the per-interview token protects interviews. Empty: no browser
 *                          page may connect
 * @param maxTextBytes      the largest client text frame (UTF-8 bytes) answered normally; larger ones get
 *                          {@code too_large} and the connection stays open
 * @param maxAudioBytes     the largest recording (one binary frame); larger ones get {@code too_large}
 * @param messagesPerSecond average frames a connection may send per second; more get {@code rate_limited}
 * @param burst             frames a connection may send at once before the average applies
 * @param maxFrameChars     the longest frame the server sends; longer Markdown reports and notices go out in parts
 * @param idleTimeout       a connection with no traffic for this long is closed (clients ping and reconnect)
 * @param maxConnections    open connections above this are refused with {@code busy} and closed with 1013
 */
public record WebSocketSettings(List<String> allowedOrigins, int maxTextBytes, int maxAudioBytes,
                                double messagesPerSecond, int burst, int maxFrameChars, Duration idleTimeout,
                                int maxConnections) {

    /** 64 KiB. */
    public static final int DEFAULT_MAX_TEXT_BYTES = 64 * 1024;
    /** 25 MiB, the upload limit of the speech-to-text providers sdk-voice supports. */
    public static final int DEFAULT_MAX_AUDIO_BYTES = 25 * 1024 * 1024;
    /** 10 frames a second on average. */
    public static final double DEFAULT_MESSAGES_PER_SECOND = 10;
    /** Bursts of 20 frames. */
    public static final int DEFAULT_BURST = 20;
    /** 1 MiB. */
    public static final int DEFAULT_MAX_FRAME_CHARS = 1024 * 1024;
    /** 10 minutes. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(10);
    /** 20,000 open connections. */
    public static final int DEFAULT_MAX_CONNECTIONS = 20_000;

    /**
     * Validates every value.
     *
     * @throws NullPointerException     if {@code allowedOrigins}, one of them, or {@code idleTimeout} is null
     * @throws IllegalArgumentException naming the setting, if a value is out of range or an origin is not
     *                                  {@code http(s)://host[:port]}
     */
    public WebSocketSettings {
        allowedOrigins = List.copyOf(Objects.requireNonNull(allowedOrigins, "allowedOrigins"));
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        for (String origin : allowedOrigins) {
            dev.interviewagent.websocket.internal.OriginCheck.normalise(origin);
        }
        check(maxTextBytes >= 1024, "maxTextBytes must be >= 1024, was " + maxTextBytes);
        check(maxAudioBytes >= 1024, "maxAudioBytes must be >= 1024, was " + maxAudioBytes);
        check(messagesPerSecond > 0 && Double.isFinite(messagesPerSecond),
                "messagesPerSecond must be > 0, was " + messagesPerSecond);
        check(burst >= 1, "burst must be >= 1, was " + burst);
        check(maxFrameChars >= 1024, "maxFrameChars must be >= 1024, was " + maxFrameChars);
        check(!idleTimeout.isNegative() && !idleTimeout.isZero(), "idleTimeout must be > 0, was " + idleTimeout);
        check(maxConnections >= 1, "maxConnections must be >= 1, was " + maxConnections);
    }

    /** The defaults: no allowed origins, 64 KiB text frames, 25 MiB audio, 10 frames/s with bursts of 20. */
    public static WebSocketSettings defaults() {
        return builder().build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these settings. */
    public Builder toBuilder() {
        return new Builder().allowedOrigins(allowedOrigins).maxTextBytes(maxTextBytes).maxAudioBytes(maxAudioBytes)
                .rate(messagesPerSecond, burst).maxFrameChars(maxFrameChars).idleTimeout(idleTimeout)
                .maxConnections(maxConnections);
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    /** Builds {@link WebSocketSettings}; every value is checked by {@link #build()}. Not thread-safe. */
    public static final class Builder {
        private List<String> allowedOrigins = List.of();
        private int maxTextBytes = DEFAULT_MAX_TEXT_BYTES;
        private int maxAudioBytes = DEFAULT_MAX_AUDIO_BYTES;
        private double messagesPerSecond = DEFAULT_MESSAGES_PER_SECOND;
        private int burst = DEFAULT_BURST;
        private int maxFrameChars = DEFAULT_MAX_FRAME_CHARS;
        private Duration idleTimeout = DEFAULT_IDLE_TIMEOUT;
        private int maxConnections = DEFAULT_MAX_CONNECTIONS;

        private Builder() {
        }

        /** Origins whose pages may connect, e.g. {@code https://app.example}. Default: none. */
        public Builder allowedOrigins(List<String> allowedOrigins) {
            this.allowedOrigins = List.copyOf(Objects.requireNonNull(allowedOrigins, "allowedOrigins"));
            return this;
        }

        /** Default {@link #DEFAULT_MAX_TEXT_BYTES}; at least 1024. */
        public Builder maxTextBytes(int maxTextBytes) {
            this.maxTextBytes = maxTextBytes;
            return this;
        }

        /** Default {@link #DEFAULT_MAX_AUDIO_BYTES}; at least 1024. */
        public Builder maxAudioBytes(int maxAudioBytes) {
            this.maxAudioBytes = maxAudioBytes;
            return this;
        }

        /**
         * Frames per second per connection on average, and the burst allowed at once (a token bucket). Default
         * {@link #DEFAULT_MESSAGES_PER_SECOND} and {@link #DEFAULT_BURST}.
         */
        public Builder rate(double messagesPerSecond, int burst) {
            this.messagesPerSecond = messagesPerSecond;
            this.burst = burst;
            return this;
        }

        /** Default {@link #DEFAULT_MAX_FRAME_CHARS}; at least 1024. */
        public Builder maxFrameChars(int maxFrameChars) {
            this.maxFrameChars = maxFrameChars;
            return this;
        }

        /** Default {@link #DEFAULT_IDLE_TIMEOUT}; positive. */
        public Builder idleTimeout(Duration idleTimeout) {
            this.idleTimeout = Objects.requireNonNull(idleTimeout, "idleTimeout");
            return this;
        }

        /** Default {@link #DEFAULT_MAX_CONNECTIONS}; at least 1. */
        public Builder maxConnections(int maxConnections) {
            this.maxConnections = maxConnections;
            return this;
        }

        /**
         * The settings.
         *
         * @throws IllegalArgumentException naming the setting, if a value is out of range
         */
        public WebSocketSettings build() {
            return new WebSocketSettings(allowedOrigins, maxTextBytes, maxAudioBytes, messagesPerSecond, burst,
                    maxFrameChars, idleTimeout, maxConnections);
        }
    }
}
