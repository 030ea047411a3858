package dev.interviewagent.core.guide;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.config.InterviewConfig;
import dev.interviewagent.core.config.InterviewSettings;
import dev.interviewagent.core.config.InvalidConfigurationException;
import dev.interviewagent.core.config.Setting;
import dev.interviewagent.core.exception.InvalidInputException;
import dev.interviewagent.core.internal.lang.PackFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The interview guide as data: the nine stages with their goals, criteria and seed questions in every language.
 * The built-in expertise guide ships as the resource {@code dev/interviewagent/core/guide/expertise-guide.json};
 * hosts may load their own with {@link #fromJson(InputStream)} (same shape). Each interview pins the guide id and
 * revision it started with. Immutable and thread-safe.
 *
 * @param id                    stable id, stored with every interview
 * @param revision              revision of the guide; bump it when the content changes
 * @param completenessThreshold completeness (0–100) a stage needs to end on its criteria (default 80)
 * @param saturationLimit       answers in a row without new knowledge that end a stage (default 3)
 * @param refusalLimit          refusals in a row that end a stage (default 3)
 * @param stages                one definition per {@link Stage}, in stage order
 */
public record InterviewGuide(
        String id,
        int revision,
        int completenessThreshold,
        int saturationLimit,
        int refusalLimit,
        List<StageDefinition> stages) {

    /** Resource path of the built-in guide. */
    public static final String BUILT_IN_RESOURCE = "/dev/interviewagent/core/guide/expertise-guide.json";

    private static final String CLASSPATH = "classpath:";

    public InterviewGuide {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("guide id must not be blank");
        }
        if (revision < 1) {
            throw new IllegalArgumentException("revision must be >= 1, was " + revision);
        }
        if (completenessThreshold < 1 || completenessThreshold > 100) {
            throw new IllegalArgumentException("completenessThreshold must be 1-100, was " + completenessThreshold);
        }
        if (saturationLimit < 1 || refusalLimit < 1) {
            throw new IllegalArgumentException("saturationLimit and refusalLimit must be >= 1");
        }
        stages = List.copyOf(stages);
        if (stages.size() != Stage.values().length) {
            throw new IllegalArgumentException("a guide needs all 9 stages, had " + stages.size());
        }
        for (int i = 0; i < stages.size(); i++) {
            if (stages.get(i).stage() != Stage.values()[i]) {
                throw new IllegalArgumentException("stage " + (i + 1) + " must be " + Stage.values()[i].code()
                        + ", was " + stages.get(i).stage().code());
            }
        }
    }

    /** The definition of one stage. */
    public StageDefinition stage(Stage stage) {
        return stages.get(stage.ordinal());
    }

    /**
     * The built-in nine-stage expertise guide: English and Russian, plus every language whose pack has a
     * {@code guide.json} with the stages' goals and seed questions (see {@link dev.interviewagent.core.lang.LanguagePack}).
     */
    public static InterviewGuide expertise() {
        try (InputStream in = InterviewGuide.class.getResourceAsStream(BUILT_IN_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("built-in guide resource missing: " + BUILT_IN_RESOURCE);
            }
            JsonNode root = new ObjectMapper().readTree(in);
            for (Language language : Language.available()) {
                if (!language.isBuiltIn()) {
                    addPackTexts(root, language);
                }
            }
            return fromTree(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies a pack's {@code guide.json} goal, seeds and title of each stage into the guide's language maps. */
    private static void addPackTexts(JsonNode root, Language language) {
        JsonNode pack = PackFiles.json(language.pack(), "guide.json").path("stages");
        if (pack.isMissingNode()) {
            return;
        }
        for (JsonNode node : root.path("stages")) {
            JsonNode texts = pack.path(node.path("code").asText());
            for (String field : List.of("goal", "seeds", "title")) {
                if (texts.has(field) && node instanceof ObjectNode stage) {
                    JsonNode target = stage.has(field) ? stage.get(field) : stage.putObject(field);
                    ((ObjectNode) target).set(language.code(), texts.get(field));
                }
            }
        }
    }

    /**
     * The guide the configuration names ({@link InterviewSettings#START_GUIDE}): a JSON file by path, or a resource
     * by {@code classpath:path}; the built-in {@link #expertise()} guide when the setting is unset.
     *
     * @throws InvalidConfigurationException if the file or resource cannot be read or is not a valid guide
     */
    public static InterviewGuide from(InterviewConfig config) {
        Optional<String> location = config.find(InterviewSettings.START_GUIDE).filter(s -> !s.isBlank());
        if (location.isEmpty()) {
            return expertise();
        }
        String where = location.get().strip();
        Setting<String> setting = InterviewSettings.START_GUIDE;
        try (InputStream in = open(where)) {
            if (in == null) {
                throw new InvalidConfigurationException(setting,
                        setting.name() + ": no such resource on the classpath: " + where);
            }
            return fromJson(in);
        } catch (IOException e) {
            throw new InvalidConfigurationException(setting,
                    setting.name() + ": cannot read " + where + " (" + e.getMessage() + ")", e);
        } catch (InvalidInputException e) {
            throw new InvalidConfigurationException(setting,
                    setting.name() + ": " + where + " is not a valid guide: " + e.getMessage(), e);
        }
    }

    private static @Nullable InputStream open(String where) throws IOException {
        if (where.startsWith(CLASSPATH)) {
            String resource = where.substring(CLASSPATH.length()).replaceFirst("^/", "");
            return InterviewGuide.class.getClassLoader().getResourceAsStream(resource);
        }
        return Files.newInputStream(Path.of(where));
    }

    /**
     * Reads a guide from JSON of the same shape as the built-in resource. Does not close the stream.
     *
     * @throws InvalidInputException if the JSON is malformed or misses a stage, goal or seed questions
     */
    public static InterviewGuide fromJson(InputStream json) {
        try {
            return fromTree(new ObjectMapper().readTree(json));
        } catch (IOException e) {
            throw new InvalidInputException("invalid interview guide: " + e.getMessage(), e);
        }
    }

    private static InterviewGuide fromTree(JsonNode root) {
        try {
            List<StageDefinition> stages = new ArrayList<>();
            for (JsonNode node : required(root, "stages")) {
                stages.add(new StageDefinition(
                        Stage.fromCode(required(node, "code").asText()),
                        texts(required(node, "goal")),
                        node.path("targetMinutes").asInt(10),
                        node.path("minExamples").asInt(3),
                        node.path("minDepth").asInt(3),
                        node.path("minAnswers").asInt(3),
                        node.path("turnCap").asInt(12),
                        StageFocus.fromCode(node.path("focus").asText("none")),
                        textLists(required(node, "seeds")),
                        slotLists(node.path("seedAsks")),
                        node.hasNonNull("title") ? texts(node.get("title")) : Map.of()));
            }
            return new InterviewGuide(
                    required(root, "id").asText(),
                    root.path("revision").asInt(1),
                    root.path("completenessThreshold").asInt(80),
                    root.path("saturationLimit").asInt(3),
                    root.path("refusalLimit").asInt(3),
                    stages);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("invalid interview guide: " + e.getMessage(), e);
        }
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("missing field '" + field + "'");
        }
        return value;
    }

    private static Map<Language, String> texts(JsonNode node) {
        Map<Language, String> result = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            result.put(Language.of(entry.getKey()), entry.getValue().asText());
        }
        return result;
    }

    private static List<java.util.Set<String>> slotLists(JsonNode node) {
        List<java.util.Set<String>> result = new ArrayList<>();
        for (JsonNode seed : node) {
            java.util.Set<String> slots = new java.util.LinkedHashSet<>();
            seed.forEach(slot -> slots.add(slot.asText()));
            result.add(slots);
        }
        return result;
    }

    private static Map<Language, List<String>> textLists(JsonNode node) {
        Map<Language, List<String>> result = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            List<String> list = new ArrayList<>();
            entry.getValue().forEach(item -> list.add(item.asText()));
            result.put(Language.of(entry.getKey()), list);
        }
        return result;
    }
}
