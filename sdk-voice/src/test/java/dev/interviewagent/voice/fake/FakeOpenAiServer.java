package dev.interviewagent.voice.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.interviewagent.core.spi.testkit.Multipart;
import dev.interviewagent.voice.AudioInspector;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A local OpenAI audio API following {@code shared/specs/openai-openapi.yaml}: {@code POST /v1/audio/transcriptions}
 * (multipart, fields validated against {@code CreateTranscriptionRequest}; {@code verbose_json} and {@code json}
 * answers shaped as {@code CreateTranscriptionResponseVerboseJson} / {@code CreateTranscriptionResponseJson}) and
 * {@code POST /v1/audio/speech} (JSON validated against {@code CreateSpeechRequest}, answers audio bytes). Auth is
 * {@code Authorization: Bearer <key>}. Violations are answered 400 with OpenAI's error shape and recorded.
 */
public final class FakeOpenAiServer extends FakeHttpServer {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SpecSchemas SPEC = SpecSchemas.load("openai-openapi.prism.json");
    private static final Set<String> FILE_EXTENSIONS =
            Set.of("flac", "mp3", "mp4", "mpeg", "mpga", "m4a", "ogg", "wav", "webm");

    private final String apiKey;
    private volatile String text = "Hello, this is a short test answer.";
    private volatile String language = "english";
    private volatile double avgLogprob = -0.05;
    private volatile byte[] speechAudio = new byte[] {1};
    private volatile List<Multipart.Part> lastTranscriptionParts = List.of();

    public FakeOpenAiServer(String apiKey) {
        this.apiKey = apiKey;
    }

    /** The published schemas. */
    public static SpecSchemas spec() {
        return SPEC;
    }

    /** Base URL for the SDK, with {@code /v1} as on the real API. */
    public String baseUrl() {
        return rootUrl() + "/v1";
    }

    /** What transcriptions say: text, whisper's language name, and the segments' average log-probability. */
    public FakeOpenAiServer result(String text, String languageName, double avgLogprob) {
        this.text = text;
        this.language = languageName;
        this.avgLogprob = avgLogprob;
        return this;
    }

    /** The bytes {@code /audio/speech} answers with. */
    public FakeOpenAiServer speechAudio(byte[] audio) {
        this.speechAudio = audio.clone();
        return this;
    }

    /** The multipart fields of the last transcription request. */
    public List<Multipart.Part> lastTranscriptionParts() {
        return lastTranscriptionParts;
    }

    @Override
    protected String route(String method, String path) {
        if (!method.equals("POST")) {
            return null;
        }
        if (path.equals("/v1/audio/transcriptions")) {
            return "transcriptions";
        }
        if (path.equals("/v1/audio/speech")) {
            return "speech";
        }
        return null;
    }

    @Override
    protected List<String> validate(String route, Exchange exchange) {
        List<String> violations = new ArrayList<>();
        String auth = exchange.header("Authorization");
        if (auth == null || !auth.startsWith("Bearer ")) {
            violations.add("Authorization must be Bearer <key>");
        }
        if (route.equals("speech")) {
            try {
                violations.addAll(SPEC.violations("CreateSpeechRequest", JSON.readTree(exchange.body())));
            } catch (IOException e) {
                violations.add("body is not JSON");
            }
            return violations;
        }
        String boundary = Multipart.boundary(exchange.header("Content-Type"));
        if (boundary == null) {
            violations.add("Content-Type must be multipart/form-data with a boundary");
            return violations;
        }
        List<Multipart.Part> parts;
        try {
            parts = Multipart.parse(exchange.body(), boundary);
        } catch (IllegalArgumentException e) {
            violations.add("malformed multipart: " + e.getMessage());
            return violations;
        }
        lastTranscriptionParts = parts;
        violations.addAll(SPEC.violations("CreateTranscriptionRequest", asJson(parts)));
        for (Multipart.Part part : parts) {
            if (part.name().equals("file")) {
                String ext = part.filename() == null ? "" : part.filename()
                        .substring(part.filename().lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
                if (!FILE_EXTENSIONS.contains(ext)) {
                    violations.add("file needs a filename with a supported extension, was " + part.filename());
                }
                if (AudioInspector.detectFormat(part.content()).isEmpty()) {
                    violations.add("file part does not hold audio");
                }
            }
        }
        return violations;
    }

    /** The form fields as the JSON object the schema describes ({@code name[]} fields become arrays). */
    static ObjectNode asJson(List<Multipart.Part> parts) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        Set<String> arrays = new java.util.HashSet<>();
        ObjectNode json = JSON.createObjectNode();
        for (Multipart.Part part : parts) {
            String name = part.name();
            if (name.endsWith("[]")) {
                name = name.substring(0, name.length() - 2);
                arrays.add(name);
            }
            if (part.filename() != null) {
                json.put(name, "<binary>");
                continue;
            }
            fields.computeIfAbsent(name, k -> new ArrayList<>()).add(part.text());
        }
        fields.forEach((name, values) -> {
            if (arrays.contains(name) || values.size() > 1 || name.equals("include")
                    || name.equals("timestamp_granularities")) {
                ArrayNode array = json.putArray(name);
                values.forEach(array::add);
            } else if (name.equals("temperature")) {
                json.put(name, Double.parseDouble(values.get(0)));
            } else if (name.equals("stream")) {
                json.put(name, Boolean.parseBoolean(values.get(0)));
            } else {
                json.put(name, values.get(0));
            }
        });
        return json;
    }

    @Override
    protected void answer(String route, Exchange exchange) throws IOException {
        if (!("Bearer " + apiKey).equals(exchange.header("Authorization"))) {
            fail(route, exchange, 401);
            return;
        }
        if (route.equals("speech")) {
            exchange.respond(200, "application/octet-stream", speechAudio, Map.of());
            return;
        }
        String format = lastTranscriptionParts.stream().filter(p -> p.name().equals("response_format"))
                .map(Multipart.Part::text).findFirst().orElse("json");
        JsonNode body = switch (format) {
            case "verbose_json" -> verbose();
            case "json" -> json();
            default -> null;
        };
        if (body == null) {
            exchange.respond(200, "text/plain", text);
        } else {
            exchange.respond(200, "application/json", body.toString());
        }
    }

    /** A {@code CreateTranscriptionResponseVerboseJson} for the configured result. */
    public ObjectNode verbose() {
        ObjectNode body = JSON.createObjectNode();
        String hinted = lastTranscriptionParts.stream().filter(p -> p.name().equals("language"))
                .map(Multipart.Part::text).findFirst()
                .map(code -> Locale.forLanguageTag(code).getDisplayLanguage(Locale.ENGLISH).toLowerCase(Locale.ROOT))
                .orElse(language);
        body.put("language", hinted);
        body.put("duration", 2.53);
        body.put("text", text);
        ArrayNode words = body.putArray("words");
        String[] tokens = text.isBlank() ? new String[0] : text.split("\\s+");
        for (int i = 0; i < tokens.length; i++) {
            words.addObject().put("word", tokens[i].replaceAll("[.,]", "")).put("start", 0.1 + i * 0.3)
                    .put("end", 0.35 + i * 0.3);
        }
        ArrayNode segments = body.putArray("segments");
        ObjectNode segment = segments.addObject();
        segment.put("id", 0).put("seek", 0).put("start", 0.0).put("end", 2.53).put("text", text)
                .put("temperature", 0.0).put("avg_logprob", avgLogprob).put("compression_ratio", 1.1)
                .put("no_speech_prob", 0.01);
        segment.putArray("tokens").add(50364).add(2425);
        body.putObject("usage").put("type", "duration").put("seconds", 3);
        return body;
    }

    /** A {@code CreateTranscriptionResponseJson} with token log-probabilities. */
    public ObjectNode json() {
        ObjectNode body = JSON.createObjectNode();
        body.put("text", text);
        ArrayNode logprobs = body.putArray("logprobs");
        for (String token : text.isBlank() ? new String[0] : text.split("\\s+")) {
            logprobs.addObject().put("token", token).put("logprob", avgLogprob).putArray("bytes").add(72);
        }
        return body;
    }

    @Override
    protected void reject(String route, Exchange exchange, List<String> violations) throws IOException {
        exchange.respond(400, "application/json", error(String.join("; ", violations), "invalid_request_error",
                null).toString());
    }

    @Override
    protected void fail(String route, Exchange exchange, int status) throws IOException {
        ObjectNode body = switch (status) {
            case 401 -> error("Incorrect API key provided.", "invalid_request_error", "invalid_api_key");
            case 429 -> error("Rate limit reached.", "requests", "rate_limit_exceeded");
            case 400 -> error("Invalid file format.", "invalid_request_error", null);
            default -> error("The server had an error while processing your request.", "server_error", null);
        };
        exchange.respond(status, "application/json", body.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                Map.of());
    }

    private static ObjectNode error(String message, String type, String code) {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode error = body.putObject("error");
        error.put("message", message).put("type", type).putNull("param");
        if (code == null) {
            error.putNull("code");
        } else {
            error.put("code", code);
        }
        return body;
    }
}
