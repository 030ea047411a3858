package dev.interviewagent.samples.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One HTTP exchange against {@code docs/openapi.yaml} (swagger-request-validator): the request (unless it is bad on
 * purpose), the response always; a response to a path the document does not have must still be a {@code Problem};
 * no problem body may carry a stack trace or an exception's class. Used by {@link ApiClient} and by the README run's
 * recording proxy.
 */
final class ExchangeCheck {

    /** What would betray a stack trace or an exception's class in a body. */
    private static final Pattern LEAK = Pattern.compile(
            "(?i)(exception|\\bat [a-z]+\\.[a-z]|java\\.|jakarta\\.|springframework|tools\\.jackson|com\\.fasterxml"
                    + "|dev\\.interviewagent|stacktrace|trace\")");

    private ExchangeCheck() {
    }

    static void check(String method, String pathAndQuery, Map<String, List<String>> requestHeaders,
                      byte @Nullable [] requestBody, boolean validRequest, ApiClient.Reply reply) {
        OpenApiContract contract = OpenApiContract.get();
        // the path as sent (still percent-encoded): the validator matches it against the templates itself
        String path = pathAndQuery.contains("?") ? pathAndQuery.substring(0, pathAndQuery.indexOf('?')) : pathAndQuery;
        String what = method + " " + pathAndQuery + " -> " + reply.status() + " " + abbreviated(reply);
        if (validRequest) {
            ValidationReport report = contract.validateRequest(request(method, pathAndQuery, path, requestHeaders,
                    requestBody));
            assertThat(report.hasErrors()).as("request breaks docs/openapi.yaml: %s\n%s", what,
                    OpenApiContract.describe(report)).isFalse();
        }
        Request.Method verb = Request.Method.valueOf(method.toUpperCase(Locale.ROOT));
        if (contract.knowsPath(path) && reply.status() != 405) {
            ValidationReport report = contract.validateResponse(path, verb, response(reply));
            assertThat(report.hasErrors()).as("response breaks docs/openapi.yaml: %s\n%s", what,
                    OpenApiContract.describe(report)).isFalse();
        } else {
            // no such route (or no such method): the body is still a documented Problem
            assertThat(reply.status()).as(what).isBetween(400, 499);
            ValidationReport report = contract.validateAgainst("Problem", reply.json());
            assertThat(report.hasErrors()).as("not a Problem: %s\n%s", what, OpenApiContract.describe(report))
                    .isFalse();
        }
        if (reply.status() >= 400) {
            assertThat(reply.contentType()).as(what).startsWith("application/problem+json");
            assertThat(reply.text()).as("a problem body leaks internals: %s", what).doesNotContainPattern(LEAK);
        }
    }

    private static Request request(String method, String pathAndQuery, String path,
                                   Map<String, List<String>> headers, byte @Nullable [] body) {
        SimpleRequest.Builder builder = new SimpleRequest.Builder(method, path);
        headers.forEach(builder::withHeader);
        if (body != null) {
            builder.withBody(body);
        }
        if (pathAndQuery.contains("?")) {
            Map<String, List<String>> query = new LinkedHashMap<>();
            for (String pair : pathAndQuery.substring(pathAndQuery.indexOf('?') + 1).split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                String[] kv = pair.split("=", 2);
                query.computeIfAbsent(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), k -> new ArrayList<>())
                        .add(kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
            query.forEach(builder::withQueryParam);
        }
        return builder.build();
    }

    private static com.atlassian.oai.validator.model.Response response(ApiClient.Reply reply) {
        SimpleResponse.Builder builder = new SimpleResponse.Builder(reply.status());
        reply.headers().forEach((name, values) -> {
            if (name != null && !name.startsWith(":")) {
                builder.withHeader(name, values);
            }
        });
        if (reply.body().length > 0) {
            builder.withBody(reply.body());
        }
        return builder.build();
    }

    private static String abbreviated(ApiClient.Reply reply) {
        String text = reply.text();
        return text.length() > 400 ? text.substring(0, 400) + "…" : text;
    }
}
