package dev.interviewagent.bench.drill.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interviewagent.bench.drill.harness.RawHttpServer;
import java.io.IOException;
import java.util.Optional;

/**
 * One {@code POST /chat/completions} request as OpenAI's published contract defines it
 * (shared/specs/openai-openapi.yaml, {@code CreateChatCompletionRequest}), read the way a model reads it: the
 * system prompt, the user message, and in it the LLM brain's context and the respondent's latest answer.
 */
public record ChatRequest(JsonNode body, String system, String user, boolean stream) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The request, or empty when it breaks the contract (not JSON, no model, no messages, wrong path or key). */
    public static Optional<ChatRequest> read(RawHttpServer.Request request, String key) {
        if (!"POST".equals(request.method()) || !request.path().endsWith("/chat/completions")
                || !("Bearer " + key).equals(request.header("authorization"))) {
            return Optional.empty();
        }
        JsonNode body;
        try {
            body = JSON.readTree(request.body());
        } catch (IOException e) {
            return Optional.empty();
        }
        if (!body.path("model").isTextual() || !body.path("messages").isArray() || body.path("messages").isEmpty()) {
            return Optional.empty();
        }
        String system = "";
        String user = "";
        for (JsonNode m : body.path("messages")) {
            String role = m.path("role").asText();
            if ((role.equals("system") || role.equals("developer")) && system.isEmpty()) {
                system = text(m.path("content"));
            } else if (role.equals("user") && user.isEmpty()) {
                user = text(m.path("content"));
            }
        }
        return Optional.of(new ChatRequest(body, system, user, body.path("stream").asBoolean(false)));
    }

    /** The brain's context JSON (between {@code <context>} tags), or an empty object. */
    public JsonNode context() {
        int start = user.indexOf("<context>");
        int end = user.indexOf("</context>");
        if (start < 0 || end < start) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(user.substring(start + "<context>".length(), end));
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    /** The respondent's latest answer, unescaped; empty on the opening turn. */
    public String latestAnswer() {
        String open = "<latest_answer>\n<answer>";
        int start = user.indexOf(open);
        if (start < 0) {
            return "";
        }
        int end = user.indexOf("</answer>", start);
        return unescape(user.substring(start + open.length(), end < 0 ? user.length() : end));
    }

    /** The interview's language code, {@code en} or {@code ru}. */
    public String language() {
        return context().path("interview").path("language").asText("en");
    }

    /** Whether this is the corrective re-ask after a rejected reply. */
    public boolean reAsk() {
        int users = 0;
        for (JsonNode m : body.path("messages")) {
            if (m.path("role").asText().equals("user")) {
                users++;
            }
        }
        return users > 1;
    }

    /** The prompt's HTML escapes undone. */
    public static String unescape(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&");
    }

    private static String text(JsonNode content) {
        if (content.isTextual()) {
            return content.asText();
        }
        StringBuilder out = new StringBuilder();
        content.forEach(part -> out.append(part.path("text").asText()));
        return out.toString();
    }
}
