package dev.interviewagent.websocket;

import dev.interviewagent.core.config.InterviewConfig;
import dev.interviewagent.core.config.InterviewSettings;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

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
 * @param maxConnectionsPerAddress  open connections of one client address above this are refused like those over
 *                          {@code maxConnections}
 * @param addressMessagesPerSecond  average frames all connections of one client address may send per second,
 *                          remembered across reconnects; more get {@code rate_limited}
 * @param addressBurst      frames one client address may send at once before its average applies
 * @param startsPerMinutePerAddress interviews one client address may start per minute (a bucket holding a
 *                          minute's worth, remembered across reconnects); more get {@code rate_limited}
 * @param startsPerMinute   interviews all clients together may start per minute; more get {@code rate_limited}
 * @param maxBufferedAudioBytes recordings of all connections held in memory at once (being received, waiting or
 *                          being transcribed); a recording that does not fit gets {@code busy}
 * @param turnThreads       threads that run turns (engine calls, speech-to-text) off the container's threads
 * @param maxQueuedTurns    turns that may wait for one of those threads; more get {@code busy}
 * @param maxOutboundChars  characters of frames waiting to be sent to one connection; a connection that reads so
 *                          slowly that more pile up is closed (1008) instead of holding memory or a thread
 * @param clientAddressHeader the request header a trusted reverse proxy sets to the client's address (e.g.
 *                          {@code X-Forwarded-For}, whose last entry is used, or {@code X-Real-IP}); empty: the
 *                          address of the connection as the container reports it. Only set it behind a proxy that
 *                          always overwrites the header, since clients could send it themselves otherwise
 */
public record WebSocketSettings(List<String> allowedOrigins, int maxTextBytes, int maxAudioBytes,
                                double messagesPerSecond, int burst, int maxFrameChars, Duration idleTimeout,
                                int maxConnections, int maxConnectionsPerAddress, double addressMessagesPerSecond,
                                int addressBurst, int startsPerMinutePerAddress, int startsPerMinute,
                                long maxBufferedAudioBytes, int turnThreads, int maxQueuedTurns,
                                int maxOutboundChars, Optional<String> clientAddressHeader) {

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
    /** 64 open connections per client address (browser tabs, or people behind one NAT). */
    public static final int DEFAULT_MAX_CONNECTIONS_PER_ADDRESS = 64;
    /** 50 frames a second per client address on average, over all its connections. */
    public static final double DEFAULT_ADDRESS_MESSAGES_PER_SECOND = 50;
    /** Bursts of 100 frames per client address. */
    public static final int DEFAULT_ADDRESS_BURST = 100;
    /** 20 new interviews a minute per client address. */
    public static final int DEFAULT_STARTS_PER_MINUTE_PER_ADDRESS = 20;
    /** 1,200 new interviews a minute in all. */
    public static final int DEFAULT_STARTS_PER_MINUTE = 1_200;
    /** 256 MiB of recordings in memory at once. */
    public static final long DEFAULT_MAX_BUFFERED_AUDIO_BYTES = 256L * 1024 * 1024;
    /** 64 threads run turns. */
    public static final int DEFAULT_TURN_THREADS = 64;
    /** 1,000 turns may wait for a thread. */
    public static final int DEFAULT_MAX_QUEUED_TURNS = 1_000;
    /** 4 Mi characters waiting to be sent per connection: a few of the longest frames. */
    public static final int DEFAULT_MAX_OUTBOUND_CHARS = 4 * 1024 * 1024;

    private static final Pattern HEADER_NAME = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]{1,64}");

    /**
     * Validates every value.
     *
     * @throws NullPointerException     if {@code allowedOrigins}, one of them, {@code idleTimeout} or
     *                                  {@code clientAddressHeader} is null
     * @throws IllegalArgumentException naming the setting, if a value is out of range, an origin is not
     *                                  {@code http(s)://host[:port]} or the header is not a header name
     */
    public WebSocketSettings {
        allowedOrigins = List.copyOf(Objects.requireNonNull(allowedOrigins, "allowedOrigins"));
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(clientAddressHeader, "clientAddressHeader");
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
        check(maxConnectionsPerAddress >= 1, "maxConnectionsPerAddress must be >= 1, was "
                + maxConnectionsPerAddress);
        check(addressMessagesPerSecond > 0 && Double.isFinite(addressMessagesPerSecond),
                "addressMessagesPerSecond must be > 0, was " + addressMessagesPerSecond);
        check(addressBurst >= 1, "addressBurst must be >= 1, was " + addressBurst);
        check(startsPerMinutePerAddress >= 1, "startsPerMinutePerAddress must be >= 1, was "
                + startsPerMinutePerAddress);
        check(startsPerMinute >= 1, "startsPerMinute must be >= 1, was " + startsPerMinute);
        check(maxBufferedAudioBytes >= maxAudioBytes, "maxBufferedAudioBytes must be >= maxAudioBytes ("
                + maxAudioBytes + "), was " + maxBufferedAudioBytes);
        check(turnThreads >= 1 && turnThreads <= 10_000, "turnThreads must be 1-10000, was " + turnThreads);
        check(maxQueuedTurns >= 0, "maxQueuedTurns must be >= 0, was " + maxQueuedTurns);
        check(maxOutboundChars >= maxFrameChars, "maxOutboundChars must be >= maxFrameChars (" + maxFrameChars
                + "), was " + maxOutboundChars);
        clientAddressHeader.ifPresent(header -> check(HEADER_NAME.matcher(header).matches(),
                "clientAddressHeader must be a header name, was '" + header + "'"));
    }

    /**
     * The defaults: no allowed origins, 64 KiB text frames, 25 MiB audio, 10 frames/s with bursts of 20 per
     * connection; the other {@code DEFAULT_*} constants.
     */
    public static WebSocketSettings defaults() {
        return builder().build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The settings {@code interview.websocket.*} of a configuration (environment variables, system properties, a
     * file; see docs/configuration.md), the defaults where a setting is unset.
     *
     * @throws IllegalArgumentException for a bad value, naming the setting
     */
    public static WebSocketSettings from(InterviewConfig config) {
        Builder b = builder();
        config.apply(InterviewSettings.WEBSOCKET_ALLOWED_ORIGINS, b::allowedOrigins);
        config.apply(InterviewSettings.WEBSOCKET_MAX_TEXT_BYTES, b::maxTextBytes);
        config.apply(InterviewSettings.WEBSOCKET_MAX_AUDIO_BYTES, b::maxAudioBytes);
        b.rate(config.get(InterviewSettings.WEBSOCKET_MESSAGES_PER_SECOND), config.get(InterviewSettings.WEBSOCKET_BURST));
        config.apply(InterviewSettings.WEBSOCKET_MAX_FRAME_CHARS, b::maxFrameChars);
        config.apply(InterviewSettings.WEBSOCKET_IDLE_TIMEOUT, b::idleTimeout);
        config.apply(InterviewSettings.WEBSOCKET_MAX_CONNECTIONS, b::maxConnections);
        config.apply(InterviewSettings.WEBSOCKET_MAX_CONNECTIONS_PER_ADDRESS, b::maxConnectionsPerAddress);
        config.apply(InterviewSettings.WEBSOCKET_STARTS_PER_MINUTE, b::startsPerMinute);
        config.apply(InterviewSettings.WEBSOCKET_STARTS_PER_MINUTE_PER_ADDRESS, b::startsPerMinutePerAddress);
        config.apply(InterviewSettings.WEBSOCKET_TURN_THREADS, b::turnThreads);
        config.apply(InterviewSettings.WEBSOCKET_MAX_QUEUED_TURNS, b::maxQueuedTurns);
        config.apply(InterviewSettings.WEBSOCKET_CLIENT_ADDRESS_HEADER, b::clientAddressHeader);
        return b.build();
    }

    /** A builder starting from these settings. */
    public Builder toBuilder() {
        return new Builder().allowedOrigins(allowedOrigins).maxTextBytes(maxTextBytes).maxAudioBytes(maxAudioBytes)
                .rate(messagesPerSecond, burst).maxFrameChars(maxFrameChars).idleTimeout(idleTimeout)
                .maxConnections(maxConnections).maxConnectionsPerAddress(maxConnectionsPerAddress)
                .addressRate(addressMessagesPerSecond, addressBurst)
                .startsPerMinutePerAddress(startsPerMinutePerAddress).startsPerMinute(startsPerMinute)
                .maxBufferedAudioBytes(maxBufferedAudioBytes).turnThreads(turnThreads).maxQueuedTurns(maxQueuedTurns)
                .maxOutboundChars(maxOutboundChars).clientAddressHeader(clientAddressHeader.orElse(""));
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
        private int maxConnectionsPerAddress = DEFAULT_MAX_CONNECTIONS_PER_ADDRESS;
        private double addressMessagesPerSecond = DEFAULT_ADDRESS_MESSAGES_PER_SECOND;
        private int addressBurst = DEFAULT_ADDRESS_BURST;
        private int startsPerMinutePerAddress = DEFAULT_STARTS_PER_MINUTE_PER_ADDRESS;
        private int startsPerMinute = DEFAULT_STARTS_PER_MINUTE;
        private long maxBufferedAudioBytes = DEFAULT_MAX_BUFFERED_AUDIO_BYTES;
        private int turnThreads = DEFAULT_TURN_THREADS;
        private int maxQueuedTurns = DEFAULT_MAX_QUEUED_TURNS;
        private int maxOutboundChars = DEFAULT_MAX_OUTBOUND_CHARS;
        private String clientAddressHeader = "";

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

        /** Default {@link #DEFAULT_MAX_CONNECTIONS_PER_ADDRESS}; at least 1. */
        public Builder maxConnectionsPerAddress(int maxConnectionsPerAddress) {
            this.maxConnectionsPerAddress = maxConnectionsPerAddress;
            return this;
        }

        /**
         * Frames per second all connections of one client address may send on average, and the burst allowed at
         * once; remembered across reconnects. Default {@link #DEFAULT_ADDRESS_MESSAGES_PER_SECOND} and
         * {@link #DEFAULT_ADDRESS_BURST}.
         */
        public Builder addressRate(double messagesPerSecond, int burst) {
            this.addressMessagesPerSecond = messagesPerSecond;
            this.addressBurst = burst;
            return this;
        }

        /** Default {@link #DEFAULT_STARTS_PER_MINUTE_PER_ADDRESS}; at least 1. */
        public Builder startsPerMinutePerAddress(int startsPerMinutePerAddress) {
            this.startsPerMinutePerAddress = startsPerMinutePerAddress;
            return this;
        }

        /** Default {@link #DEFAULT_STARTS_PER_MINUTE}; at least 1. */
        public Builder startsPerMinute(int startsPerMinute) {
            this.startsPerMinute = startsPerMinute;
            return this;
        }

        /** Default {@link #DEFAULT_MAX_BUFFERED_AUDIO_BYTES}; at least {@code maxAudioBytes}. */
        public Builder maxBufferedAudioBytes(long maxBufferedAudioBytes) {
            this.maxBufferedAudioBytes = maxBufferedAudioBytes;
            return this;
        }

        /** Default {@link #DEFAULT_TURN_THREADS}; 1 to 10,000. */
        public Builder turnThreads(int turnThreads) {
            this.turnThreads = turnThreads;
            return this;
        }

        /** Default {@link #DEFAULT_MAX_QUEUED_TURNS}; at least 0. */
        public Builder maxQueuedTurns(int maxQueuedTurns) {
            this.maxQueuedTurns = maxQueuedTurns;
            return this;
        }

        /** Default {@link #DEFAULT_MAX_OUTBOUND_CHARS}; at least {@code maxFrameChars}. */
        public Builder maxOutboundChars(int maxOutboundChars) {
            this.maxOutboundChars = maxOutboundChars;
            return this;
        }

        /**
         * The header a trusted reverse proxy puts the client's address in ({@code X-Forwarded-For}: its last
         * entry; {@code X-Real-IP}); empty (the default): the connection's own address as the container reports
         * it.
         */
        public Builder clientAddressHeader(String clientAddressHeader) {
            this.clientAddressHeader = Objects.requireNonNull(clientAddressHeader, "clientAddressHeader").strip();
            return this;
        }

        /**
         * The settings.
         *
         * @throws IllegalArgumentException naming the setting, if a value is out of range
         */
        public WebSocketSettings build() {
            return new WebSocketSettings(allowedOrigins, maxTextBytes, maxAudioBytes, messagesPerSecond, burst,
                    maxFrameChars, idleTimeout, maxConnections, maxConnectionsPerAddress, addressMessagesPerSecond,
                    addressBurst, startsPerMinutePerAddress, startsPerMinute, maxBufferedAudioBytes, turnThreads,
                    maxQueuedTurns, maxOutboundChars,
                    clientAddressHeader.isEmpty() ? Optional.empty() : Optional.of(clientAddressHeader));
        }
    }
}
