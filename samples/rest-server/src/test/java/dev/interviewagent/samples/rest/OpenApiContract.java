package dev.interviewagent.samples.rest;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.schema.SchemaValidator;
import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The checked-in {@code docs/openapi.yaml} as a validator (swagger-request-validator): every request the tests send
 * and every response they get is checked against it.
 */
final class OpenApiContract {

    /** The document, from this module's directory. */
    static final Path DOCUMENT = Path.of("..", "..", "docs", "openapi.yaml");

    private static OpenApiContract instance;

    private final OpenAPI api;
    private final OpenApiInteractionValidator validator;
    private final SchemaValidator schemas;

    private OpenApiContract(String document) {
        String yaml = readableBy30Validator(document);
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(yaml, null, options);
        if (parsed.getOpenAPI() == null || (parsed.getMessages() != null && !parsed.getMessages().isEmpty())) {
            throw new IllegalStateException("docs/openapi.yaml does not parse: " + parsed.getMessages());
        }
        this.api = parsed.getOpenAPI();
        this.validator = OpenApiInteractionValidator.createFor(api).build();
        this.schemas = new SchemaValidator(api, new MessageResolver());
    }

    /**
     * The document for swagger-request-validator, whose JSON Schema engine knows OpenAPI 3.0 schemas only (it drops
     * 3.1's {@code type} when the parser keeps it as a set, so it would check no types at all). The document uses
     * nothing of 3.1 that reads differently as 3.0 (no type lists, {@code null} types, {@code const} or
     * {@code examples} in schemas): it is given to the validator as 3.0.3, unchanged otherwise.
     * {@link OpenApiDocumentTest} checks that it is valid 3.1.
     */
    static String readableBy30Validator(String document) {
        if (!document.startsWith("openapi: 3.1.")) {
            throw new IllegalStateException("docs/openapi.yaml is expected to be OpenAPI 3.1");
        }
        for (String line : document.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("type: [") || trimmed.equals("- \"null\"") || trimmed.equals("- 'null'")
                    || trimmed.startsWith("const:") || trimmed.startsWith("examples:")
                    || trimmed.startsWith("exclusiveMinimum:") || trimmed.startsWith("exclusiveMaximum:")) {
                throw new IllegalStateException("docs/openapi.yaml uses a 3.1-only schema feature the validator"
                        + " would misread: " + trimmed);
            }
        }
        return document.replaceFirst("^openapi: 3\\.1\\.\\d+", "openapi: 3.0.3");
    }

    static synchronized OpenApiContract get() {
        if (instance == null) {
            try {
                instance = new OpenApiContract(Files.readString(DOCUMENT));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    OpenAPI api() {
        return api;
    }

    ValidationReport validateRequest(Request request) {
        return validator.validateRequest(request);
    }

    ValidationReport validateResponse(String path, Request.Method method,
                                      com.atlassian.oai.validator.model.Response response) {
        return validator.validateResponse(path, method, response);
    }

    /** Whether the document has an operation for this path (with any method). */
    boolean knowsPath(String path) {
        return api.getPaths().keySet().stream().anyMatch(template -> matches(template, path));
    }

    private static boolean matches(String template, String path) {
        String[] t = template.split("/", -1);
        String[] p = path.split("/", -1);
        if (t.length != p.length) {
            return false;
        }
        for (int i = 0; i < t.length; i++) {
            if (!(t[i].startsWith("{") || t[i].equals(p[i]))) {
                return false;
            }
        }
        return true;
    }

    /** A JSON value against one of the document's component schemas. */
    ValidationReport validateAgainst(String component, JsonNode value) {
        Schema<?> schema = api.getComponents().getSchemas().get(component);
        if (schema == null) {
            throw new IllegalArgumentException("no schema " + component + " in docs/openapi.yaml");
        }
        return schemas.validate(() -> value, schema, "component." + component);
    }

    static String describe(ValidationReport report) {
        List<String> lines = report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .map(m -> m.getKey() + ": " + m.getMessage()).toList();
        return String.join("\n", lines);
    }
}
