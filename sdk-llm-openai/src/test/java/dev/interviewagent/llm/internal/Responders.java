package dev.interviewagent.llm.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Consumer;
import java.util.function.Function;

/** Scripted "models" for {@link FakeLlmServer}: replies computed from the context the brain sent. */
final class Responders {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Like a sampling model, no two replies are worded exactly alike. */
    private static final java.util.concurrent.atomic.AtomicInteger VARIANT = new java.util.concurrent.atomic.AtomicInteger();

    private Responders() {
    }

    /** A well-behaved model: a valid contract reply for whatever move the context asks for. */
    static Function<FakeLlmServer.Recorded, String> valid() {
        return valid(node -> { });
    }

    /** A valid reply, changed by {@code edit} before it is sent. */
    static Function<FakeLlmServer.Recorded, String> valid(Consumer<ObjectNode> edit) {
        return request -> {
            ObjectNode node = contract(request);
            edit.accept(node);
            return node.toString();
        };
    }

    /** The reply a well-behaved model would give to {@code request}. */
    static ObjectNode contract(FakeLlmServer.Recorded request) {
        JsonNode context = FakeLlmServer.context(request);
        JsonNode move = context.path("move");
        String type = move.path("type").asText();
        boolean russian = "ru".equals(context.path("interview").path("language").asText());
        int turn = context.path("interview").path("turn").asInt();
        String seed = move.path("seed_question").asText("");
        String message;
        if ("close".equals(type)) {
            message = russian ? "Большое спасибо, что поделились своим опытом." 
                    : "Thank you very much for sharing your experience today.";
        } else if ("member_check".equals(type)) {
            message = russian ? "Вот краткое резюме ваших главных мыслей (" + turn + "). Всё ли верно и насколько"
                    + " точно оно по шкале от 1 до 4?"
                    : "Here is a short summary of your key points (" + turn + "). Is it right, and how accurate"
                    + " is it on a scale of 1 to 4?";
        } else if ("clarify_vague".equals(type) && !move.path("quote").asText("").isBlank()) {
            String quote = move.path("quote").asText();
            message = russian ? "Вы сказали «" + quote + "» (" + VARIANT.incrementAndGet() + "). Что это значит на"
                    + " практике?"
                    : "You said \"" + quote + "\" (" + VARIANT.incrementAndGet() + "). What does that mean in"
                    + " practice?";
        } else if (type.startsWith("probe_") && !move.path("anchor").asText("").isBlank()) {
            // A model that follows the contract asks about the story in the anchor, never for another example.
            String anchor = move.path("anchor").asText();
            int variant = VARIANT.incrementAndGet();
            message = russian ? "Вы рассказали: «" + anchor + "». Что вы заметили первым (" + variant + ")?"
                    : "You told me about \"" + anchor + "\". What did you notice first (" + variant + ")?";
        } else {
            String ask = seed.isBlank() ? (russian ? "расскажите о конкретном случае из вашей практики"
                    : "could you walk me through one concrete case from your practice") : seed.replace("?", "");
            int variant = VARIANT.incrementAndGet();
            message = russian ? "Спасибо. Вопрос " + turn + ": " + ask + " (" + variant + ")?"
                    : "Thank you. Question " + turn + ": " + ask + " (" + variant + ")?";
        }
        ObjectNode node = JSON.createObjectNode();
        node.put("stage", context.path("stage").path("code").asText());
        node.put("message", message);
        node.put("question_depth", Math.max(1, Math.min(4, move.path("depth").asInt(1))));
        node.put("completeness", 60);
        node.put("engagement", "medium");
        var knowledge = node.putArray("knowledge");
        String answer = latestAnswer(request);
        if (!answer.isBlank()) {
            String first = answer.split("(?<=[.!?])\\s+")[0];
            ObjectNode item = knowledge.addObject();
            item.put("kind", "example");
            item.put("text", first.length() > 160 ? first.substring(0, 160) : first);
            item.put("stage", context.path("stage").path("code").asText());
        }
        node.put("transition_ready", false);
        node.put("end_requested", false);
        return node;
    }

    /** The latest answer the brain sent, unescaped; empty for the opening turn. */
    static String latestAnswer(FakeLlmServer.Recorded request) {
        String user = FakeLlmServer.userMessage(request, 0);
        String open = "<latest_answer>\n<answer>";
        int start = user.indexOf(open);
        if (start < 0) {
            return "";
        }
        int end = user.indexOf("</answer>", start);
        return user.substring(start + open.length(), end)
                .replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }
}
