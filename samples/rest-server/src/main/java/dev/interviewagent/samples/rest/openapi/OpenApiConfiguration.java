package dev.interviewagent.samples.rest.openapi;

import dev.interviewagent.core.exception.ErrorCode;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;

/**
 * The OpenAPI 3.1 document springdoc serves at {@code /v3/api-docs.yaml} (checked in as {@code docs/openapi.yaml}):
 * the API's description, its two bearer schemes, the {@code Problem} schema and, on every operation, the problem
 * responses its {@link ProblemResponses} names plus 400, 406, 429 and 500.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    static final String PROBLEM = "Problem";
    private static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM;
    private static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    @Bean
    OpenAPI interviewOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Interview Agent REST API").version("1")
                        .description("An AI-led expert interview over HTTP (samples/rest-server). See docs/rest.md.")
                        .license(new License().name("Apache-2.0")
                                .url("https://www.apache.org/licenses/LICENSE-2.0.txt")))
                .servers(List.of(new Server().url("/").description("this server")))
                .components(new Components()
                        .addSecuritySchemes("interviewToken", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").description("The interview's token from the start response."))
                        .addSecuritySchemes("adminToken", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").description("The operator token (INTERVIEW_ADMIN_TOKEN)."))
                        .addSchemas(PROBLEM, problemSchema())
                        .addSchemas("Export", exportSchema()));
    }

    /** The problem responses of each operation, from its {@link ProblemResponses} plus 400, 406, 429 and 500. */
    @Bean
    OperationCustomizer problemResponses() {
        return (Operation operation, org.springframework.web.method.HandlerMethod handler) -> {
            Set<Integer> statuses = new TreeSet<>();
            ProblemResponses declared = handler.getMethodAnnotation(ProblemResponses.class);
            if (declared != null) {
                Arrays.stream(declared.value()).forEach(statuses::add);
            }
            // any request may be unreadable (a path Tomcat refuses), ask for a type the operation does not
            // produce, be limited, or meet a bug
            statuses.add(400);
            statuses.add(406);
            statuses.add(429);
            statuses.add(500);
            ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
            for (int status : statuses) {
                responses.addApiResponse(Integer.toString(status), problem(HttpStatus.valueOf(status)));
            }
            operation.setResponses(responses);
            return operation;
        };
    }

    private static ApiResponse problem(HttpStatus status) {
        return new ApiResponse().description(status.getReasonPhrase() + ": a problem (RFC 9457).")
                .content(new Content().addMediaType(PROBLEM_JSON,
                        new MediaType().schema(new Schema<>().$ref(PROBLEM_REF))));
    }

    @SuppressWarnings("rawtypes") // swagger-models' Schema.setProperties takes a Map of raw Schema
    private static Schema<?> problemSchema() {
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put("type", string("A URI reference naming the problem type; `about:blank`: the status says it."));
        properties.put("title", string("The status's reason phrase."));
        properties.put("status", typed("integer", "The HTTP status."));
        properties.put("detail", string("What was wrong, safe to show: never a stack trace, class name or key."));
        properties.put("instance", string("The request path."));
        Schema<Object> code = typed("string", "The SDK's error code (ErrorCode wire value).");
        code.setEnum(Arrays.stream(ErrorCode.values()).map(c -> (Object) c.wireValue()).toList());
        properties.put("code", code);
        properties.put("reason", string("For recordings: why it was refused (`unknown_format`, `too_short`,"
                + " `unclear`, …)."));
        properties.put("transcript", new Schema<>().$ref("#/components/schemas/Transcript"));
        Schema<Object> problem = typed("object", "An RFC 9457 problem with the SDK's error code.");
        problem.setProperties(properties);
        problem.setRequired(List.of("title", "status", "code"));
        return problem;
    }

    @SuppressWarnings("rawtypes") // as above
    private static Schema<?> exportSchema() {
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put("channelKey", string("The interview's channel key."));
        Schema<Object> exportedAt = string("When the export was made.");
        exportedAt.setFormat("date-time");
        properties.put("exportedAt", exportedAt);
        Schema<Object> entry = typed("object", "One interview: `interview` (its state), `turns` and `report`.");
        Schema<Object> interviews = typed("array", "The interview (one entry).");
        interviews.setItems(entry);
        properties.put("interviews", interviews);
        Schema<Object> export = typed("object", "Everything stored about an interview, decrypted.");
        export.setProperties(properties);
        export.setRequired(List.of("channelKey", "exportedAt", "interviews"));
        return export;
    }

    private static Schema<Object> string(String description) {
        return typed("string", description);
    }

    /** A schema of one type, written as OpenAPI 3.1 wants it ({@code types}) and 3.0 ({@code type}). */
    private static Schema<Object> typed(String type, String description) {
        Schema<Object> schema = new Schema<>();
        schema.setType(type);
        schema.setTypes(new java.util.LinkedHashSet<>(List.of(type)));
        schema.setDescription(description);
        return schema;
    }
}
