package dev.interviewagent.it.modules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.Configuration;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleDescriptor.Exports;
import java.lang.module.ModuleDescriptor.Opens;
import java.lang.module.ModuleDescriptor.Requires;
import java.lang.module.ModuleReader;
import java.lang.module.ModuleReference;
import java.lang.module.ResolvedModule;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The SDK's module graph: what each module exports (pinned in {@code module-exports.txt}), that internal packages
 * stay internal, and that SDK modules depend on each other in one direction only.
 */
class ModuleGraphTest {

    /** Rewrite the pinned exports from the built modules: {@code -Dmodules.update=true}. */
    private static final boolean UPDATE = Boolean.getBoolean("modules.update");
    private static final Path PINNED = Path.of(System.getProperty("basedir", "."))
            .resolve("src/test/resources/module-exports.txt");

    /**
     * Which SDK modules each may require: channels, persistence, voice and the LLM brain sit on core, never on each
     * other; providers sit on their module.
     */
    private static final Map<String, Set<String>> MAY_REQUIRE = Map.ofEntries(
            Map.entry("dev.interviewagent.core", Set.of()),
            Map.entry("dev.interviewagent.llm", Set.of("dev.interviewagent.core")),
            Map.entry("dev.interviewagent.llm.openai", Set.of("dev.interviewagent.llm", "dev.interviewagent.core")),
            Map.entry("dev.interviewagent.llm.anthropic", Set.of("dev.interviewagent.llm", "dev.interviewagent.core")),
            Map.entry("dev.interviewagent.persistence", Set.of("dev.interviewagent.core")),
            Map.entry("dev.interviewagent.persistence.redis", Set.of("dev.interviewagent.persistence",
                    "dev.interviewagent.core")),
            Map.entry("dev.interviewagent.telegram", Set.of("dev.interviewagent.core")),
            Map.entry("dev.interviewagent.websocket", Set.of("dev.interviewagent.core")),
            Map.entry("dev.interviewagent.testkit", Set.of("dev.interviewagent.core")),
            Map.entry("dev.interviewagent.voice", Set.of("dev.interviewagent.core")),
            Map.entry("dev.interviewagent.voice.assemblyai", Set.of("dev.interviewagent.voice",
                    "dev.interviewagent.core")),
            Map.entry("dev.interviewagent.voice.openai", Set.of("dev.interviewagent.voice",
                    "dev.interviewagent.core")));

    /** A class name in the constant pool of a class file: {@code dev/interviewagent/<package path>/<Class>}. */
    private static final Pattern SDK_CLASS = Pattern.compile("dev/interviewagent(/[a-z][a-z0-9_]*)+/[A-Z]");

    private static List<Path> path;
    private static final List<String> skipped = new ArrayList<>();
    private static TreeMap<String, ModuleReference> sdk;

    @BeforeAll
    static void findModules() {
        path = SdkModules.modulePath(skipped);
        sdk = SdkModules.find(path);
    }

    @Test
    void should_resolve_every_sdk_module_as_a_named_module_when_put_on_a_module_path() {
        assertThat(sdk.keySet()).as("SDK modules on the module path (skipped: %s)", skipped)
                .containsExactlyInAnyOrderElementsOf(SdkModules.NAMES);
        assertThat(sdk.values()).allSatisfy(m -> assertThat(m.descriptor().isAutomatic())
                .as("%s has a module-info", m.descriptor().name()).isFalse());

        Configuration graph = SdkModules.resolve(path);

        assertThat(SdkModules.NAMES).allSatisfy(name -> assertThat(graph.findModule(name)).isPresent());
        // requires transitive: a module that requires sdk-llm reads core and LangChain4j too
        Set<String> llmReads = graph.findModule("dev.interviewagent.llm").orElseThrow().reads().stream()
                .map(ResolvedModule::name).collect(Collectors.toSet());
        assertThat(llmReads).contains("dev.interviewagent.core", "langchain4j.core");
    }

    @Test
    void should_name_each_jar_in_its_manifest_as_its_module_info_does_when_packaged() throws IOException {
        for (ModuleReference module : sdk.values()) {
            Path location = Path.of(module.location().orElseThrow());
            if (!Files.isRegularFile(location)) {
                continue;   // class folders (a build that stops before package): no manifest yet
            }
            try (JarFile jar = new JarFile(location.toFile())) {
                assertThat(jar.getManifest().getMainAttributes().getValue("Automatic-Module-Name"))
                        .as("Automatic-Module-Name of %s", location.getFileName())
                        .isEqualTo(module.descriptor().name());
            }
        }
    }

    @Test
    void should_export_exactly_the_pinned_packages_when_compared_with_module_exports_txt() throws IOException {
        String actual = sdk.values().stream().map(m -> surface(m.descriptor())).collect(Collectors.joining("\n"));

        if (UPDATE) {
            Files.writeString(PINNED, actual);
        }

        assertThat(actual)
                .as("the exported surface changed: review it, then run this test with -Dmodules.update=true")
                .isEqualTo(Files.readString(PINNED));
    }

    @Test
    void should_export_and_open_internal_packages_only_to_named_sdk_modules_when_at_all() {
        for (ModuleReference module : sdk.values()) {
            ModuleDescriptor d = module.descriptor();
            for (Exports e : d.exports()) {
                if (isInternal(e.source())) {
                    assertThat(e.isQualified()).as("%s exports %s to everyone", d.name(), e.source()).isTrue();
                    assertThat(SdkModules.NAMES).as("%s exports %s to", d.name(), e.source())
                            .containsAll(e.targets());
                }
            }
            for (Opens o : d.opens()) {
                if (isInternal(o.source())) {
                    assertThat(o.isQualified()).as("%s opens %s to everyone", d.name(), o.source()).isTrue();
                }
            }
        }
    }

    @Test
    void should_require_only_lower_sdk_modules_when_one_sdk_module_depends_on_another() {
        for (ModuleReference module : sdk.values()) {
            ModuleDescriptor d = module.descriptor();
            Set<String> sdkRequires = d.requires().stream().map(Requires::name)
                    .filter(n -> n.startsWith("dev.interviewagent.")).collect(Collectors.toCollection(TreeSet::new));

            assertThat(sdkRequires).as("SDK modules %s requires", d.name()).isSubsetOf(MAY_REQUIRE.get(d.name()));
        }
    }

    /**
     * The module diagram in {@code docs/architecture.md} is drawn from the built module descriptors, so it cannot
     * drift from the code: a Mermaid graph of which SDK module requires which, between two marker comments.
     */
    @Test
    void should_draw_the_module_diagram_of_architecture_md_from_the_built_modules() throws IOException {
        Path doc = Path.of(System.getProperty("basedir", ".")).resolve("../../docs/architecture.md").normalize();
        StringBuilder graph = new StringBuilder("```mermaid\ngraph BT\n");
        for (ModuleReference module : sdk.values()) {
            ModuleDescriptor d = module.descriptor();
            d.requires().stream().map(Requires::name).filter(n -> n.startsWith("dev.interviewagent."))
                    .sorted().forEach(n -> graph.append("    ").append(shortName(d.name())).append(" --> ")
                            .append(shortName(n)).append('\n'));
        }
        graph.append("```\n");
        String text = Files.readString(doc, StandardCharsets.UTF_8);
        String start = "<!-- module-diagram:start (generated by ModuleGraphTest; -Dmodules.update=true) -->\n";
        String end = "<!-- module-diagram:end -->";
        int from = text.indexOf(start);
        int to = text.indexOf(end);
        assertThat(from).as("%s has the module diagram's start marker", doc).isNotNegative();
        assertThat(to).as("%s has the module diagram's end marker", doc).isGreaterThan(from);
        String updated = text.substring(0, from + start.length()) + graph + text.substring(to);
        if (UPDATE) {
            Files.writeString(doc, updated, StandardCharsets.UTF_8);
            text = updated;
        }
        assertThat(text).as("the module diagram in docs/architecture.md (run with -Dmodules.update=true)")
                .isEqualTo(updated);
    }

    private static String shortName(String module) {
        return module.equals("dev.interviewagent.core") ? "core"
                : module.substring("dev.interviewagent.".length()).replace('.', '_');
    }

    @Test
    void should_use_another_modules_internal_package_only_when_exported_to_the_user() throws IOException {
        List<String> violations = new ArrayList<>();
        for (ModuleReference module : sdk.values()) {
            ModuleDescriptor d = module.descriptor();
            for (String used : referencedSdkPackages(module)) {
                if (d.packages().contains(used) || !isInternal(used)) {
                    continue;
                }
                boolean exportedToUser = sdk.values().stream().map(ModuleReference::descriptor)
                        .filter(owner -> owner.packages().contains(used))
                        .flatMap(owner -> owner.exports().stream())
                        .anyMatch(e -> e.source().equals(used) && e.targets().contains(d.name()));
                if (!exportedToUser) {
                    violations.add(d.name() + " uses " + used);
                }
            }
        }

        assertThat(violations).as("internal packages used across modules without a qualified export").isEmpty();
    }

    /** One module's exports, one per line, in a stable order. */
    private static String surface(ModuleDescriptor d) {
        StringBuilder out = new StringBuilder("module ").append(d.name()).append('\n');
        d.exports().stream()
                .map(e -> "  exports " + e.source() + (e.isQualified()
                        ? " to " + String.join(", ", new TreeSet<>(e.targets())) : ""))
                .sorted()
                .forEach(line -> out.append(line).append('\n'));
        d.provides().stream()
                .map(p -> "  provides " + p.service() + " with " + String.join(", ", p.providers()))
                .sorted()
                .forEach(line -> out.append(line).append('\n'));
        return out.toString();
    }

    private static boolean isInternal(String pkg) {
        return pkg.contains(".internal");
    }

    /** The SDK packages whose classes the module's class files name. */
    private static Set<String> referencedSdkPackages(ModuleReference module) throws IOException {
        Set<String> packages = new TreeSet<>();
        try (ModuleReader reader = module.open(); Stream<String> entries = reader.list()) {
            for (String entry : entries.filter(n -> n.endsWith(".class")).toList()) {
                try (InputStream in = reader.open(entry).orElseThrow()) {
                    // class names sit in the constant pool as plain (modified UTF-8) ASCII
                    Matcher m = SDK_CLASS.matcher(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1));
                    while (m.find()) {
                        String name = m.group();
                        packages.add(name.substring(0, name.lastIndexOf('/')).replace('/', '.'));
                    }
                }
            }
        }
        return packages;
    }
}
