package dev.interviewagent.core.lang;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.interviewagent.core.Language;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The resources of one {@link Language}: a folder {@code dev/interviewagent/core/lang/<code>/} on the classpath.
 * Every file is JSON (UTF-8) and optional; a missing file means the language has no entries of that kind. The
 * files, their schema and a worked example are in {@code docs/languages.md}:
 * <ul>
 *   <li>{@code language.json} — facts about the language: {@code script} ({@code latin} or {@code cyrillic});</li>
 *   <li>{@code analysis.json}, {@code knowledge.json} — answer-analysis phrases by signal;</li>
 *   <li>{@code understanding.json} — the answer reader's word lists by cue;</li>
 *   <li>{@code guard.json} — the one-question guard's patterns;</li>
 *   <li>{@code templates.json} — the offline brain's phrasing templates;</li>
 *   <li>{@code guide.json}, {@code styles.json} — stage goals, seed questions and style texts for the built-in
 *       guide and styles.</li>
 * </ul>
 * Messages stay a {@link java.util.ResourceBundle}: a pack ships {@code dev/interviewagent/core/i18n/messages_<code>
 * .properties} beside the built-in bundle.
 *
 * <p><b>Overlays.</b> A JSON file may exist in several jars or folders of the classpath under the same path (a host
 * ships {@code dev/interviewagent/core/lang/en/words.json} to add words to built-in English). {@link #json(String)}
 * merges them all: objects key by key, arrays concatenated without duplicates (the SDK's own entries first), and
 * for any other value the SDK's own wins. So a host can add entries, never remove or replace them.
 * {@link #open(String)} (used for the templates) reads one file only.
 *
 * <p>Parsed files are cached; thread-safe.
 */
public final class LanguagePack {

    /** The folder holding every pack, one sub-folder per language code. */
    public static final String ROOT = "dev/interviewagent/core/lang/";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<Language, LanguagePack> PACKS = new ConcurrentHashMap<>();

    private final Language language;
    private final Map<String, JsonNode> files = new ConcurrentHashMap<>();

    private LanguagePack(Language language) {
        this.language = language;
    }

    /** The pack of {@code language}. */
    public static LanguagePack of(Language language) {
        Objects.requireNonNull(language, "language");
        return PACKS.computeIfAbsent(language, LanguagePack::new);
    }

    /** The language this pack describes. */
    public Language language() {
        return language;
    }

    /** The classpath folder of this pack, ending in {@code /}. */
    public String folder() {
        return ROOT + language.code() + "/";
    }

    /** Opens a file of the pack, or returns null when the pack has no such file. The caller closes the stream. */
    public @Nullable InputStream open(String file) {
        return LanguagePack.class.getClassLoader().getResourceAsStream(folder() + file);
    }

    /** Whether the pack has {@code file}. */
    public boolean has(String file) {
        return LanguagePack.class.getClassLoader().getResource(folder() + file) != null;
    }

    /**
     * A JSON file of the pack, parsed, with every overlay of the same path on the classpath merged in (see the class
     * comment); a {@link MissingNode} when the pack has no such file.
     *
     * @throws IllegalStateException if the file is not valid JSON (a packaging error)
     */
    public JsonNode json(String file) {
        return files.computeIfAbsent(file, this::read);
    }

    /**
     * A JSON object of string arrays ({@code {"KEY": ["entry", …], …}}) as an ordered map; empty when the pack has
     * no such file.
     */
    public Map<String, List<String>> lists(String file) {
        return lists(json(file));
    }

    /** A JSON object of string arrays as an ordered map of lists. */
    public static Map<String, List<String>> lists(JsonNode node) {
        Map<String, List<String>> lists = new LinkedHashMap<>();
        node.fields().forEachRemaining(entry -> lists.put(entry.getKey(), strings(entry.getValue())));
        return Collections.unmodifiableMap(lists);
    }

    /** A JSON array of strings as a list; empty for a missing node. */
    public static List<String> strings(JsonNode array) {
        List<String> list = new ArrayList<>();
        array.forEach(item -> list.add(item.asText()));
        return List.copyOf(list);
    }

    /** The script the language is written in, from {@code language.json}: {@code latin} unless stated. */
    public String script() {
        return json("language.json").path("script").asText("latin");
    }

    private JsonNode read(String file) {
        List<URL> copies = copies(folder() + file);
        JsonNode merged = MissingNode.getInstance();
        for (URL url : copies) {
            try (InputStream in = url.openStream()) {
                JsonNode node = JSON.readTree(in);
                merged = merged.isMissingNode() ? node : merge(merged, node);
            } catch (IOException e) {
                throw new UncheckedIOException(folder() + file + " is not valid JSON (" + url + ")", e);
            }
        }
        return merged;
    }

    /** Every copy of a resource on the classpath, the one that ships with the SDK (beside this class) first. */
    private static List<URL> copies(String path) {
        List<URL> urls = new ArrayList<>();
        try {
            Enumeration<URL> found = LanguagePack.class.getClassLoader().getResources(path);
            while (found.hasMoreElements()) {
                urls.add(found.nextElement());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + path, e);
        }
        String home = home();
        urls.sort((a, b) -> Boolean.compare(!a.toString().startsWith(home), !b.toString().startsWith(home)));
        return urls;
    }

    /** Where this class was loaded from (its jar or folder), so that the SDK's own pack files come first. */
    private static String home() {
        URL self = LanguagePack.class.getResource("LanguagePack.class");
        if (self == null) {
            return "";
        }
        String url = self.toString();
        return url.substring(0, url.length() - "dev/interviewagent/core/lang/LanguagePack.class".length());
    }

    /** {@code overlay} merged into {@code base}: objects by key, arrays appended without duplicates, else base. */
    private static JsonNode merge(JsonNode base, JsonNode overlay) {
        if (base instanceof ObjectNode object && overlay.isObject()) {
            ObjectNode out = object.deepCopy();
            overlay.fields().forEachRemaining(entry -> out.set(entry.getKey(), out.has(entry.getKey())
                    ? merge(out.get(entry.getKey()), entry.getValue()) : entry.getValue()));
            return out;
        }
        if (base instanceof ArrayNode array && overlay.isArray()) {
            LinkedHashSet<JsonNode> items = new LinkedHashSet<>();
            array.forEach(items::add);
            overlay.forEach(items::add);
            ArrayNode out = JSON.createArrayNode();
            items.forEach(out::add);
            return out;
        }
        return base;
    }

    @Override
    public String toString() {
        return "LanguagePack[" + language.code() + "]";
    }
}
