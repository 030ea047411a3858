package dev.interviewagent.llm;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Checks and shows the brain's base URL, which may carry a key (user info, query): never shown whole. */
final class BaseUrls {

    private BaseUrls() {
    }

    /**
     * @throws IllegalArgumentException if {@code baseUrl} is not an http(s) URL with a host; the message names the
     *                                  problem, never the value
     */
    static void check(String baseUrl) {
        URI uri;
        try {
            uri = new URI(baseUrl.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("baseUrl must be an http(s) URL: " + e.getReason() + " at index "
                    + e.getIndex());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new IllegalArgumentException("baseUrl must be an http(s) URL, was '" + redact(baseUrl) + "'");
        }
    }

    /** A base URL without user info or query (which could carry secrets). */
    static String redact(String url) {
        try {
            URI uri = URI.create(url);
            return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), null, null)
                    .toString();
        } catch (IllegalArgumentException | URISyntaxException e) {
            return "<base url>";
        }
    }
}
