package dev.interviewagent.spring.boot.properties;

import dev.interviewagent.core.config.InterviewSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The WebSocket channel: {@code interview.websocket.*} (read by the WebSocket module from {@code InterviewConfig}). */
public final class WebSocketProperties {

    /** Address the WebSocket server binds to. */
    private String host = "127.0.0.1";

    /** TCP port of the WebSocket server; 0 picks a free one. */
    private int port = 8080;

    /** Origins allowed besides the page's own, comma-separated (https://a.example). */
    private List<String> allowedOrigins = new ArrayList<>();

    /** Open connections above this are refused with busy. */
    private int maxConnections = 20000;

    /** The largest client text frame answered normally (larger: too_large). */
    private int maxTextBytes = 65536;

    /** The largest recording accepted (larger: too_large). */
    private int maxAudioBytes = 26214400;

    /** Average frames a connection may send per second (more: rate_limited). */
    private double messagesPerSecond = 10;

    /** Frames a connection may send at once before the average applies. */
    private int burst = 20;

    /** The longest frame the server sends; longer reports go in parts. */
    private int maxFrameChars = 1048576;

    /** A connection with no traffic for this long is closed. */
    private Duration idleTimeout = Duration.ofMinutes(10);

    /** Open connections from one client address above this are refused. */
    private int maxConnectionsPerAddress = 64;

    /** New interviews per minute from all clients together (more: rate_limited). */
    private int startsPerMinute = 1200;

    /** New interviews per minute from one client address (more: rate_limited). */
    private int startsPerMinutePerAddress = 20;

    /** Threads that run turns, off the container's threads. */
    private int turnThreads = 64;

    /** Turns waiting for a thread above this get busy. */
    private int maxQueuedTurns = 1000;

    /** Header a trusted proxy puts the client's address in (X-Forwarded-For). Unset: the socket's address. */
    private @Nullable String clientAddressHeader;

    public String getHost() {
        return host;
    }

    public void setHost(String host) {
        this.host = host;
    }

    public int getPort() {
        return port;
    }

    public void setPort(int port) {
        this.port = port;
    }

    public List<String> getAllowedOrigins() {
        return allowedOrigins;
    }

    public void setAllowedOrigins(List<String> allowedOrigins) {
        this.allowedOrigins = allowedOrigins;
    }

    public int getMaxConnections() {
        return maxConnections;
    }

    public void setMaxConnections(int maxConnections) {
        this.maxConnections = maxConnections;
    }

    public int getMaxTextBytes() {
        return maxTextBytes;
    }

    public void setMaxTextBytes(int maxTextBytes) {
        this.maxTextBytes = maxTextBytes;
    }

    public int getMaxAudioBytes() {
        return maxAudioBytes;
    }

    public void setMaxAudioBytes(int maxAudioBytes) {
        this.maxAudioBytes = maxAudioBytes;
    }

    public double getMessagesPerSecond() {
        return messagesPerSecond;
    }

    public void setMessagesPerSecond(double messagesPerSecond) {
        this.messagesPerSecond = messagesPerSecond;
    }

    public int getBurst() {
        return burst;
    }

    public void setBurst(int burst) {
        this.burst = burst;
    }

    public int getMaxFrameChars() {
        return maxFrameChars;
    }

    public void setMaxFrameChars(int maxFrameChars) {
        this.maxFrameChars = maxFrameChars;
    }

    public Duration getIdleTimeout() {
        return idleTimeout;
    }

    public void setIdleTimeout(Duration idleTimeout) {
        this.idleTimeout = idleTimeout;
    }

    public int getMaxConnectionsPerAddress() {
        return maxConnectionsPerAddress;
    }

    public void setMaxConnectionsPerAddress(int maxConnectionsPerAddress) {
        this.maxConnectionsPerAddress = maxConnectionsPerAddress;
    }

    public int getStartsPerMinute() {
        return startsPerMinute;
    }

    public void setStartsPerMinute(int startsPerMinute) {
        this.startsPerMinute = startsPerMinute;
    }

    public int getStartsPerMinutePerAddress() {
        return startsPerMinutePerAddress;
    }

    public void setStartsPerMinutePerAddress(int startsPerMinutePerAddress) {
        this.startsPerMinutePerAddress = startsPerMinutePerAddress;
    }

    public int getTurnThreads() {
        return turnThreads;
    }

    public void setTurnThreads(int turnThreads) {
        this.turnThreads = turnThreads;
    }

    public int getMaxQueuedTurns() {
        return maxQueuedTurns;
    }

    public void setMaxQueuedTurns(int maxQueuedTurns) {
        this.maxQueuedTurns = maxQueuedTurns;
    }

    public @Nullable String getClientAddressHeader() {
        return clientAddressHeader;
    }

    public void setClientAddressHeader(@Nullable String clientAddressHeader) {
        this.clientAddressHeader = clientAddressHeader;
    }

    void collect(SettingValues values) {
        values.put(InterviewSettings.WEBSOCKET_HOST, host);
        values.put(InterviewSettings.WEBSOCKET_PORT, port);
        values.put(InterviewSettings.WEBSOCKET_ALLOWED_ORIGINS, allowedOrigins);
        values.put(InterviewSettings.WEBSOCKET_MAX_CONNECTIONS, maxConnections);
        values.put(InterviewSettings.WEBSOCKET_MAX_TEXT_BYTES, maxTextBytes);
        values.put(InterviewSettings.WEBSOCKET_MAX_AUDIO_BYTES, maxAudioBytes);
        values.put(InterviewSettings.WEBSOCKET_MESSAGES_PER_SECOND, messagesPerSecond);
        values.put(InterviewSettings.WEBSOCKET_BURST, burst);
        values.put(InterviewSettings.WEBSOCKET_MAX_FRAME_CHARS, maxFrameChars);
        values.put(InterviewSettings.WEBSOCKET_IDLE_TIMEOUT, idleTimeout);
        values.put(InterviewSettings.WEBSOCKET_MAX_CONNECTIONS_PER_ADDRESS, maxConnectionsPerAddress);
        values.put(InterviewSettings.WEBSOCKET_STARTS_PER_MINUTE, startsPerMinute);
        values.put(InterviewSettings.WEBSOCKET_STARTS_PER_MINUTE_PER_ADDRESS, startsPerMinutePerAddress);
        values.put(InterviewSettings.WEBSOCKET_TURN_THREADS, turnThreads);
        values.put(InterviewSettings.WEBSOCKET_MAX_QUEUED_TURNS, maxQueuedTurns);
        values.put(InterviewSettings.WEBSOCKET_CLIENT_ADDRESS_HEADER, clientAddressHeader);
    }
}
