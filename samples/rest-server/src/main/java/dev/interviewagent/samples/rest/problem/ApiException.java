package dev.interviewagent.samples.rest.problem;

import dev.interviewagent.core.exception.ErrorCode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * A request the API refuses, with everything its problem response carries: the HTTP status, the SDK's error code and
 * a detail that is safe to show (never respondent text read back from storage, a token or a key). No stack trace:
 * it is an answer, not a failure.
 */
public final class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final HttpStatus status;
    private final ErrorCode code;
    private final transient Map<String, Object> properties = new LinkedHashMap<>();
    private @Nullable Duration retryAfter;
    private @Nullable String authenticate;

    private ApiException(HttpStatus status, ErrorCode code, String detail) {
        super(detail, null, false, false);
        this.status = Objects.requireNonNull(status, "status");
        this.code = Objects.requireNonNull(code, "code");
    }

    public static ApiException of(HttpStatus status, ErrorCode code, String detail) {
        return new ApiException(status, code, detail);
    }

    public static ApiException badRequest(String detail) {
        return of(HttpStatus.BAD_REQUEST, ErrorCode.BAD_REQUEST, detail);
    }

    public static ApiException unprocessable(String detail) {
        return of(HttpStatus.UNPROCESSABLE_CONTENT, ErrorCode.BAD_REQUEST, detail);
    }

    public static ApiException notFound(String detail) {
        return of(HttpStatus.NOT_FOUND, ErrorCode.NOT_FOUND, detail);
    }

    /** 401 with a {@code WWW-Authenticate: Bearer} challenge for {@code realm}. */
    public static ApiException unauthenticated(String realm, String detail) {
        ApiException e = of(HttpStatus.UNAUTHORIZED, ErrorCode.UNAUTHORIZED, detail);
        e.authenticate = "Bearer realm=\"" + realm + "\"";
        return e;
    }

    public static ApiException forbidden(String detail) {
        return of(HttpStatus.FORBIDDEN, ErrorCode.UNAUTHORIZED, detail);
    }

    /** Adds a member to the problem object (e.g. the transcript of an unclear recording). */
    public ApiException with(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    /** Sets {@code Retry-After}. */
    public ApiException retryAfter(Duration delay) {
        this.retryAfter = delay;
        return this;
    }

    public HttpStatus status() {
        return status;
    }

    public ErrorCode code() {
        return code;
    }

    public String detail() {
        return getMessage();
    }

    public Map<String, Object> properties() {
        return properties;
    }

    public @Nullable Duration retryAfterDelay() {
        return retryAfter;
    }

    public @Nullable String authenticateChallenge() {
        return authenticate;
    }
}
