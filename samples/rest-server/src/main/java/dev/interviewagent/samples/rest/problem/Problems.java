package dev.interviewagent.samples.rest.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interviewagent.core.exception.ErrorCode;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * RFC 9457 problem details as this API sends them: Spring's {@link ProblemDetail} with a {@code code} member that
 * carries the SDK's {@link ErrorCode} wire value ({@code bad_request}, {@code not_found}, …).
 */
public final class Problems {

    /** The member that carries the SDK's error code. */
    public static final String CODE = "code";

    private static final ObjectMapper JSON = new ObjectMapper();

    private Problems() {
    }

    /** A problem with a detail that is safe to show. */
    public static ProblemDetail of(HttpStatusCode status, ErrorCode code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setProperty(CODE, code.wireValue());
        return problem;
    }

    /** The problem an {@link ApiException} describes. */
    public static ProblemDetail of(ApiException e) {
        ProblemDetail problem = of(e.status(), e.code(), e.detail());
        e.properties().forEach(problem::setProperty);
        return problem;
    }

    /** The SDK error code that fits an HTTP status, for refusals that do not come with one. */
    public static ErrorCode codeFor(HttpStatusCode status) {
        int value = status.value();
        if (value == 401 || value == 403) {
            return ErrorCode.UNAUTHORIZED;
        }
        if (value == 404) {
            return ErrorCode.NOT_FOUND;
        }
        if (value == 413) {
            return ErrorCode.TOO_LARGE;
        }
        if (value == 429) {
            return ErrorCode.RATE_LIMITED;
        }
        if (value == 409) {
            return ErrorCode.BUSY;
        }
        if (value == 503 || value == 504) {
            return ErrorCode.UNAVAILABLE;
        }
        return status.is5xxServerError() ? ErrorCode.INTERNAL : ErrorCode.BAD_REQUEST;
    }

    /** Headers that go with the problem: {@code Retry-After} and the bearer challenge. */
    public static HttpHeaders headers(@Nullable Duration retryAfter, @Nullable String authenticate) {
        HttpHeaders headers = new HttpHeaders();
        if (retryAfter != null) {
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds(retryAfter)));
        }
        if (authenticate != null) {
            headers.set(HttpHeaders.WWW_AUTHENTICATE, authenticate);
        }
        headers.setCacheControl("no-store");
        return headers;
    }

    /** Whole seconds, rounded up, at least 1. */
    public static long retryAfterSeconds(Duration delay) {
        long millis = Math.max(1, delay.toMillis());
        return Math.max(1, (millis + 999) / 1000);
    }

    /**
     * Writes a problem straight to the response, for the filters that answer before Spring MVC runs. The body is
     * the same JSON that {@link ProblemDetail} serialises to.
     */
    public static void write(HttpServletResponse response, HttpStatus status, ErrorCode code, String detail,
                             @Nullable Duration retryAfter) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", status.getReasonPhrase());
        body.put("status", status.value());
        body.put("detail", detail);
        body.put(CODE, code.wireValue());
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem map is always serialisable", e);
        }
        response.resetBuffer();
        response.setStatus(status.value());
        HttpHeaders headers = headers(retryAfter, null);
        headers.forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
        response.flushBuffer();
    }
}
