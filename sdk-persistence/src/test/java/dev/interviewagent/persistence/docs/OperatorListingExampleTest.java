package dev.interviewagent.persistence.docs;

import static dev.interviewagent.core.spi.testkit.TestInterviews.question;
import static dev.interviewagent.core.spi.testkit.TestInterviews.started;
import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewagent.core.Interview;
import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.InterviewStatus;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.spi.InterviewPage;
import dev.interviewagent.core.spi.InterviewQuery;
import dev.interviewagent.core.spi.InterviewSummary;
import dev.interviewagent.core.spi.testkit.MutableClock;
import dev.interviewagent.persistence.JdbcInterviewStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The operator listing of docs/persistence.md ("active interviews in Russian updated in the last hour, 50 per
 * page"), run here on the embedded store. The docs quote the region between the markers verbatim; the last test
 * fails when they drift apart.
 */
class OperatorListingExampleTest {

    private final Clock clock = MutableClock.at("2026-03-01T12:00:00Z");
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
    private JdbcInterviewStore store;

    @BeforeEach
    void openStore() throws IOException {
        store = JdbcInterviewStore.builder().embedded(Files.createTempDirectory("ia-listing-example-")).clock(clock)
                .build();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void should_page_through_active_russian_interviews_updated_in_the_last_hour() {
        for (int i = 0; i < 120; i++) {
            add("telegram:" + i, Language.RUSSIAN, InterviewStatus.ACTIVE, Duration.ofSeconds(20L * i + 1));
        }
        add("telegram:en", Language.ENGLISH, InterviewStatus.ACTIVE, Duration.ofMinutes(5));
        add("telegram:done", Language.RUSSIAN, InterviewStatus.ABANDONED, Duration.ofMinutes(5));
        add("telegram:old", Language.RUSSIAN, InterviewStatus.ACTIVE, Duration.ofMinutes(61));

        // region operator-listing
        InterviewQuery query = InterviewQuery.builder()
                .statuses(InterviewStatus.ACTIVE)
                .language(Language.RUSSIAN)
                .updatedFrom(clock.instant().minus(Duration.ofHours(1)))
                .pageSize(50)
                .build();
        InterviewPage page = store.list(query);                 // the 50 most recently updated
        while (true) {
            for (InterviewSummary row : page.items()) {
                out.printf("%s %s stage=%s turns=%d updated=%s%n", row.id(), row.channelKey(), row.stage().code(),
                        row.turnCount(), row.updatedAt());
            }
            if (!page.hasNext()) {
                break;
            }
            page = store.list(query.after(page.nextCursor().orElseThrow()));
        }
        // endregion

        List<String> lines = printed.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(page.hasNext()).isFalse();
        assertThat(lines).hasSize(120).doesNotHaveDuplicates();
        assertThat(lines.get(0)).contains(" telegram:0 stage=greeting turns=1 updated=2026-03-01T11:59:59Z");
        assertThat(lines.get(119)).contains(" telegram:119 ");
        assertThat(lines).noneMatch(line -> line.contains("telegram:en") || line.contains("telegram:done")
                || line.contains("telegram:old"));
    }

    @Test
    void should_be_quoted_verbatim_in_the_docs() throws IOException {
        String source = Files.readString(Path.of(
                "src/test/java/dev/interviewagent/persistence/docs/OperatorListingExampleTest.java"));
        String region = source.substring(source.indexOf("// region operator-listing")
                + "// region operator-listing".length(), source.indexOf("// endregion")).stripTrailing();
        String snippet = region.lines().map(l -> l.length() >= 8 ? l.substring(8) : l.strip())
                .filter(l -> !l.isBlank()).reduce((a, b) -> a + "\n" + b).orElseThrow();
        assertThat(Files.readString(Path.of("../docs/persistence.md"))).contains(snippet);
    }

    private void add(String channelKey, Language language, InterviewStatus status, Duration ago) {
        Interview interview = started(InterviewId.random(), channelKey, clock.instant().minus(Duration.ofHours(3)))
                .toBuilder().language(language).status(status).updatedAt(clock.instant().minus(ago)).build();
        store.create(interview, List.of(question(1, interview.createdAt())));
    }
}
