package dev.interviewagent.samples.websocket;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Refuses WebSocket handshakes from foreign pages (403 before the upgrade): a browser's {@code Origin} must be the
 * page's own (its host and port equal the request's {@code Host}) or one of the configured allowed origins. A
 * request without {@code Origin} (not a browser) passes: the per-interview token is what protects an interview.
 * A plain Servlet filter, so a host deploying {@link InterviewEndpoint} in another container can map it too.
 */
public final class OriginFilter implements Filter {

    private final Set<String> allowed;

    /** @param allowedOrigins origins such as {@code https://app.example:8443}, compared case-insensitively */
    public OriginFilter(List<String> allowedOrigins) {
        this.allowed = allowedOrigins.stream().map(o -> o.strip().toLowerCase(Locale.ROOT))
                .map(o -> o.endsWith("/") ? o.substring(0, o.length() - 1) : o).collect(Collectors.toSet());
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        if (isAllowed(http.getHeader("Origin"), http.getHeader("Host"))) {
            chain.doFilter(request, response);
        } else {
            ((HttpServletResponse) response).sendError(HttpServletResponse.SC_FORBIDDEN, "origin not allowed");
        }
    }

    boolean isAllowed(String origin, String host) {
        if (origin == null) {
            return true;
        }
        String normalised = origin.strip().toLowerCase(Locale.ROOT);
        if (allowed.contains(normalised)) {
            return true;
        }
        try {
            URI uri = new URI(normalised);
            String scheme = uri.getScheme();
            return host != null && ("http".equals(scheme) || "https".equals(scheme)) && uri.getRawAuthority() != null
                    && uri.getRawAuthority().equals(host.strip().toLowerCase(Locale.ROOT));
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
