package dev.interviewagent.samples.websocket;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.EnumSet;
import java.util.Objects;
import org.eclipse.jetty.ee10.servlet.DefaultServlet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.FilterMapping;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.ee10.websocket.jakarta.server.config.JakartaWebSocketServletContainerInitializer;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.resource.ResourceFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The embedded server: Jetty 12 (ee10) serving the web page from the classpath ({@code web/}) and
 * {@link InterviewEndpoint} at {@code ws://HOST:PORT/ws/interview}, behind {@link OriginFilter}. The only class of
 * the sample that knows Jetty. Not thread-safe to start and stop concurrently.
 */
public final class InterviewServer implements AutoCloseable {

    private final Server server;
    private final ServerConnector connector;
    private final InterviewHub hub;

    private InterviewServer(Server server, ServerConnector connector, InterviewHub hub) {
        this.server = server;
        this.connector = connector;
        this.hub = hub;
    }

    /**
     * Starts a server for {@code hub} on its settings' host and port (0 picks a free port).
     *
     * @throws Exception if the port is taken or Jetty fails to start
     */
    public static InterviewServer start(InterviewHub hub) throws Exception {
        Objects.requireNonNull(hub, "hub");
        ServerSettings settings = hub.settings();
        QueuedThreadPool threads = new QueuedThreadPool(400, 8);
        threads.setName("ws-server");
        Server server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(settings.host());
        connector.setPort(settings.port());
        connector.setAcceptQueueSize(1024);
        server.addConnector(connector);

        ServletContextHandler context = new ServletContextHandler(ServletContextHandler.NO_SESSIONS);
        context.setContextPath("/");
        context.setBaseResource(ResourceFactory.of(context).newClassLoaderResource("web/"));
        context.setWelcomeFiles(new String[] {"index.html"});
        ServletHolder files = new ServletHolder("default", DefaultServlet.class);
        files.setInitParameter("dirAllowed", "false");
        files.setInitParameter("cacheControl", "no-cache");
        context.addServlet(files, "/");
        context.addFilter(new FilterHolder(securityHeaders()), "/*", EnumSet.of(DispatcherType.REQUEST));
        JakartaWebSocketServletContainerInitializer.configure(context, (servletContext, container) -> {
            container.setDefaultMaxSessionIdleTimeout(settings.idleTimeout().toMillis());
            container.addEndpoint(InterviewEndpoint.config(hub));
            // The origin check must run before Jetty's upgrade filter, which puts itself first: put ours before it.
            FilterHolder origin = new FilterHolder(new OriginFilter(settings.allowedOrigins()));
            origin.setName("origin-check");
            context.getServletHandler().prependFilter(origin);
            FilterMapping mapping = new FilterMapping();
            mapping.setFilterName(origin.getName());
            mapping.setPathSpec(InterviewEndpoint.PATH);
            mapping.setDispatcherTypes(EnumSet.of(DispatcherType.REQUEST));
            context.getServletHandler().prependFilterMapping(mapping);
        });
        server.setHandler(context);
        server.setStopTimeout(2_000);
        server.start();
        return new InterviewServer(server, connector, hub);
    }

    /** The port the server listens on (the real one when started with port 0). */
    public int port() {
        return connector.getLocalPort();
    }

    /** The page's address, e.g. {@code http://127.0.0.1:8080/}. */
    public URI uri() {
        String host = hub.settings().host();
        String shown = host.equals("0.0.0.0") || host.isEmpty() ? "localhost" : host.contains(":") ? "[" + host + "]"
                : host;
        return URI.create("http://" + shown + ":" + port() + "/");
    }

    /** The endpoint's address, e.g. {@code ws://127.0.0.1:8080/ws/interview}. */
    public URI webSocketUri() {
        return URI.create(uri().toString().replaceFirst("^http", "ws") + InterviewEndpoint.PATH.substring(1));
    }

    public InterviewHub hub() {
        return hub;
    }

    /** Blocks until the server stops. */
    public void join() throws InterruptedException {
        server.join();
    }

    /** Stops the server; open connections are closed (clients reconnect elsewhere or later). */
    @Override
    public void close() throws Exception {
        server.stop();
    }

    private static Filter securityHeaders() {
        return (request, response, chain) -> {
            HttpServletResponse http = (HttpServletResponse) response;
            http.setHeader("Content-Security-Policy", "default-src 'self'; connect-src 'self'; img-src 'self' blob: "
                    + "data:; media-src 'self' blob:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'");
            http.setHeader("X-Content-Type-Options", "nosniff");
            http.setHeader("Referrer-Policy", "no-referrer");
            http.setHeader("Permissions-Policy", "microphone=(self)");
            chain.doFilter(request, response);
        };
    }
}
