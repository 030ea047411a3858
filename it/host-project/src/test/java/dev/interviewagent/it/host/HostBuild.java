package dev.interviewagent.it.host;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A host project on disk, built and run by the same Maven that runs this build, as a child process. Its local
 * repository is the temporary one the SDK was installed into, with the build's own local repository behind it,
 * read-only, for the plugins and third-party POMs Maven needs; offline only if this build is.
 */
final class HostBuild {

    /** What a run printed and how it ended. */
    record Result(int exitCode, String stdout, String stderr) {

        String describe() {
            return "exit " + exitCode + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
        }
    }

    private static final long TIMEOUT_SECONDS = 300;

    private final Path dir;
    private int runs;

    private HostBuild(Path dir) {
        this.dir = dir;
    }

    /** A fresh project directory with {@code pom.xml} and the class {@code className} from {@code source}. */
    static HostBuild create(Path dir, String pom, String className, String source) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> old = Files.walk(dir)) {
                old.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        // an own .mvn directory: Maven must not take the SDK checkout above it for the project's root
        Files.createDirectories(dir.resolve(".mvn"));
        Files.writeString(dir.resolve("pom.xml"), pom);
        Path file = dir.resolve("src/main/java").resolve(className.replace('.', File.separatorChar) + ".java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, source);
        return new HostBuild(dir);
    }

    Path dir() {
        return dir;
    }

    /**
     * Runs {@code mvn args} in the project directory with {@code stdin} as standard input. {@code environment}
     * replaces the given variables; a {@code null} value removes one. The output stays in
     * {@code mvn-<n>.stdout.txt} and {@code mvn-<n>.stderr.txt} beside the project.
     */
    Result mvn(List<String> args, Map<String, String> environment, String stdin) throws IOException,
            InterruptedException {
        boolean windows = System.getProperty("os.name").startsWith("Windows");
        Path mvn = HostSettings.MAVEN_HOME.resolve("bin").resolve(windows ? "mvn.cmd" : "mvn");
        List<String> command = new ArrayList<>(List.of(mvn.toString(), "-B", "-ntp",
                "-Dmaven.repo.local=" + HostSettings.REPOSITORY,
                "-Dmaven.repo.local.tail=" + HostSettings.OUTER_REPOSITORY));
        if (HostSettings.OFFLINE) {
            command.add("-o");
        }
        command.addAll(args);
        runs++;
        Path out = dir.resolve("mvn-" + runs + ".stdout.txt");
        Path err = dir.resolve("mvn-" + runs + ".stderr.txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        Map<String, String> env = builder.environment();
        env.put("JAVA_HOME", System.getProperty("java.home"));
        environment.forEach((name, value) -> {
            if (value == null) {
                env.remove(name);
            } else {
                env.put(name, value);
            }
        });
        Process process = builder.start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("mvn " + args + " did not finish in " + TIMEOUT_SECONDS + " s:\n"
                    + Files.readString(out) + "\n" + Files.readString(err));
        }
        return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
    }
}
