package dev.interviewagent.core.guide;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.exception.InvalidInputException;
import dev.interviewagent.core.internal.lang.PackFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A catalog of interviewer styles: the five built-in ones ({@code master}, {@code telegram}, {@code conversational},
 * {@code stage_specific}, {@code conversation_management}) plus any a host adds. Immutable; {@link #with} returns a
 * new catalog.
 */
public final class InterviewStyles {

    /** The code of the default style. */
    public static final String DEFAULT_STYLE = "master";

    /** The built-in style codes, in display order. */
    public static final List<String> BUILT_IN_CODES =
            List.of("master", "telegram", "conversational", "stage_specific", "conversation_management");

    private static final String RESOURCE_DIR = "/dev/interviewagent/core/style/";

    private final Map<String, InterviewStyle> styles;

    private InterviewStyles(Map<String, InterviewStyle> styles) {
        this.styles = styles;
    }

    /** The catalog of the five built-in styles, loaded from resources. */
    public static InterviewStyles builtIn() {
        Map<String, InterviewStyle> styles = new LinkedHashMap<>();
        try (InputStream in = resource("styles.json")) {
            JsonNode root = new ObjectMapper().readTree(in);
            for (JsonNode node : root.path("styles")) {
                String code = node.path("code").asText();
                Map<Language, String> prompts = new TreeMap<>();
                for (Language language : Language.builtIn()) {
                    try (InputStream prompt = resource("prompts/" + code + "." + language.code() + ".txt")) {
                        prompts.put(language, new String(prompt.readAllBytes(), StandardCharsets.UTF_8));
                    }
                }
                for (Language language : Language.available()) {
                    addPackTexts(language, code, (ObjectNode) node, prompts);
                }
                styles.put(code, fromNode(node, prompts));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new InterviewStyles(Map.copyOf(styles));
    }

    /** Adds a pack language's name, description and prompt of a style, from the pack's {@code styles.json}. */
    private static void addPackTexts(Language language, String code, ObjectNode style, Map<Language, String> prompts) {
        JsonNode texts = language.isBuiltIn() ? MissingNode.getInstance()
                : PackFiles.json(language.pack(), "styles.json").path(code);
        if (texts.isMissingNode()) {
            return;
        }
        for (String field : List.of("name", "description")) {
            if (texts.has(field) && style.get(field) instanceof ObjectNode byLanguage) {
                byLanguage.set(language.code(), texts.get(field));
            }
        }
        if (texts.has("prompt")) {
            prompts.put(language, texts.get("prompt").asText());
        }
    }

    private static InputStream resource(String name) {
        InputStream in = InterviewStyles.class.getResourceAsStream(RESOURCE_DIR + name);
        if (in == null) {
            throw new IllegalStateException("built-in style resource missing: " + RESOURCE_DIR + name);
        }
        return in;
    }

    /**
     * Reads one style from JSON of the shape used in {@code styles.json}, with the prompt templates inline as
     * {@code "prompt": {"en": "...", "ru": "..."}}.
     *
     * @throws InvalidInputException if the JSON is malformed or incomplete
     */
    public static InterviewStyle fromJson(InputStream json) {
        try {
            JsonNode node = new ObjectMapper().readTree(json);
            return fromNode(node, texts(node.path("prompt")));
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidInputException("invalid style: " + e.getMessage(), e);
        }
    }

    private static InterviewStyle fromNode(JsonNode node, Map<Language, String> prompts) {
        return new InterviewStyle(
                node.path("code").asText(),
                texts(node.path("name")),
                texts(node.path("description")),
                node.path("maxQuestionChars").asInt(0),
                node.path("turnCap").asInt(0),
                node.path("announceStages").asBoolean(false),
                node.path("stageEmoji").asBoolean(false),
                node.path("warmBridges").asBoolean(false),
                node.path("offerBreaks").asBoolean(false),
                node.path("moodTracking").asBoolean(false),
                prompts);
    }

    private static Map<Language, String> texts(JsonNode node) {
        Map<Language, String> result = new TreeMap<>();
        node.fields().forEachRemaining(e -> Language.fromCode(e.getKey())
                .ifPresent(language -> result.put(language, e.getValue().asText())));
        return result;
    }

    /** A new catalog with this one's styles plus {@code style} (replacing one with the same code). */
    public InterviewStyles with(InterviewStyle style) {
        Objects.requireNonNull(style, "style");
        Map<String, InterviewStyle> copy = new LinkedHashMap<>(styles);
        copy.put(style.code(), style);
        return new InterviewStyles(Map.copyOf(copy));
    }

    /** The style with this code, if any. */
    public Optional<InterviewStyle> find(String code) {
        return Optional.ofNullable(code == null ? null : styles.get(code));
    }

    /**
     * The style with this code.
     *
     * @throws InvalidInputException for an unknown code
     */
    public InterviewStyle get(String code) {
        return find(code).orElseThrow(() -> new InvalidInputException("unknown style: " + code));
    }

    /** All styles: the built-in ones first, in display order, then custom ones by code. */
    public List<InterviewStyle> all() {
        List<InterviewStyle> result = new ArrayList<>();
        for (String code : BUILT_IN_CODES) {
            find(code).ifPresent(result::add);
        }
        styles.values().stream()
                .filter(s -> !BUILT_IN_CODES.contains(s.code()))
                .sorted((a, b) -> a.code().compareTo(b.code()))
                .forEach(result::add);
        return result;
    }

    /** The codes of all styles. */
    public Collection<String> codes() {
        return all().stream().map(InterviewStyle::code).toList();
    }
}
