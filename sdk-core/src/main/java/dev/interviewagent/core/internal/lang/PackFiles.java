package dev.interviewagent.core.internal.lang;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.interviewagent.core.lang.LanguagePack;
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
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JSON files of the language packs, parsed once, with every overlay of the same path on the classpath merged in:
 * objects key by key, arrays concatenated without duplicates (the SDK's own entries first), and for any other value
 * the SDK's own wins — so a host can add entries, never remove or replace them. Jackson stays behind this class:
 * {@link LanguagePack}, the public face of a pack, hands out only strings and lists. Thread-safe.
 */
public final class PackFiles {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, JsonNode> FILES = new ConcurrentHashMap<>();

    private PackFiles() {
    }

    /**
     * A JSON file of the pack, parsed and merged with its overlays; a {@link MissingNode} when the pack has no such
     * file.
     *
     * @throws UncheckedIOException if a copy of the file is not valid JSON (a packaging error)
     */
    public static JsonNode json(LanguagePack pack, String file) {
        return FILES.computeIfAbsent(pack.folder() + file, PackFiles::read);
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

    private static JsonNode read(String path) {
        List<URL> copies = copies(path);
        JsonNode merged = MissingNode.getInstance();
        for (URL url : copies) {
            try (InputStream in = url.openStream()) {
                JsonNode node = JSON.readTree(in);
                merged = merged.isMissingNode() ? node : merge(merged, node);
            } catch (IOException e) {
                throw new UncheckedIOException(path + " is not valid JSON (" + url + ")", e);
            }
        }
        return merged;
    }

    /** Every copy of a resource on the classpath, the one that ships with the SDK (beside this class) first. */
    private static List<URL> copies(String path) {
        List<URL> urls = new ArrayList<>();
        try {
            Enumeration<URL> found = PackFiles.class.getClassLoader().getResources(path);
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
        URL self = PackFiles.class.getResource("PackFiles.class");
        if (self == null) {
            return "";
        }
        String url = self.toString();
        return url.substring(0, url.length() - "dev/interviewagent/core/internal/lang/PackFiles.class".length());
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

}
