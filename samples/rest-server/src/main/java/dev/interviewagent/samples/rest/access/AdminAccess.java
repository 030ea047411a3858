package dev.interviewagent.samples.rest.access;

import dev.interviewagent.samples.rest.RestSettings;
import dev.interviewagent.samples.rest.problem.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * The gate of the operator API ({@code /api/admin/**}): the bearer token must equal {@code INTERVIEW_ADMIN_TOKEN}.
 * Compared as SHA-256 digests with {@link MessageDigest#isEqual}, so the time taken says nothing about the token's
 * content or length. With no admin token configured the operator API is off: 403 for everyone.
 */
@Component
public class AdminAccess implements HandlerInterceptor {

    /** The realm of the admin token in {@code WWW-Authenticate}. */
    public static final String REALM = "operator";

    private final byte[] expected;

    public AdminAccess(RestSettings settings) {
        this.expected = settings.adminEnabled()
                ? AccessTokens.digest(settings.adminToken().getBytes(StandardCharsets.UTF_8)) : null;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        check(request);
        return true;
    }

    /**
     * Lets the request through or refuses it.
     *
     * @throws ApiException 403 when the operator API is off, 401 without the right token
     */
    public void check(HttpServletRequest request) {
        if (expected == null) {
            throw ApiException.forbidden("the operator API is off: start the server with INTERVIEW_ADMIN_TOKEN set");
        }
        String token = Bearer.require(request, REALM);
        byte[] given = AccessTokens.digest(token.getBytes(StandardCharsets.UTF_8));
        if (!MessageDigest.isEqual(given, expected)) {
            throw ApiException.unauthenticated(REALM, "the admin token is wrong");
        }
    }
}
