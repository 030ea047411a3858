package dev.interviewagent.websocket.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Which browser pages may open a connection: a handshake's {@code Origin} must be one of the allowed origins; a
 * handshake without one (not a browser) passes, since the per-interview token is what protects an interview.
 * Origins are compared as {@code scheme://host[:port]}, lower case, default ports left out, so
 * {@code https://A.example:443/} and {@code https://a.example} are the same. Immutable and thread-safe.
 *
 * <p>Only the {@code Origin} header is looked at: {@link jakarta.websocket.server.ServerEndpointConfig.Configurator
 * #checkOrigin(String)} sees nothing else, which is what keeps the check container-neutral.
 */
public final class OriginCheck {

    private final Set<String> allowed;

    /** @param allowedOrigins origins such as {@code https://app.example:8443} */
    public OriginCheck(Collection<String> allowedOrigins) {
        this.allowed = allowedOrigins.stream().map(OriginCheck::normalise).collect(Collectors.toUnmodifiableSet());
    }

    /** Whether a handshake with this {@code Origin} header (null when absent) may go ahead. */
    public boolean allows(@Nullable String origin) {
        if (origin == null || origin.isBlank()) {
            return true;
        }
        try {
            return allowed.contains(normalise(origin));
        } catch (IllegalArgumentException e) {
            return false;   // "null" (a sandboxed page, a file), or garbage: not one of ours
        }
    }

    /**
     * The canonical form of an origin.
     *
     * @throws IllegalArgumentException if it is not {@code http(s)://host[:port]} (a path other than {@code /} counts)
     */
    public static String normalise(String origin) {
        String text = origin.strip().toLowerCase(Locale.ROOT);
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("origin must be http(s)://host[:port], was '" + origin + "'", e);
        }
        String scheme = uri.getScheme();
        boolean http = "http".equals(scheme);
        boolean https = "https".equals(scheme);
        String path = uri.getRawPath();
        if (!(http || https) || uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawQuery() != null
                || uri.getRawFragment() != null || (path != null && !path.isEmpty() && !path.equals("/"))) {
            throw new IllegalArgumentException("origin must be http(s)://host[:port], was '" + origin + "'");
        }
        int port = uri.getPort();
        boolean defaultPort = port == -1 || (http && port == 80) || (https && port == 443);
        return scheme + "://" + uri.getHost() + (defaultPort ? "" : ":" + port);
    }
}
