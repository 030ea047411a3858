package dev.interviewagent.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Keeps the table in {@code docs/configuration.md} equal to the registry. When a setting changes, run this test with
 * {@code -DupdateDocs=true} to rewrite the table, then review the diff.
 */
class ConfigurationDocsTest {

    private static final String BEGIN = "<!-- settings:begin (generated from InterviewSettings by ConfigurationDocsTest) -->";
    private static final String END = "<!-- settings:end -->";

    @Test
    void should_document_every_setting_exactly_as_the_registry_defines_it() throws IOException {
        Path page = docsPage();
        String text = Files.readString(page, StandardCharsets.UTF_8);
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        assertThat(begin).as("%s has the markers %s … %s", page, BEGIN, END).isNotNegative();
        assertThat(end).isGreaterThan(begin);
        String documented = text.substring(begin + BEGIN.length(), end).strip();
        String generated = table();

        if (Boolean.getBoolean("updateDocs") && !documented.equals(generated)) {
            Files.writeString(page, text.substring(0, begin + BEGIN.length()) + "\n" + generated + "\n"
                    + text.substring(end), StandardCharsets.UTF_8);
            documented = generated;
        }
        assertThat(documented).as("docs/configuration.md is out of date: run ConfigurationDocsTest with"
                + " -DupdateDocs=true").isEqualTo(generated);
    }

    /** The Markdown table of every setting, in registry order. */
    static String table() {
        String header = "| setting | environment variable | type | default | description |\n"
                + "| --- | --- | --- | --- | --- |\n";
        return header + InterviewSettings.all().stream().map(ConfigurationDocsTest::row)
                .collect(Collectors.joining("\n"));
    }

    private static String row(Setting<?> setting) {
        String env = "`" + setting.environmentVariable() + "`" + (setting.deprecatedEnvironmentVariables().isEmpty()
                ? "" : " (deprecated: " + setting.deprecatedEnvironmentVariables().stream()
                .map(name -> "`" + name + "`").collect(Collectors.joining(", ")) + ")");
        String fallback = setting.fallback().map(f -> "as `" + f.name() + "`").orElse("");
        String value = setting.defaultValue().map(d -> "`" + d + "`").orElse("");
        String defaults = fallback.isEmpty() ? (value.isEmpty() ? "—" : value)
                : fallback + (value.isEmpty() ? "" : ", else " + value);
        return "| `" + setting.name() + "` | " + env + " | " + setting.type() + " | " + defaults + " | "
                + setting.description() + (setting.isSecret() ? " Secret." : "") + " |";
    }

    private static Path docsPage() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("docs/configuration.md"))) {
                return dir.resolve("docs/configuration.md");
            }
        }
        throw new IllegalStateException("docs/configuration.md not found");
    }
}
