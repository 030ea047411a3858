package dev.interviewagent.llm.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.internal.lang.PackFiles;
import dev.interviewagent.core.spi.MoveType;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The prompt's language-specific text, read from the language pack's {@code prompt.json}: the output contract
 * ({@code contract}, lines), the closing instruction ({@code finish}), how to refer back ({@code recall_how}), the
 * detail of a mistake to ask for ({@code ask_for.sign|cost|fix}) and what each move asks of the message
 * ({@code moves.<move code>}). Every key is optional: what a pack leaves out is read from English's pack, so a new
 * language prompts in English until its pack says otherwise. Thread-safe; parsed files are cached by the pack.
 */
final class PromptTexts {

    static final String FILE = "prompt.json";

    private static final Map<Language, String> CONTRACTS = new ConcurrentHashMap<>();

    private PromptTexts() {
    }

    /** The output contract, appended to the style's prompt. */
    static String contract(Language language) {
        return CONTRACTS.computeIfAbsent(language,
                l -> String.join("\n", PackFiles.strings(field(l, "contract"))));
    }

    /** The last line of the user message: phrase the move, reply with JSON only. */
    static String finish(Language language) {
        return field(language, "finish").asText();
    }

    /** How to use the earlier answer a move refers back to. */
    static String recallHow(Language language) {
        return field(language, "recall_how").asText();
    }

    /** The detail of a mistake to ask for ({@code sign}, {@code cost}, {@code fix}); the code itself if unknown. */
    static String askFor(Language language, String detail) {
        JsonNode text = field(language, "ask_for", detail);
        return text.isMissingNode() ? detail : text.asText();
    }

    /** What the move asks of the message. The decision layer chose it; the model only phrases it. */
    static String howTo(MoveType type, Language language) {
        JsonNode text = field(language, "moves", type.code());
        if (text.isMissingNode()) {
            throw new IllegalStateException("prompt.json has no moves." + type.code());
        }
        return text.asText();
    }

    /** A value of the language's prompt.json at {@code path}, or English's when the language's pack has none. */
    private static JsonNode field(Language language, String... path) {
        JsonNode node = at(language, path);
        return node.isMissingNode() ? at(Language.ENGLISH, path) : node;
    }

    private static JsonNode at(Language language, String... path) {
        JsonNode node = PackFiles.json(language.pack(), FILE);
        for (String key : path) {
            node = node.path(key);
        }
        return node;
    }
}
