package dev.interviewagent.websocket.examples;

import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.websocket.WebSocketInterviews;
import dev.interviewagent.websocket.WebSocketSettings;
import jakarta.servlet.ServletException;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerContainer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.servlets.DefaultServlet;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.websocket.server.WsSci;

/**
 * sdk-websocket on embedded Tomcat 11, as {@code docs/websocket.md} shows it. The protocol tests run on
 * {@link #start}. Run it: {@code ws://localhost:8080/ws/interview}, offline brain, in-memory store.
 */
public final class TomcatExample {

    private TomcatExample() {
    }

    // tag::tomcat[]
    public static void main(String[] args) throws Exception {
        try (InterviewEngine engine = InterviewEngine.builder().build();
             WebSocketInterviews interviews = WebSocketInterviews.builder(engine)
                     .settings(WebSocketSettings.builder()
                             .allowedOrigins(List.of("http://localhost:8080"))   // where your page is served
                             .build())
                     .build()) {
            Tomcat tomcat = start(interviews, "127.0.0.1", 8080, Files.createTempDirectory("tomcat"));
            System.out.println("ws://localhost:8080" + interviews.path());
            tomcat.getServer().await();
        }
    }

    /** Starts Tomcat on {@code host:port} (0: a free port) with the interview endpoint; work files in {@code base}. */
    public static Tomcat start(WebSocketInterviews interviews, String host, int port, Path base)
            throws LifecycleException {
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(base.toString());
        Connector connector = new Connector();
        connector.setProperty("address", host);
        connector.setPort(port);
        tomcat.setConnector(connector);
        Context context = tomcat.addContext("", null);
        // requests reach the WebSocket filter only where a servlet is mapped
        Tomcat.addServlet(context, "default", new DefaultServlet()).addMapping("/");
        context.addServletContainerInitializer(new WsSci(), null);           // Tomcat's WebSocket container
        context.addServletContainerInitializer((classes, servletContext) -> { // runs after it: register ours
            ServerContainer container = (ServerContainer) servletContext.getAttribute(ServerContainer.class.getName());
            try {
                container.addEndpoint(interviews.endpointConfig());
            } catch (DeploymentException e) {
                throw new ServletException(e);
            }
        }, null);
        tomcat.start();
        return tomcat;
    }
    // end::tomcat[]
}
