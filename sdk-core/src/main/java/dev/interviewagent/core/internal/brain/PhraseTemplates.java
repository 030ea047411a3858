package dev.interviewagent.core.internal.brain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.exception.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The offline brain's phrasing templates for one language, flattened to dotted keys ({@code acks.default},
 * {@code moves.deepen_example.telegram}, {@code close.early}). A key maps to its variants; a JSON string is a single
 * variant. Immutable.
 *
 * <p>Placeholders are written {@code {name}}; a variant is only used when every placeholder it mentions has a
 * value, so templates carry variants with and without optional values ({@code {name}}, {@code {recall}} …).
 */
public final class PhraseTemplates {

    /** The file of a language pack that holds its templates. */
    public static final String FILE = "templates.json";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");

    private final Language language;
    private final Map<String, List<String>> variants;

    private PhraseTemplates(Language language, Map<String, List<String>> variants) {
        this.language = language;
        this.variants = variants;
    }

    /** Whether the pack of {@code language} ships templates. */
    public static boolean available(Language language) {
        return language.pack().has(FILE);
    }

    /** The templates of a language, from its pack ({@code dev/interviewagent/core/lang/<code>/templates.json}). */
    public static PhraseTemplates builtIn(Language language) {
        try (InputStream in = language.pack().open(FILE)) {
            if (in == null) {
                throw new IllegalStateException("brain templates missing: " + language.pack().folder() + FILE);
            }
            return fromJson(language, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads templates from JSON: nested objects whose leaves are strings or arrays of strings. Does not close the
     * stream.
     *
     * @throws InvalidInputException if the JSON is malformed or a leaf is not text
     */
    public static PhraseTemplates fromJson(Language language, InputStream json) {
        Objects.requireNonNull(language, "language");
        try {
            JsonNode root = new ObjectMapper().readTree(json);
            Map<String, List<String>> flat = new LinkedHashMap<>();
            flatten("", root, flat);
            return new PhraseTemplates(language, Map.copyOf(flat));
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidInputException("invalid brain templates: " + e.getMessage(), e);
        }
    }

    private static void flatten(String prefix, JsonNode node, Map<String, List<String>> out) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getKey().startsWith("_")) {
                    continue; // comments
                }
                flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out);
            }
        } else if (node.isArray()) {
            List<String> list = new ArrayList<>();
            for (JsonNode item : node) {
                if (!item.isTextual()) {
                    throw new IllegalArgumentException("template '" + prefix + "' must hold strings");
                }
                list.add(item.asText());
            }
            out.put(prefix, List.copyOf(list));
        } else if (node.isTextual()) {
            out.put(prefix, List.of(node.asText()));
        } else {
            throw new IllegalArgumentException("template '" + prefix + "' must be text, a list or an object");
        }
    }

    public Language language() {
        return language;
    }

    /** The variants under {@code key}; empty when there are none. */
    public List<String> variants(String key) {
        return variants.getOrDefault(key, List.of());
    }

    /** The single text under {@code key}. */
    public String text(String key) {
        List<String> list = variants(key);
        if (list.isEmpty()) {
            throw new IllegalStateException("brain template '" + key + "' missing for " + language.code());
        }
        return list.get(0);
    }

    /** All keys, for tests and tooling. */
    public Set<String> keys() {
        return variants.keySet();
    }

    /** The placeholder names a template mentions. */
    public static List<String> placeholders(String template) {
        List<String> names = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** Whether every placeholder of {@code template} has a value in {@code values}. */
    public static boolean eligible(String template, Map<String, String> values) {
        for (String name : placeholders(template)) {
            if (!values.containsKey(name)) {
                return false;
            }
        }
        return true;
    }

    /** Fills in the placeholders of a template; unknown placeholders are left as written. */
    public static String render(String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
