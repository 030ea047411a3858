package dev.interviewagent.samples.websocket;

import dev.interviewagent.core.InterviewEngine;
import java.util.Map;

/**
 * Runs the interview server: the web page at {@code http://HOST:PORT/} and the WebSocket endpoint at
 * {@code ws://HOST:PORT/ws/interview}. Every setting comes from the configuration ({@code interview.websocket.*},
 * e.g. {@code INTERVIEW_WEBSOCKET_PORT}; docs/configuration.md); the options {@code --host}, {@code --port},
 * {@code --allowed-origins}, {@code --max-connections}, {@code --client-address-header} and
 * {@code --starts-per-minute} win over it.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> env = System.getenv();
        ServerSettings settings;
        try {
            settings = ServerSettings.from(args, env);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println("usage: java -jar websocket-server-sample.jar [--host 127.0.0.1] [--port 8080] "
                    + "[--allowed-origins https://a.example,...] [--max-connections 20000] "
                    + "[--client-address-header X-Forwarded-For] [--starts-per-minute 1200]");
            System.exit(2);
            return;
        }
        Backends backends = new Backends();
        InterviewEngine engine = backends.engine(env);
        InterviewServer server = InterviewServer.start(settings, engine, backends.transcriber(env),
                backends.speaker(env), backends.dataPolicy(), backends.respondentData());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
                engine.close();
                backends.close();
            } catch (Exception e) {
                System.err.println("shutdown: " + e);
            }
        }, "ws-shutdown"));
        backends.description().forEach(line -> System.out.println("  " + line));
        System.out.println("Interview server ready: " + server.uri() + "  (WebSocket " + server.webSocketUri()
                + ")");
        server.join();
    }
}
