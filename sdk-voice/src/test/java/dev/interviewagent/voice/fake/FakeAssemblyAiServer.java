package dev.interviewagent.voice.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local AssemblyAI following {@code shared/specs/assemblyai-openapi.yml}: {@code POST /v2/upload} (raw bytes,
 * {@code application/octet-stream}) → {@code UploadedFile}; {@code POST /v2/transcript} (JSON validated against
 * {@code TranscriptParams}) → {@code Transcript} queued; {@code GET /v2/transcript/{id}} → {@code Transcript} queued,
 * processing, then completed or error; {@code DELETE /v2/transcript/{id}} → the {@code Transcript} with its data
 * removed, as the spec's {@code DeleteTranscriptResponse} example shows (text "Deleted by user.", audio URL
 * {@code http://deleted_by_user}), and later reads return that too. Auth is the raw key in {@code Authorization}.
 * Response bodies start from the spec's own {@code Transcript} example. Contract violations are answered 400 and
 * recorded.
 */
public final class FakeAssemblyAiServer extends FakeHttpServer {

    /** How a transcript job ends. */
    public enum Outcome { COMPLETED, ERROR, NEVER }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SpecSchemas SPEC = SpecSchemas.load("assemblyai-openapi.prism.json");

    private final String apiKey;
    private final Set<String> uploadUrls = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> jobs = new ConcurrentHashMap<>();
    private final Map<String, JsonNode> jobParams = new ConcurrentHashMap<>();
    private final Set<String> deleted = ConcurrentHashMap.newKeySet();
    private volatile int pollsBeforeDone = 2;
    private volatile Outcome outcome = Outcome.COMPLETED;
    private volatile String text = "Hello, this is a short test answer.";
    private volatile double confidence = 0.93;
    private volatile String languageCode = "en";
    private volatile double languageConfidence = 0.97;

    public FakeAssemblyAiServer(String apiKey) {
        this.apiKey = apiKey;
    }

    /** The published schemas, for tests that check shapes themselves. */
    public static SpecSchemas spec() {
        return SPEC;
    }

    /** Base URL for the SDK (it appends {@code /v2/...}). */
    public String baseUrl() {
        return rootUrl();
    }

    /** Polls answered "processing" before the outcome; default 2. */
    public FakeAssemblyAiServer pollsBeforeDone(int polls) {
        this.pollsBeforeDone = polls;
        return this;
    }

    public FakeAssemblyAiServer outcome(Outcome outcome) {
        this.outcome = outcome;
        return this;
    }

    /** What completed transcripts say. */
    public FakeAssemblyAiServer result(String text, double confidence, String languageCode, double languageConfidence) {
        this.text = text;
        this.confidence = confidence;
        this.languageCode = languageCode;
        this.languageConfidence = languageConfidence;
        return this;
    }

    /** The JSON bodies of every {@code POST /v2/transcript}. */
    public List<JsonNode> transcriptRequests() {
        List<JsonNode> bodies = new ArrayList<>();
        for (RecordedRequest request : requests("POST", "/v2/transcript")) {
            try {
                bodies.add(JSON.readTree(request.body()));
            } catch (IOException e) {
                bodies.add(JSON.nullNode());
            }
        }
        return bodies;
    }

    /** Ids of the transcripts deleted so far. */
    public Set<String> deletedTranscripts() {
        return Set.copyOf(deleted);
    }

    /** Ids of the transcripts created so far. */
    public Set<String> createdTranscripts() {
        return Set.copyOf(jobs.keySet());
    }

    @Override
    protected String route(String method, String path) {
        if (method.equals("POST") && path.equals("/v2/upload")) {
            return "upload";
        }
        if (method.equals("POST") && path.equals("/v2/transcript")) {
            return "create";
        }
        if (method.equals("GET") && path.startsWith("/v2/transcript/")) {
            return "get";
        }
        if (method.equals("DELETE") && path.startsWith("/v2/transcript/")) {
            return "delete";
        }
        return null;
    }

    @Override
    protected List<String> validate(String route, Exchange exchange) {
        List<String> violations = new ArrayList<>();
        String auth = exchange.header("Authorization");
        if (auth == null || auth.isBlank()) {
            violations.add("missing Authorization header");
        } else if (auth.startsWith("Bearer ")) {
            violations.add("Authorization must be the raw key, not Bearer");
        }
        switch (route) {
            case "upload" -> {
                if (!"application/octet-stream".equals(exchange.header("Content-Type"))) {
                    violations.add("upload Content-Type must be application/octet-stream, was "
                            + exchange.header("Content-Type"));
                }
                if (exchange.body().length == 0) {
                    violations.add("upload body is empty");
                }
            }
            case "create" -> {
                String type = exchange.header("Content-Type");
                if (type == null || !type.startsWith("application/json")) {
                    violations.add("transcript Content-Type must be application/json, was " + type);
                }
                try {
                    JsonNode body = JSON.readTree(exchange.body());
                    violations.addAll(SPEC.violations("allOf:TranscriptParams", body));
                    if (!uploadUrls.contains(body.path("audio_url").asText())) {
                        violations.add("audio_url is not a URL this server issued");
                    }
                } catch (IOException e) {
                    violations.add("body is not JSON");
                }
            }
            default -> {
                String id = exchange.path().substring("/v2/transcript/".length());
                if (!jobs.containsKey(id) && auth != null && auth.equals(apiKey)) {
                    violations.add("unknown transcript id");
                }
            }
        }
        return violations;
    }

    @Override
    protected void answer(String route, Exchange exchange) throws IOException {
        if (!apiKey.equals(exchange.header("Authorization"))) {
            fail(route, exchange, 401);
            return;
        }
        switch (route) {
            case "upload" -> {
                String url = "https://cdn.assemblyai.com/upload/" + UUID.randomUUID();
                uploadUrls.add(url);
                ObjectNode body = JSON.createObjectNode().put("upload_url", url);
                exchange.respond(200, "application/json", body.toString());
            }
            case "create" -> {
                JsonNode params = JSON.readTree(exchange.body());
                String id = UUID.randomUUID().toString();
                jobs.put(id, new AtomicInteger());
                jobParams.put(id, params);
                exchange.respond(200, "application/json", transcript(id, "queued", params).toString());
            }
            case "delete" -> {
                String id = exchange.path().substring("/v2/transcript/".length());
                deleted.add(id);
                exchange.respond(200, "application/json", deletedTranscript(id).toString());
            }
            default -> {
                String id = exchange.path().substring("/v2/transcript/".length());
                if (deleted.contains(id)) {
                    exchange.respond(200, "application/json", deletedTranscript(id).toString());
                    return;
                }
                int polls = jobs.get(id).incrementAndGet();
                String status = outcome == Outcome.NEVER || polls <= pollsBeforeDone ? "processing"
                        : outcome == Outcome.ERROR ? "error" : "completed";
                exchange.respond(200, "application/json", transcript(id, status, jobParams.get(id)).toString());
            }
        }
    }

    /** A {@code Transcript} built from the spec's example with this job's values. */
    public ObjectNode transcript(String id, String status, JsonNode params) {
        ObjectNode t = SPEC.example("Transcript");
        t.put("id", id);
        t.put("status", status);
        t.put("audio_url", params.path("audio_url").asText());
        t.put("punctuate", params.path("punctuate").asBoolean(true));
        t.put("format_text", params.path("format_text").asBoolean(true));
        t.put("redact_pii", params.path("redact_pii").asBoolean(false));
        t.put("language_detection", params.path("language_detection").asBoolean(false));
        if (params.has("speech_models")) {
            t.set("speech_models", params.get("speech_models"));
        }
        boolean completed = status.equals("completed");
        if (completed) {
            String code = params.hasNonNull("language_code") ? params.get("language_code").asText() : languageCode;
            t.put("language_code", code);
            t.put("text", text);
            t.put("confidence", confidence);
            t.put("language_confidence", languageConfidence);
            t.put("audio_duration", 3);
            ArrayNode words = t.putArray("words");
            String[] tokens = text.isBlank() ? new String[0] : text.split("\\s+");
            for (int i = 0; i < tokens.length; i++) {
                words.addObject().put("text", tokens[i]).put("start", 100 + i * 300).put("end", 350 + i * 300)
                        .put("confidence", confidence).putNull("speaker");
            }
        } else {
            t.putNull("text");
            t.putNull("words");
            t.putNull("confidence");
            t.putNull("audio_duration");
            t.putNull("language_confidence");
            t.remove("utterances");
        }
        if (status.equals("error")) {
            t.put("error", "Audio file could not be decoded");
        } else {
            t.remove("error");
        }
        return t;
    }

    /** A transcript after {@code DELETE}: the spec's example of a deleted transcript, with this job's id. */
    public ObjectNode deletedTranscript(String id) {
        ObjectNode t = transcript(id, "completed", jobParams.getOrDefault(id, JSON.createObjectNode()));
        t.put("text", "Deleted by user.");
        t.put("audio_url", "http://deleted_by_user");
        t.putNull("words");
        t.putNull("utterances");
        t.putNull("confidence");
        return t;
    }

    @Override
    protected void reject(String route, Exchange exchange, List<String> violations) throws IOException {
        exchange.respond(400, "application/json",
                JSON.createObjectNode().put("error", String.join("; ", violations)).toString());
    }

    @Override
    protected void fail(String route, Exchange exchange, int status) throws IOException {
        String message = switch (status) {
            case 401 -> "Authentication error, API token missing/invalid";
            case 429 -> "Too Many Requests";
            case 500 -> "An error occurred while processing the request";
            case 503 -> "Service Unavailable";
            default -> "This is a sample error message";
        };
        exchange.respond(status, "application/json", JSON.createObjectNode().put("error", message).toString());
    }
}
