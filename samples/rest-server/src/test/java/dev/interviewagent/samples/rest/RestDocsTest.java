package dev.interviewagent.samples.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewagent.core.docs.DocRegions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/rest.md stays true to what runs: its curl lines are the README's (which ReadmeCurlIT runs), its table has every path. */
class RestDocsTest {

    private static final Path DOC = Path.of("..", "..", "docs", "rest.md");

    @Test
    void should_quote_only_curl_lines_the_readme_session_runs() throws Exception {
        List<String> run = DocRegions.region(Files.readString(Path.of("README.md")), "curl").lines().toList();
        List<String> quoted = DocRegions.region(Files.readString(DOC), "curl").lines()
                .filter(line -> !line.isBlank()).toList();
        assertThat(quoted).hasSizeGreaterThan(5);
        assertThat(run).containsAll(quoted);
    }

    @Test
    void should_list_every_path_of_the_openapi_document() throws Exception {
        String doc = Files.readString(DOC);
        for (String path : OpenApiContract.get().api().getPaths().keySet()) {
            assertThat(doc).as("docs/rest.md names " + path).contains(" " + path + "`");
        }
        assertThat(Files.readString(Path.of("..", "..", "docs", "index.md"))).contains("(rest.md)");
    }
}
