package dev.interviewagent.core.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The quickstart as the docs show it: code blocks taken from the Markdown at test time (so the docs hold the only
 * copy), and what the quickstart program prints, read back. Used by {@code QuickstartExampleTest} here and by
 * {@code HostProjectIT}, which builds the quickstart as a host project.
 *
 * <p>A block is found by a marker comment on the line before its fence, e.g. {@code <!-- quickstart:java -->}
 * followed by {@code ```java}: the marker does not show when the Markdown is rendered.
 */
public final class QuickstartDocs {

    /** Marks the quickstart class in README.md and docs/quickstart.md. */
    public static final String JAVA = "quickstart:java";
    /** Marks the host project's pom.xml in docs/quickstart.md. */
    public static final String POM = "quickstart:pom";
    /** Marks the command that runs the quickstart in docs/quickstart.md. */
    public static final String RUN = "quickstart:run";
    /** Marks the LLM brain's dependencies in docs/llm.md. */
    public static final String LLM_DEPENDENCIES = "llm:dependencies";

    /** Answers an expert would type, one per line; the last one ends the interview. */
    public static final List<String> ANSWERS = List.of(
            "I have repaired marine diesel engines for 20 years, mostly on cargo ships.",
            "First I listen to the engine at idle, then I check the exhaust colour and the oil pressure before"
                    + " anything else.",
            "Once a turbocharger failed because a junior skipped the oil pre-lube; the warning sign was a whistle"
                    + " at low revs.",
            "/complete");

    private static final String PROMPT = "> ";
    private static final String SPEAKER = "Interviewer: ";
    private static final String REPORT = "Knowledge report: ";

    private QuickstartDocs() {
    }

    /** The repository root, found from the working directory (a module's or the root itself). */
    public static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("README.md"))
                    && Files.isRegularFile(dir.resolve("docs/quickstart.md"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no README.md with docs/quickstart.md above " + Path.of("").toAbsolutePath());
    }

    /**
     * The content of the fenced code block that follows {@code <!-- marker -->} in {@code markdown}.
     *
     * @throws AssertionError if the marker or its block is missing, or the marker occurs twice
     */
    public static String block(Path markdown, String marker) {
        String text = read(markdown);
        String comment = "<!-- " + marker + " -->";
        int at = text.indexOf(comment);
        if (at < 0) {
            throw new AssertionError(markdown + " has no " + comment + " before a code block");
        }
        if (text.indexOf(comment, at + 1) >= 0) {
            throw new AssertionError(markdown + " has " + comment + " twice");
        }
        int fence = text.indexOf("```", at);
        int lineEnd = text.indexOf('\n', fence);
        int close = text.indexOf("\n```", lineEnd);
        if (fence < 0 || lineEnd < 0 || close < 0 || !text.substring(at + comment.length(), fence).isBlank()) {
            throw new AssertionError(markdown + ": " + comment + " must stand right before a fenced code block");
        }
        return text.substring(lineEnd + 1, close + 1);
    }

    /** The quickstart class's fully qualified name, read from its package and class declarations. */
    public static String className(String source) {
        String pkg = source.lines().filter(l -> l.startsWith("package ")).findFirst()
                .map(l -> l.substring("package ".length(), l.indexOf(';')).strip() + ".").orElse("");
        String type = source.lines().map(String::strip).filter(l -> l.startsWith("public class "))
                .findFirst().map(l -> l.substring("public class ".length()).split("[\\s{]")[0])
                .orElseThrow(() -> new AssertionError("the quickstart has no public class"));
        return pkg + type;
    }

    /** The scripted answers as standard input. */
    public static String stdin() {
        return String.join("\n", ANSWERS) + "\n";
    }

    /** What the quickstart program printed: the brain line, each interviewer message in order, the report path. */
    public record Transcript(String brain, List<String> messages, Optional<Path> report) {

        /** Reads the program's standard output. */
        public static Transcript parse(String stdout) {
            List<String> lines = stdout.lines().toList();
            String brain = lines.isEmpty() ? "" : lines.get(0);
            List<String> messages = new ArrayList<>();
            Optional<Path> report = Optional.empty();
            StringBuilder message = null;
            for (String line : lines) {
                String text = line.startsWith(PROMPT) ? line.substring(PROMPT.length()) : line;
                if (text.startsWith(SPEAKER) || text.startsWith(REPORT) || line.startsWith(PROMPT)) {
                    if (message != null) {
                        messages.add(message.toString().strip());
                        message = null;
                    }
                }
                if (text.startsWith(SPEAKER)) {
                    message = new StringBuilder(text.substring(SPEAKER.length()));
                } else if (text.startsWith(REPORT)) {
                    report = Optional.of(Path.of(text.substring(REPORT.length()).strip()));
                } else if (message != null) {
                    message.append('\n').append(line);
                }
            }
            if (message != null) {
                messages.add(message.toString().strip());
            }
            return new Transcript(brain, List.copyOf(messages), report);
        }

        /** The questions: every message but the closing one. */
        public List<String> questions() {
            return messages.isEmpty() ? List.of() : messages.subList(0, messages.size() - 1);
        }

        /** The closing message. */
        public String closing() {
            return messages.isEmpty() ? "" : messages.get(messages.size() - 1);
        }
    }

    /** The report's sections before its transcript: what the interview found, without the words said. */
    public static String findings(String markdownReport) {
        int transcript = markdownReport.indexOf("\n## Transcript");
        return transcript < 0 ? markdownReport : markdownReport.substring(0, transcript);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
