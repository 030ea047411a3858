package dev.interviewagent.llm.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * OpenAI's published chat-completions schemas, read from the team's offline copy of the spec
 * ({@code shared/specs/openai-openapi.prism.json}, the copy whose {@code nullable} schemas compile), found by
 * walking up from the working directory. Absent (a checkout without {@code shared/}), the fake server keeps only
 * its hand-written checks.
 */
final class OpenAiSpec {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Optional<OpenAiSpec> INSTANCE = load();

    private final JsonSchema request;
    private final JsonSchema response;

    private OpenAiSpec(JsonNode document) {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        this.request = factory.getSchema(root(document, "CreateChatCompletionRequest"));
        this.response = factory.getSchema(root(document, "CreateChatCompletionResponse"));
    }

    static Optional<OpenAiSpec> get() {
        return INSTANCE;
    }

    private static ObjectNode root(JsonNode document, String name) {
        ObjectNode root = JSON.createObjectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("$ref", "#/components/schemas/" + name);
        root.set("components", document.path("components"));
        return root;
    }

    private static Optional<OpenAiSpec> load() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path spec = dir.resolve("shared/specs/openai-openapi.prism.json");
            if (Files.isRegularFile(spec)) {
                try {
                    return Optional.of(new OpenAiSpec(JSON.readTree(spec.toFile())));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return Optional.empty();
    }

    /** Violations of {@code CreateChatCompletionRequest}. */
    List<String> checkRequest(JsonNode body) {
        return messages(request.validate(body));
    }

    /** Violations of {@code CreateChatCompletionResponse}. */
    List<String> checkResponse(JsonNode body) {
        return messages(response.validate(body));
    }

    private static List<String> messages(Set<ValidationMessage> errors) {
        return errors.stream().map(ValidationMessage::getMessage).sorted().toList();
    }
}
