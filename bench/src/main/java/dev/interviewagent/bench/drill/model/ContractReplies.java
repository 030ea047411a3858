package dev.interviewagent.bench.drill.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a well-behaved model replies to the LLM brain: one JSON object of the brain's contract (stage, message,
 * question_depth, completeness, engagement, knowledge, transition_ready, end_requested) phrasing the move in the
 * context, in the interview's language, with exactly one question (none when closing), worded differently each
 * time as a sampling model would.
 */
public final class ContractReplies {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger VARIANT = new AtomicInteger();

    private ContractReplies() {
    }

    /** The reply with its natural message. */
    public static ObjectNode valid(ChatRequest request) {
        return withMessage(request, message(request));
    }

    /** A reply of the contract's shape carrying {@code message}. */
    public static ObjectNode withMessage(ChatRequest request, String message) {
        JsonNode context = request.context();
        ObjectNode node = JSON.createObjectNode();
        node.put("stage", context.path("stage").path("code").asText());
        node.put("message", message);
        node.put("question_depth", Math.max(1, Math.min(4, context.path("move").path("depth").asInt(1))));
        node.put("completeness", 60);
        node.put("engagement", "medium");
        var knowledge = node.putArray("knowledge");
        String answer = request.latestAnswer();
        if (!answer.isBlank()) {
            String first = answer.split("(?<=[.!?])\\s+")[0];
            knowledge.addObject().put("kind", "example").put("text", first.length() > 160
                    ? first.substring(0, 160) : first).put("stage", context.path("stage").path("code").asText());
        }
        node.put("transition_ready", false);
        node.put("end_requested", false);
        return node;
    }

    /** Whether the move closes the interview (its message asks nothing). */
    public static boolean closing(ChatRequest request) {
        return "close".equals(request.context().path("move").path("type").asText());
    }

    /** The message a well-behaved model writes for the move. */
    public static String message(ChatRequest request) {
        JsonNode move = request.context().path("move");
        String type = move.path("type").asText();
        boolean ru = "ru".equals(request.language());
        int n = VARIANT.incrementAndGet();
        String quote = ChatRequest.unescape(move.path("quote").asText(""));
        String anchor = ChatRequest.unescape(move.path("anchor").asText(""));
        String seed = move.path("seed_question").asText("").replace("?", "").strip();
        if (type.equals("close")) {
            return ru ? "Большое спасибо, что поделились своим опытом." : "Thank you very much for sharing your "
                    + "experience today.";
        }
        if (type.equals("member_check")) {
            return ru ? "Вот краткое резюме ваших главных мыслей (" + n + "). Всё ли верно, и насколько точно оно "
                    + "по шкале от 1 до 4?" : "Here is a short summary of your key points (" + n + "). Is it right, "
                    + "and how accurate is it on a scale of 1 to 4?";
        }
        if (type.equals("clarify_vague") && !quote.isBlank()) {
            return ru ? "Вы сказали «" + quote + "» (" + n + "). Что это значит на практике?"
                    : "You said \"" + quote + "\" (" + n + "). What does that mean in practice?";
        }
        if (type.startsWith("probe_") && !anchor.isBlank()) {
            return ru ? "Вы рассказали: «" + anchor + "». Что вы заметили первым (" + n + ")?"
                    : "You told me about \"" + anchor + "\". What did you notice first (" + n + ")?";
        }
        String ask = seed.isBlank() ? (ru ? "расскажите о конкретном случае из вашей практики"
                : "could you walk me through one concrete case from your practice") : seed;
        return ru ? "Спасибо. Вопрос " + n + ": " + ask + "?" : "Thank you. Question " + n + ": " + ask + "?";
    }
}
