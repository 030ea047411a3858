package dev.interviewagent.samples.websocket;

import static dev.interviewagent.websocket.WsClient.frame;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.channel.SpeechTranscriber;
import dev.interviewagent.websocket.WsClient;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The sample's host: the page with its security headers, the page's own origin, and its options. */
class InterviewServerTest {

    @Test
    void should_serve_the_page_with_a_strict_policy_and_accept_websockets_from_it_only() throws Exception {
        try (InterviewEngine engine = InterviewEngine.builder().build();
             InterviewServer server = TestServers.start(engine, SpeechTranscriber.NONE, TestServers.settings()
                     .withPort(0))) {
            HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.uri()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("id=\"record-button\"");
            assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                    csp -> assertThat(csp).contains("default-src 'self'").contains("frame-ancestors 'none'"));
            assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");

            URI ws = server.webSocketUri();
            assertThat(ws.toString()).isEqualTo("ws://127.0.0.1:" + server.port() + "/ws/interview");
            for (String own : List.of("http://127.0.0.1:" + server.port(), "http://localhost:" + server.port())) {
                try (WsClient client = WsClient.connect(ws, own)) {
                    client.send(frame("ping"));
                    assertThat(client.next("pong")).as(own).isNotNull();
                }
            }
            assertThatThrownBy(() -> WsClient.connect(ws, "http://evil.example")).hasStackTraceContaining("403");
            assertThatThrownBy(() -> WsClient.connect(ws, "http://127.0.0.1:" + (server.port() + 1)))
                    .hasStackTraceContaining("403");
        }
    }

    @Test
    void should_refuse_a_page_whose_name_was_rebound_to_its_loopback_address() throws Exception {
        try (InterviewEngine engine = InterviewEngine.builder().build();
             InterviewServer server = TestServers.start(engine, SpeechTranscriber.NONE, TestServers.settings())) {
            int port = server.port();
            // attacker.example now resolves to 127.0.0.1: the browser sends the attacker's name as Origin and Host
            String rebound = "attacker.example:" + port;
            assertThat(request(port, rebound, "http://" + rebound, true)).isIn(403, 421);
            assertThat(request(port, rebound, null, false)).isEqualTo(421);   // nor the page itself
            // the allowed origins come from the bound address, never from the Host header: Origin alone decides
            assertThat(request(port, rebound, "http://localhost:" + port, true)).isEqualTo(101);
            assertThat(request(port, "localhost:" + port, "http://localhost:" + port, true)).isEqualTo(101);
            assertThat(request(port, "127.0.0.1:" + port, null, false)).isEqualTo(200);
            assertThat(request(port, "[::1]:" + port, null, false)).isEqualTo(200);
        }
    }

    /** The status of a raw request to 127.0.0.1 with these headers: a WebSocket handshake, or a page load. */
    private static int request(int port, String host, String origin, boolean upgrade) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            StringBuilder request = new StringBuilder(upgrade ? "GET /ws/interview HTTP/1.1\r\n" : "GET / HTTP/1.1\r\n")
                    .append("Host: ").append(host).append("\r\n");
            if (upgrade) {
                request.append("Upgrade: websocket\r\nConnection: Upgrade\r\n")
                        .append("Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n");
            } else {
                request.append("Connection: close\r\n");
            }
            if (origin != null) {
                request.append("Origin: ").append(origin).append("\r\n");
            }
            OutputStream out = socket.getOutputStream();
            out.write(request.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();
            StringBuilder status = new StringBuilder();
            InputStream in = socket.getInputStream();
            for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
                status.append((char) c);
            }
            return Integer.parseInt(status.toString().split(" ")[1]);
        }
    }

    @Test
    void should_accept_configured_origins_besides_its_own() throws Exception {
        ServerSettings settings = ServerSettings.from(new String[] {"--port", "0",
                "--allowed-origins", "https://app.example, https://other.example"}, Map.of());
        try (InterviewEngine engine = InterviewEngine.builder().build();
             InterviewServer server = TestServers.start(engine, SpeechTranscriber.NONE, settings);
             WsClient client = WsClient.connect(server.webSocketUri(), "https://app.example")) {
            client.send(frame("ping"));
            assertThat(client.next("pong")).isNotNull();
        }
    }

    @Test
    void should_read_options_before_the_environment_and_name_a_bad_one() {
        ServerSettings settings = ServerSettings.from(new String[] {"--port=9090", "--max-connections", "50",
                "--starts-per-minute", "90"}, Map.of("PORT", "7070", "HOST", "0.0.0.0", "ALLOWED_ORIGINS",
                "https://a.example", "CLIENT_ADDRESS_HEADER", "X-Real-IP", "STARTS_PER_MINUTE", "30"));
        assertThat(settings.port()).isEqualTo(9090);
        assertThat(settings.host()).isEqualTo("0.0.0.0");
        assertThat(settings.webSocket().maxConnections()).isEqualTo(50);
        assertThat(settings.webSocket().startsPerMinute()).isEqualTo(90);
        assertThat(settings.webSocket().clientAddressHeader()).contains("X-Real-IP");
        assertThat(settings.webSocket().allowedOrigins()).containsExactly("https://a.example");

        assertThatThrownBy(() -> ServerSettings.from(new String[] {"--nope", "1"}, Map.of()))
                .hasMessageContaining("unknown option --nope");
        assertThatThrownBy(() -> ServerSettings.from(new String[] {"--port", "x"}, Map.of()))
                .hasMessageContaining("interview.websocket.port");
        assertThatThrownBy(() -> ServerSettings.from(new String[] {}, Map.of("ALLOWED_ORIGINS", "app.example")))
                .hasMessageContaining("'app.example'");
    }

    @Test
    void should_take_every_websocket_setting_from_the_configuration_names_of_docs_configuration() {
        ServerSettings settings = ServerSettings.from(new String[] {}, Map.of(
                "INTERVIEW_WEBSOCKET_HOST", "0.0.0.0", "INTERVIEW_WEBSOCKET_PORT", "9191",
                "INTERVIEW_WEBSOCKET_ALLOWED_ORIGINS", "https://b.example",
                "INTERVIEW_WEBSOCKET_MAX_TEXT_BYTES", "4096", "INTERVIEW_WEBSOCKET_MAX_AUDIO_BYTES", "2048000",
                "INTERVIEW_WEBSOCKET_MESSAGES_PER_SECOND", "3", "INTERVIEW_WEBSOCKET_BURST", "6",
                "INTERVIEW_WEBSOCKET_IDLE_TIMEOUT", "90s", "INTERVIEW_WEBSOCKET_TURN_THREADS", "8",
                "INTERVIEW_WEBSOCKET_MAX_CONNECTIONS_PER_ADDRESS", "5"));
        assertThat(settings.host()).isEqualTo("0.0.0.0");
        assertThat(settings.port()).isEqualTo(9191);
        assertThat(settings.webSocket().allowedOrigins()).containsExactly("https://b.example");
        assertThat(settings.webSocket().maxTextBytes()).isEqualTo(4096);
        assertThat(settings.webSocket().maxAudioBytes()).isEqualTo(2_048_000);
        assertThat(settings.webSocket().messagesPerSecond()).isEqualTo(3.0);
        assertThat(settings.webSocket().burst()).isEqualTo(6);
        assertThat(settings.webSocket().idleTimeout()).isEqualTo(java.time.Duration.ofSeconds(90));
        assertThat(settings.webSocket().turnThreads()).isEqualTo(8);
        assertThat(settings.webSocket().maxConnectionsPerAddress()).isEqualTo(5);
    }

    @Test
    void should_count_every_loopback_name_as_the_page_own_origin() {
        assertThat(InterviewServer.ownOrigins("127.0.0.1", 8080)).containsExactly("http://localhost:8080",
                "http://127.0.0.1:8080", "http://[::1]:8080");
        assertThat(InterviewServer.ownOrigins("interviews.lan", 80)).containsExactly("http://interviews.lan:80");
        assertThat(InterviewServer.ownOrigins("0.0.0.0", 8080)).contains("http://localhost:8080",
                "http://127.0.0.1:8080");
    }
}
