package dev.interviewagent.samples.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document springdoc serves is the one checked in as {@code docs/openapi.yaml}: change the API and this
 * fails until the file is regenerated ({@code -Dopenapi.update=true}, then review the diff). The file is a valid
 * OpenAPI 3.1 document.
 */
class OpenApiDocumentTest extends ApiTestBase {

    @Test
    void should_serve_the_checked_in_document() throws Exception {
        HttpResponse<String> served = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/v3/api-docs.yaml")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(served.statusCode()).isEqualTo(200);
        String document = served.body().replace("\r\n", "\n");
        if (Boolean.getBoolean("openapi.update")) {
            Files.writeString(OpenApiContract.DOCUMENT, document);
        }
        assertThat(Files.readString(OpenApiContract.DOCUMENT))
                .as("docs/openapi.yaml is not what the server serves; regenerate it with -Dopenapi.update=true")
                .isEqualTo(document);
    }

    @Test
    void should_be_a_valid_openapi_3_1_document() throws Exception {
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(Files.readString(OpenApiContract.DOCUMENT));
        assertThat(parsed.getMessages()).isEmpty();
        assertThat(parsed.getOpenAPI().getOpenapi()).startsWith("3.1.");
        assertThat(parsed.getOpenAPI().getPaths()).containsKeys("/api/interviews", "/api/interviews/{id}",
                "/api/interviews/{id}/answers", "/api/interviews/{id}/answers/audio", "/api/interviews/{id}/complete",
                "/api/interviews/{id}/report", "/api/interviews/{id}/export", "/api/admin/interviews",
                "/api/admin/metrics", "/api/admin/interviews/{id}", "/api/admin/interviews/{id}/report",
                "/api/admin/interviews/{id}/export");
    }
}
