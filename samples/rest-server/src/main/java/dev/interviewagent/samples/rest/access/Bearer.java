package dev.interviewagent.samples.rest.access;

import dev.interviewagent.samples.rest.problem.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;

/** The bearer token of a request ({@code Authorization: Bearer <token>}, RFC 6750). */
public final class Bearer {

    /** RFC 6750's b64token, at most 512 characters. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._~+/-]{1,512}=*");
    private static final String SCHEME = "bearer ";

    private Bearer() {
    }

    /** The token, if the request carries an {@code Authorization} header of the Bearer scheme, well-formed or not. */
    public static Optional<String> find(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || header.length() < SCHEME.length()
                || !header.substring(0, SCHEME.length()).toLowerCase(Locale.ROOT).equals(SCHEME)) {
            return Optional.empty();
        }
        return Optional.of(header.substring(SCHEME.length()).strip());
    }

    /**
     * The request's bearer token.
     *
     * @throws ApiException 401 with a challenge for {@code realm} when there is none, there are several or it is
     *                      malformed
     */
    public static String require(HttpServletRequest request, String realm) {
        List<String> headers = Collections.list(request.getHeaders(HttpHeaders.AUTHORIZATION));
        if (headers.size() > 1) {
            throw ApiException.unauthenticated(realm, "send one Authorization header");
        }
        String token = find(request).orElseThrow(() -> ApiException.unauthenticated(realm,
                "an Authorization: Bearer token is required"));
        if (!TOKEN.matcher(token).matches()) {
            throw ApiException.unauthenticated(realm, "the bearer token is malformed");
        }
        return token;
    }
}
