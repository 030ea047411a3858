package dev.interviewagent.voice.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.interviewagent.voice.testkit.AudioFixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * JSON-schema validators for request and response bodies, taken from the providers' published OpenAPI specs in
 * {@code shared/specs/} (the Prism-ready JSON copies described in that folder's README: same rules, vendor keys
 * dropped, {@code nullable} rewritten as JSON Schema).
 */
public final class SpecSchemas {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode spec;
    private final ConcurrentHashMap<String, JsonSchema> schemas = new ConcurrentHashMap<>();

    private SpecSchemas(JsonNode spec) {
        this.spec = spec;
    }

    /** Loads {@code shared/specs/<file>}. */
    public static SpecSchemas load(String file) {
        try {
            return new SpecSchemas(JSON.readTree(Files.readAllBytes(AudioFixtures.sharedPath("specs/" + file))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The whole spec. */
    public JsonNode spec() {
        return spec;
    }

    /** The {@code example} of a component schema, as a mutable copy. */
    public ObjectNode example(String component) {
        return (ObjectNode) spec.at("/components/schemas/" + component + "/example").deepCopy();
    }

    /**
     * Violations of a body against {@code #/components/schemas/<component>}; empty when valid. A name of the form
     * {@code allOf:<component>} validates against {@link #mergedAllOf(String)} of that component.
     */
    public List<String> violations(String component, JsonNode body) {
        JsonSchema schema = schemas.computeIfAbsent(component, name -> name.startsWith("allOf:")
                ? compile(mergedAllOf(name.substring("allOf:".length())))
                : compile(ref(name)));
        return messages(schema.validate(body));
    }

    /**
     * Violations against a schema node (for example one merged by a test), resolved in the context of the spec's
     * components.
     */
    public List<String> violations(ObjectNode schema, JsonNode body) {
        return messages(compile(schema.deepCopy()).validate(body));
    }

    /**
     * AssemblyAI's {@code TranscriptParams} is {@code allOf} two schemas that each say
     * {@code additionalProperties: false}; read literally no body can satisfy both (the spec README describes the
     * same problem in Prism). The intended contract is their union: this returns one object schema with the
     * properties and required names of both parts and {@code additionalProperties: false}.
     */
    public ObjectNode mergedAllOf(String component) {
        ObjectNode merged = JSON.createObjectNode();
        merged.put("type", "object");
        ObjectNode properties = merged.putObject("properties");
        ArrayNode required = merged.putArray("required");
        for (JsonNode part : spec.at("/components/schemas/" + component + "/allOf")) {
            JsonNode resolved = part.has("$ref") ? spec.at(part.get("$ref").asText().substring(1)) : part;
            resolved.path("properties").properties().forEach(e -> properties.set(e.getKey(), e.getValue()));
            resolved.path("required").forEach(required::add);
        }
        merged.put("additionalProperties", false);
        return merged;
    }

    private JsonSchema compile(ObjectNode root) {
        root.set("components", reachableComponents(root));
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(root);
    }

    /**
     * Only the component schemas the root refers to, directly or not: compiling against all of OpenAI's ~1,000
     * components takes seconds per schema.
     */
    private ObjectNode reachableComponents(JsonNode root) {
        ObjectNode components = JSON.createObjectNode();
        ObjectNode schemas = components.putObject("schemas");
        java.util.Deque<JsonNode> todo = new java.util.ArrayDeque<>(List.of(root));
        while (!todo.isEmpty()) {
            JsonNode node = todo.pop();
            if (node.isObject() && node.has("$ref") && node.get("$ref").isTextual()) {
                String ref = node.get("$ref").asText();
                String prefix = "#/components/schemas/";
                if (ref.startsWith(prefix)) {
                    String name = ref.substring(prefix.length()).split("/", 2)[0];
                    if (!schemas.has(name)) {
                        JsonNode target = spec.at("/components/schemas/" + name);
                        schemas.set(name, target);
                        todo.push(target);
                    }
                }
            }
            if (node.isContainerNode()) {
                node.forEach(todo::push);
            }
        }
        return components;
    }

    private static ObjectNode ref(String component) {
        ObjectNode node = JSON.createObjectNode();
        node.put("$ref", "#/components/schemas/" + component);
        return node;
    }

    private static List<String> messages(Set<ValidationMessage> messages) {
        return messages.stream().map(ValidationMessage::getMessage).sorted().collect(Collectors.toList());
    }
}
