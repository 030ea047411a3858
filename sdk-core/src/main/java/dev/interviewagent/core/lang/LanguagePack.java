package dev.interviewagent.core.lang;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.internal.lang.PackFiles;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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
 * ships {@code dev/interviewagent/core/lang/en/words.json} to add words to built-in English). {@link #lists(String)},
 * {@link #strings(String, String...)} and {@link #text(String, String...)} read them all merged: objects key by key, arrays concatenated without duplicates (the SDK's own entries first), and
 * for any other value the SDK's own wins. So a host can add entries, never remove or replace them.
 * {@link #open(String)} (used for the templates) reads one file only.
 *
 * <p>Parsed files are cached; thread-safe.
 */
public final class LanguagePack {

    /** The folder holding every pack, one sub-folder per language code. */
    public static final String ROOT = "dev/interviewagent/core/lang/";

    private static final Map<Language, LanguagePack> PACKS = new ConcurrentHashMap<>();

    private final Language language;

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
     * A JSON object of string arrays ({@code {"KEY": ["entry", …], …}}) as an ordered map, overlays merged in; empty
     * when the pack has no such file.
     *
     * @throws java.io.UncheckedIOException if the file is not valid JSON (a packaging error)
     */
    public Map<String, List<String>> lists(String file) {
        return PackFiles.lists(PackFiles.json(this, file));
    }

    /**
     * The string array at {@code path} in a JSON file of the pack ({@code strings("patterns.json", "confused")}),
     * overlays merged in; empty when there is none.
     */
    public List<String> strings(String file, String... path) {
        return PackFiles.strings(at(file, path));
    }

    /** The text at {@code path} in a JSON file of the pack ({@code text("prompt.json", "moves", "probe_cue")}). */
    public Optional<String> text(String file, String... path) {
        JsonNode node = at(file, path);
        return node.isValueNode() ? Optional.of(node.asText()) : Optional.empty();
    }

    /** The script the language is written in, from {@code language.json}: {@code latin} unless stated. */
    public String script() {
        return text("language.json", "script").orElse("latin");
    }

    private JsonNode at(String file, String... path) {
        JsonNode node = PackFiles.json(this, file);
        for (String key : path) {
            node = node.path(key);
        }
        return node;
    }

    @Override
    public String toString() {
        return "LanguagePack[" + language.code() + "]";
    }
}
