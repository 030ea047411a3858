package dev.interviewagent.websocket;

import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.servlets.DefaultServlet;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.websocket.server.WsSci;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.websocket.jakarta.server.config.JakartaWebSocketServletContainerInitializer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * An embedded Jakarta WebSocket container on a free loopback port with one endpoint registered the way a host
 * would: {@code serverContainer.addEndpoint(config)}. The only test code that knows Jetty or Tomcat.
 */
interface Container extends AutoCloseable {

    /** The two containers the protocol tests run on. */
    enum Kind {
        JETTY, TOMCAT;

        Container start(ServerEndpointConfig config) {
            try {
                return this == JETTY ? jetty(config) : tomcat(config);
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

    @Override
    void close() throws Exception;

    /** Jetty 12 (ee10). */
    static Container jetty(ServerEndpointConfig config) throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler(ServletContextHandler.NO_SESSIONS);
        context.setContextPath("/");
        JakartaWebSocketServletContainerInitializer.configure(context,
                (servletContext, container) -> container.addEndpoint(config));
        server.setHandler(context);
        server.setStopTimeout(1_000);
        server.start();
        return new Container() {
            @Override
            public int port() {
                return connector.getLocalPort();
            }

            @Override
            public void close() throws Exception {
                server.stop();
            }
        };
    }

    /** Tomcat 11 embedded, with its own Jakarta WebSocket implementation ({@code WsSci}). */
    static Container tomcat(ServerEndpointConfig config) throws IOException, LifecycleException {
        Path base = Files.createTempDirectory("ia-tomcat");
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(base.toString());
        Connector connector = new Connector();
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        tomcat.setConnector(connector);
        Context context = tomcat.addContext("", null);
        Tomcat.addServlet(context, "default", new DefaultServlet());
        context.addServletMappingDecoded("/", "default");
        context.addServletContainerInitializer(new WsSci(), null);
        // runs after WsSci, which has put the server container into the servlet context by then
        context.addServletContainerInitializer((classes, servletContext) -> {
            ServerContainer container = (ServerContainer) servletContext.getAttribute(ServerContainer.class.getName());
            try {
                container.addEndpoint(config);
            } catch (jakarta.websocket.DeploymentException e) {
                throw new jakarta.servlet.ServletException(e);
            }
        }, null);
        tomcat.start();
        return new Container() {
            @Override
            public int port() {
                return connector.getLocalPort();
            }

            @Override
            public void close() throws Exception {
                try {
                    tomcat.stop();
                    tomcat.destroy();
                } finally {
                    try (Stream<Path> files = Files.walk(base)) {
                        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                    }
                }
            }
        };
    }
}
