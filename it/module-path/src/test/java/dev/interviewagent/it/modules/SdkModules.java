package dev.interviewagent.it.modules;

import java.io.File;
import java.lang.module.Configuration;
import java.lang.module.FindException;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * The SDK's named modules and their dependencies as this test's class path holds them (the reactor's jars or class
 * folders and the dependencies Maven resolved), seen as a module path.
 */
final class SdkModules {

    /** Every library module with a module-info.java, by module name. */
    static final List<String> NAMES = List.of(
            "dev.interviewagent.core",
            "dev.interviewagent.llm",
            "dev.interviewagent.llm.openai",
            "dev.interviewagent.llm.anthropic",
            "dev.interviewagent.persistence",
            "dev.interviewagent.persistence.redis",
            "dev.interviewagent.telegram",
            "dev.interviewagent.websocket",
            "dev.interviewagent.testkit",
            "dev.interviewagent.voice",
            "dev.interviewagent.voice.assemblyai",
            "dev.interviewagent.voice.openai");

    /** Test tooling on the class path that a host's module path would not hold. */
    private static final List<String> TOOLING = List.of("org.junit", "org.assertj", "org.opentest4j",
            "org.apiguardian", "net.bytebuddy", "surefire", "org.apache.maven");

    private SdkModules() {
    }

    /**
     * The module path: every class path entry but this module's own classes and the test tooling. Entries that are
     * no valid module (none is expected) are left out and named in {@code skipped}.
     */
    static List<Path> modulePath(List<String> skipped) {
        List<Path> path = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(entry);
            if (entry.isBlank() || !Files.exists(p) || p.endsWith(Path.of("module-path", "target", "test-classes"))
                    || p.endsWith(Path.of("module-path", "target", "classes"))) {
                continue;
            }
            try {
                Set<ModuleReference> found = ModuleFinder.of(p).findAll();
                if (p.getFileName().toString().contains("surefire") || found.stream()
                        .anyMatch(m -> TOOLING.stream().anyMatch(t -> m.descriptor().name().startsWith(t)))) {
                    continue;
                }
                path.add(p);
            } catch (FindException e) {
                skipped.add(p.getFileName() + ": " + e.getMessage());
            }
        }
        return path;
    }

    /** The SDK's modules resolved from {@code path} over the JDK's modules, with the service providers bound. */
    static Configuration resolve(List<Path> path) {
        ModuleFinder finder = ModuleFinder.of(path.toArray(Path[]::new));
        return ModuleLayer.boot().configuration().resolveAndBind(finder, ModuleFinder.of(), NAMES);
    }

    /** The SDK's module references on {@code path}, by name. */
    static TreeMap<String, ModuleReference> find(List<Path> path) {
        ModuleFinder finder = ModuleFinder.of(path.toArray(Path[]::new));
        TreeMap<String, ModuleReference> sdk = new TreeMap<>();
        for (String name : NAMES) {
            finder.find(name).ifPresent(m -> sdk.put(name, m));
        }
        return sdk;
    }
}
