package dev.interviewagent.samples.telegram;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.interviewagent.telegram.TelegramChannel;
import dev.interviewagent.telegram.WebhookResult;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;

/**
 * The sample's webhook endpoint on the JDK's HTTP server: every POST goes to {@link TelegramChannel#onWebhook},
 * which checks the secret header, and is answered with the status it returns. Plain HTTP: put it behind the
 * TLS-terminating proxy that Telegram's HTTPS webhook URL points at.
 */
final class WebhookServer implements AutoCloseable {

    private final HttpServer server;

    private WebhookServer(HttpServer server) {
        this.server = server;
    }

    static WebhookServer start(TelegramChannel channel, int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", exchange -> handle(channel, exchange));
        server.start();
        return new WebhookServer(server);
    }

    private static void handle(TelegramChannel channel, HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readNBytes(TelegramChannel.MAX_WEBHOOK_BODY_BYTES + 1);   // a larger body is refused
            }
            WebhookResult result = channel.onWebhook(exchange.getRequestHeaders(), body);
            exchange.sendResponseHeaders(result.httpStatus(), -1);
        }
    }

    @Override
    public void close() {
        server.stop(1);
    }
}
