package dev.interviewagent.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The checks every module with Micrometer binders runs (shared through the sdk-core test-jar): Micrometer stays an
 * optional dependency, and every meter a binder names is in the operations guide.
 */
public final class MicrometerChecks {

    private MicrometerChecks() {
    }

    /**
     * Asserts that, among the module's compiled classes ({@code target/classes}), only those under
     * {@code binderPackage} (a path such as {@code dev/interviewagent/voice/metrics/micrometer/}) refer to
     * Micrometer — and that some do, so the check can fail.
     */
    public static void assertOnlyPackageRefersToMicrometer(String binderPackage) throws IOException {
        Path classes = Path.of("target/classes");
        List<String> referring;
        try (Stream<Path> files = Files.walk(classes)) {
            referring = files.filter(p -> p.toString().endsWith(".class")).filter(MicrometerChecks::mentions)
                    .map(p -> classes.relativize(p).toString().replace(File.separatorChar, '/')).toList();
        }
        assertThat(referring).as("the binders do use Micrometer, so this check can fail")
                .anyMatch(name -> name.startsWith(binderPackage));
        assertThat(referring).allMatch(name -> name.startsWith(binderPackage));
    }

    /** Asserts that every meter name a binder declares ({@code public static String interview.*}) has its row in docs/operations.md. */
    public static void assertMetersDocumented(Class<?>... binders) throws IOException, IllegalAccessException {
        String doc = Files.readString(Path.of("../docs/operations.md"));
        for (Class<?> binder : binders) {
            for (Field field : binder.getFields()) {
                if (Modifier.isStatic(field.getModifiers()) && field.get(null) instanceof String name
                        && name.startsWith("interview.")) {
                    assertThat(doc).as(binder.getSimpleName() + "." + field.getName()).contains("| `" + name + "` |");
                }
            }
        }
    }

    private static boolean mentions(Path classFile) {
        try {
            return new String(Files.readAllBytes(classFile), StandardCharsets.ISO_8859_1).contains("io/micrometer/");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
