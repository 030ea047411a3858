package dev.interviewagent.samples.websocket;

import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.channel.SpeechTranscriber;
import dev.interviewagent.websocket.DataPolicy;
import dev.interviewagent.websocket.QuestionSpeaker;
import dev.interviewagent.websocket.RespondentData;
import dev.interviewagent.websocket.WebSocketInterviews;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.eclipse.jetty.ee10.servlet.DefaultServlet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.ee10.websocket.jakarta.server.config.JakartaWebSocketServletContainerInitializer;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.resource.ResourceFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.jspecify.annotations.Nullable;

/**
 * The embedded server: Jetty 12 (ee10) serving the web page from the classpath ({@code web/}) and sdk-websocket's
 * {@link WebSocketInterviews} at {@code ws://HOST:PORT/ws/interview}. The page's own origin (the address it binds)
 * is allowed besides the configured ones. Bound to loopback, it answers only requests addressed to one of those
 * origins' hosts: a page of another site whose name was rebound to 127.0.0.1 (DNS rebinding) gets neither the page
 * nor a WebSocket. The only class of the sample that knows Jetty. Not thread-safe to start and stop concurrently.
 */
public final class InterviewServer implements AutoCloseable {

    private final Server server;
    private final ServerConnector connector;
    private final WebSocketInterviews interviews;
    private final String host;

    private InterviewServer(Server server, ServerConnector connector, WebSocketInterviews interviews, String host) {
        this.server = server;
        this.connector = connector;
        this.interviews = interviews;
        this.host = host;
    }

    /**
     * Starts a server on the settings' host and port (0 picks a free port) for interviews on {@code engine}.
     *
     * @throws Exception if the port is taken or Jetty fails to start
     */
    public static InterviewServer start(ServerSettings settings, InterviewEngine engine, SpeechTranscriber transcriber)
            throws Exception {
        return start(settings, engine, transcriber, QuestionSpeaker.NONE);
    }

    /**
     * As {@link #start(ServerSettings, InterviewEngine, SpeechTranscriber)}, with questions spoken by
     * {@code speaker} when the page asks ({@link QuestionSpeaker#NONE}: the page uses the browser's own voice).
     *
     * @throws Exception if the port is taken or Jetty fails to start
     */
    public static InterviewServer start(ServerSettings settings, InterviewEngine engine, SpeechTranscriber transcriber,
                                        QuestionSpeaker speaker) throws Exception {
        return start(settings, engine, transcriber, speaker, DataPolicy.keptUntilDeleted(), null);
    }

    /**
     * As {@link #start(ServerSettings, InterviewEngine, SpeechTranscriber)}, with a page that tells respondents
     * {@code dataPolicy} and whose "download my answers" and "delete my data" reach every interview of their browser
     * through {@code respondentData} (null: the open interview only).
     *
     * @throws Exception if the port is taken or Jetty fails to start
     */
    public static InterviewServer start(ServerSettings settings, InterviewEngine engine, SpeechTranscriber transcriber,
                                        DataPolicy dataPolicy, @Nullable RespondentData respondentData)
            throws Exception {
        return start(settings, engine, transcriber, QuestionSpeaker.NONE, dataPolicy, respondentData);
    }

    /**
     * Starts a server with spoken questions by {@code speaker} and the privacy notice and data requests of
     * {@code dataPolicy} and {@code respondentData} (null: the open interview only).
     *
     * @throws Exception if the port is taken or Jetty fails to start
     */
    public static InterviewServer start(ServerSettings settings, InterviewEngine engine, SpeechTranscriber transcriber,
                                        QuestionSpeaker speaker, DataPolicy dataPolicy,
                                        @Nullable RespondentData respondentData) throws Exception {
        Objects.requireNonNull(settings, "settings");
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
        connector.open();   // bound now, so the page's own origin (with the real port) is known

        List<String> origins = new ArrayList<>(ownOrigins(settings.host(), connector.getLocalPort()));
        origins.addAll(settings.webSocket().allowedOrigins());
        WebSocketInterviews.Builder builder = WebSocketInterviews.builder(engine).transcriber(transcriber)
                .speaker(speaker)
                .settings(settings.webSocket().toBuilder().allowedOrigins(origins).build()).dataPolicy(dataPolicy);
        if (respondentData != null) {
            builder.respondentData(respondentData);
        }
        WebSocketInterviews interviews = builder.build();

        ServletContextHandler context = new ServletContextHandler(ServletContextHandler.NO_SESSIONS);
        context.setContextPath("/");
        context.setBaseResource(ResourceFactory.of(context).newClassLoaderResource("web/"));
        context.setWelcomeFiles(new String[] {"index.html"});
        ServletHolder files = new ServletHolder("default", DefaultServlet.class);
        files.setInitParameter("dirAllowed", "false");
        files.setInitParameter("cacheControl", "no-cache");
        context.addServlet(files, "/");
        if (isLoopback(settings.host())) {
            context.addFilter(new FilterHolder(knownHostsOnly(origins)), "/*", EnumSet.of(DispatcherType.REQUEST));
        }
        context.addFilter(new FilterHolder(securityHeaders()), "/*", EnumSet.of(DispatcherType.REQUEST));
        JakartaWebSocketServletContainerInitializer.configure(context, (servletContext, container) -> {
            container.setDefaultMaxSessionIdleTimeout(settings.webSocket().idleTimeout().toMillis());
            container.addEndpoint(interviews.endpointConfig());
        });
        server.setHandler(context);
        server.setStopTimeout(2_000);
        try {
            server.start();
        } catch (Exception e) {
            interviews.close();
            server.stop();
            throw e;
        }
        return new InterviewServer(server, connector, interviews, settings.host());
    }

    /**
     * The origins of the page as a browser reaches this server directly: {@code http://} and each name of the bound
     * address with the port (for 0.0.0.0, every local address). Behind a proxy or TLS, list the public origin in
     * {@code ALLOWED_ORIGINS}.
     */
    static List<String> ownOrigins(String host, int port) {
        Set<String> names = new LinkedHashSet<>();
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        boolean wildcard = bare.isEmpty() || bare.equals("0.0.0.0") || bare.equals("::");
        if (wildcard || bare.equals("localhost") || bare.equals("127.0.0.1") || bare.equals("::1")) {
            names.addAll(List.of("localhost", "127.0.0.1", "::1"));
        } else {
            names.add(bare);
        }
        if (wildcard) {
            try {
                names.add(InetAddress.getLocalHost().getHostName());
                for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                    nic.inetAddresses().map(InetAddress::getHostAddress)
                            .map(a -> a.contains("%") ? a.substring(0, a.indexOf('%')) : a).forEach(names::add);
                }
            } catch (IOException e) {
                // the loopback names above still work; other addresses need ALLOWED_ORIGINS
            }
        }
        return names.stream().map(n -> "http://" + (n.contains(":") ? "[" + n + "]" : n) + ":" + port).toList();
    }

    private static boolean isLoopback(String host) {
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        return bare.equals("localhost") || bare.equals("::1") || bare.startsWith("127.");
    }

    /** The port the server listens on (the real one when started with port 0). */
    public int port() {
        return connector.getLocalPort();
    }

    /** The page's address, e.g. {@code http://127.0.0.1:8080/}. */
    public URI uri() {
        String shown = host.equals("0.0.0.0") || host.isEmpty() ? "localhost" : host.contains(":") ? "[" + host + "]"
                : host;
        return URI.create("http://" + shown + ":" + port() + "/");
    }

    /** The endpoint's address, e.g. {@code ws://127.0.0.1:8080/ws/interview}. */
    public URI webSocketUri() {
        return URI.create(uri().toString().replaceFirst("^http", "ws") + interviews.path().substring(1));
    }

    public WebSocketInterviews interviews() {
        return interviews;
    }

    /** Blocks until the server stops. */
    public void join() throws InterruptedException {
        server.join();
    }

    /** Stops the server; open connections are closed (clients reconnect elsewhere or later). */
    @Override
    public void close() throws Exception {
        interviews.close();
        server.stop();
    }

    /**
     * Answers only requests whose {@code Host} is one of the allowed origins' {@code host[:port]} (421 otherwise).
     * The WebSocket's origin check already refuses a rebound page, since its {@code Origin} is its own name; this
     * keeps such a page from reading anything else here either. A request without {@code Host} is no browser's.
     * Used on loopback only: on other addresses, proxies and container networks reach the server by names it cannot
     * know, and the origin check alone guards the WebSocket.
     */
    static Filter knownHostsOnly(List<String> allowedOrigins) {
        Set<String> authorities = new LinkedHashSet<>();
        for (String origin : allowedOrigins) {   // validated as http(s)://host[:port] by WebSocketSettings
            URI uri = URI.create(origin.strip().toLowerCase(Locale.ROOT));
            int defaultPort = uri.getScheme().equals("https") ? 443 : 80;
            int port = uri.getPort() != -1 ? uri.getPort() : defaultPort;
            authorities.add(uri.getHost() + ":" + port);
            if (port == defaultPort) {
                authorities.add(uri.getHost());   // browsers leave a default port out of Host
            }
        }
        return (request, response, chain) -> {
            String host = ((HttpServletRequest) request).getHeader("Host");
            if (host != null && !authorities.contains(host.strip().toLowerCase(Locale.ROOT))) {
                ((HttpServletResponse) response).sendError(421, "Misdirected Request");
                return;
            }
            chain.doFilter(request, response);
        };
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
