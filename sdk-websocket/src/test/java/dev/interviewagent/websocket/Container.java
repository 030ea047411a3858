package dev.interviewagent.websocket;

import dev.interviewagent.websocket.examples.JettyExample;
import dev.interviewagent.websocket.examples.TomcatExample;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.startup.Tomcat;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * An embedded Jakarta WebSocket container on a free loopback port with the interview endpoint registered the way
 * the documented examples do it ({@code serverContainer.addEndpoint(interviews.endpointConfig())}).
 */
interface Container extends AutoCloseable {

    /** The two containers the protocol tests run on. */
    enum Kind {
        JETTY, TOMCAT;

        Container start(WebSocketInterviews interviews) {
            try {
                return this == JETTY ? jetty(interviews) : tomcat(interviews);
            } catch (Exception e) {
                throw new IllegalStateException(this + " did not start", e);
            }
        }
    }

    int port();

    /** {@code ws://127.0.0.1:PORT} and the path. */
    default URI uri(String path) {
        return URI.create("ws://127.0.0.1:" + port() + path);
    }

    /** Stops the container; an interrupted or failed stop fails the test. */
    @Override
    void close();

    /** Jetty 12 (ee10), as {@link JettyExample} embeds it. */
    static Container jetty(WebSocketInterviews interviews) throws Exception {
        Server server = JettyExample.start(interviews, "127.0.0.1", 0);
        return new Container() {
            @Override
            public int port() {
                return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
            }

            @Override
            public void close() {
                try {
                    server.stop();
                } catch (Exception e) {
                    throw new IllegalStateException("Jetty did not stop", e);
                }
            }
        };
    }

    /** Tomcat 11 embedded, with its own Jakarta WebSocket implementation, as {@link TomcatExample} embeds it. */
    static Container tomcat(WebSocketInterviews interviews) throws IOException, LifecycleException {
        Path base = Files.createTempDirectory("ia-tomcat");
        Tomcat tomcat = TomcatExample.start(interviews, "127.0.0.1", 0, base);
        return new Container() {
            @Override
            public int port() {
                return tomcat.getConnector().getLocalPort();
            }

            @Override
            public void close() {
                try {
                    tomcat.stop();
                    tomcat.destroy();
                } catch (LifecycleException e) {
                    throw new IllegalStateException("Tomcat did not stop", e);
                } finally {
                    try (Stream<Path> files = Files.walk(base)) {
                        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
        };
    }
}
