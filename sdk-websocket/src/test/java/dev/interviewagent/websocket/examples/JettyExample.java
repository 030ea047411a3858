package dev.interviewagent.websocket.examples;

import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.websocket.WebSocketInterviews;
import dev.interviewagent.websocket.WebSocketSettings;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.websocket.jakarta.server.config.JakartaWebSocketServletContainerInitializer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * sdk-websocket on embedded Jetty 12 (ee10), as {@code docs/websocket.md} shows it. The protocol tests run on
 * {@link #start}. Run it: {@code ws://localhost:8080/ws/interview}, offline brain, in-memory store.
 */
public final class JettyExample {

    private JettyExample() {
    }

    // tag::jetty[]
    public static void main(String[] args) throws Exception {
        try (InterviewEngine engine = InterviewEngine.builder().build();
             WebSocketInterviews interviews = WebSocketInterviews.builder(engine)
                     .settings(WebSocketSettings.builder()
                             .allowedOrigins(List.of("http://localhost:8080"))   // where your page is served
                             .build())
                     .build()) {
            Server server = start(interviews, "127.0.0.1", 8080);
            System.out.println("ws://localhost:8080" + interviews.path());
            server.join();
        }
    }

    /** Starts Jetty on {@code host:port} (0: a free port) with the interview endpoint. */
    public static Server start(WebSocketInterviews interviews, String host, int port) throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        JakartaWebSocketServletContainerInitializer.configure(context,
                (servletContext, container) -> container.addEndpoint(interviews.endpointConfig()));
        server.setHandler(context);
        server.start();
        return server;
    }
    // end::jetty[]
}
