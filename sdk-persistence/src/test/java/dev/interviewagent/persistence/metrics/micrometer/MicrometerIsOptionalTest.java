package dev.interviewagent.persistence.metrics.micrometer;

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
import org.junit.jupiter.api.Test;

/**
 * Micrometer is an optional dependency of sdk-persistence: only the binders' package may refer to it,
 * and every meter they register is in the operations guide.
 */
class MicrometerIsOptionalTest {

    private static final String MICROMETER_PACKAGE = "dev/interviewagent/persistence/metrics/micrometer/";

    @Test
    void should_refer_to_micrometer_only_from_the_micrometer_package() throws IOException {
        Path classes = Path.of("target/classes");
        List<String> referring;
        try (Stream<Path> files = Files.walk(classes)) {
            referring = files.filter(p -> p.toString().endsWith(".class")).filter(MicrometerIsOptionalTest::mentions)
                    .map(p -> classes.relativize(p).toString().replace(File.separatorChar, '/')).toList();
        }
        assertThat(referring).as("the binders do use Micrometer, so this check can fail")
                .anyMatch(name -> name.startsWith(MICROMETER_PACKAGE));
        assertThat(referring).allMatch(name -> name.startsWith(MICROMETER_PACKAGE));
    }

    private static boolean mentions(Path classFile) {
        try {
            return new String(Files.readAllBytes(classFile), StandardCharsets.ISO_8859_1).contains("io/micrometer/");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void should_document_every_meter_in_the_operations_guide() throws Exception {
        String doc = Files.readString(Path.of("../docs/operations.md"));
        for (Field field : RedisMetrics.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.get(null) instanceof String name
                    && name.startsWith("interview.")) {
                assertThat(doc).as(field.getName()).contains("| `" + name + "` |");
            }
        }
    }
}
