package dev.interviewagent.core.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewagent.core.Language;
import dev.interviewagent.core.internal.guard.OneQuestionGuard;
import dev.interviewagent.llm.LlmBrains;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quickstart class of README.md and docs/quickstart.md is taken from the docs at test time, compiled with the
 * system Java compiler against this module's test classpath and run as a program with scripted answers on standard
 * input. There is no other copy of it: what the docs show is what compiles and works.
 */
class QuickstartExampleTest {

    private static final Path ROOT = QuickstartDocs.repositoryRoot();
    private static final Path README = ROOT.resolve("README.md");
    private static final Path QUICKSTART = ROOT.resolve("docs/quickstart.md");

    @Test
    void should_show_the_same_quickstart_class_in_the_readme_and_the_quickstart_guide() {
        String readme = QuickstartDocs.block(README, QuickstartDocs.JAVA);
        String guide = QuickstartDocs.block(QUICKSTART, QuickstartDocs.JAVA);

        assertThat(readme)
                .as("the quickstart class in README.md must be the one in docs/quickstart.md, line for line")
                .isEqualTo(guide);
    }

    @Test
    void should_compile_the_quickstart_class_without_warnings_and_interview_one_question_at_a_time_to_a_report(
            @TempDir Path dir) throws Exception {
        String source = QuickstartDocs.block(QUICKSTART, QuickstartDocs.JAVA);
        Path classes = compile(source, dir);

        Process program = run(QuickstartDocs.className(source), classes, dir);
        String stdout = new String(program.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(program.waitFor(60, TimeUnit.SECONDS)).as("the program ends").isTrue();
        String stderr = Files.readString(dir.resolve("stderr.txt"));

        assertThat(program.exitValue()).as("exit code; stderr:\n%s", stderr).isZero();
        QuickstartDocs.Transcript transcript = QuickstartDocs.Transcript.parse(stdout);
        assertThat(transcript.brain()).as(stdout).isEqualTo(LlmBrains.describe(Map.of()));
        assertThat(transcript.questions()).as(stdout).hasSize(QuickstartDocs.ANSWERS.size());
        OneQuestionGuard guard = OneQuestionGuard.create();
        assertThat(transcript.questions()).as("one question per message")
                .allSatisfy(question -> assertThat(guard.countQuestions(question, Language.ENGLISH))
                        .as(question).isEqualTo(1));
        assertThat(guard.countQuestions(transcript.closing(), Language.ENGLISH)).as(transcript.closing()).isZero();
        Path report = dir.resolve("interview-report.md");
        assertThat(transcript.report()).contains(report.toAbsolutePath());
        String markdown = Files.readString(report);
        assertThat(markdown).startsWith("# Expertise interview report");
        assertThat(QuickstartDocs.findings(markdown)).as("the report's findings, in the expert's words")
                .contains("I check the exhaust colour and the oil pressure");
    }

    /** Compiles {@code source} into {@code dir/classes}, failing on any error or warning ({@code -Xlint:all}). */
    private static Path compile(String source, Path dir) throws IOException {
        String className = QuickstartDocs.className(source);
        Path file = dir.resolve("src").resolve(className.replace('.', File.separatorChar) + ".java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, source);
        Path classes = Files.createDirectories(dir.resolve("classes"));
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT,
                StandardCharsets.UTF_8)) {
            List<String> options = List.of("--release", "17", "-Xlint:all", "-classpath", testClasspath(),
                    "-d", classes.toString());
            boolean compiled = compiler.getTask(null, files, diagnostics, options, null,
                    files.getJavaFileObjects(file)).call();
            List<String> problems = new ArrayList<>();
            for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                if (d.getKind() != Diagnostic.Kind.NOTE) {
                    problems.add(d.getKind() + " line " + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT));
                }
            }
            assertThat(problems).as("javac on the quickstart class").isEmpty();
            assertThat(compiled).isTrue();
        }
        return classes;
    }

    /** Starts the program in {@code dir} with the scripted answers on stdin and no provider keys (offline brain). */
    private static Process run(String className, Path classes, Path dir) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(java.toString(), "-cp",
                classes + File.pathSeparator + testClasspath(), className)
                .directory(dir.toFile())
                .redirectError(dir.resolve("stderr.txt").toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("OPENAI_") || name.startsWith("ANTHROPIC_"));
        Process process = builder.start();
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write(QuickstartDocs.stdin().getBytes(StandardCharsets.UTF_8));
        }
        return process;
    }

    /** Surefire runs tests from a manifest-only jar; the real test classpath is in this property. */
    private static String testClasspath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }
}
