package dev.interviewagent.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.InterviewListener;
import dev.interviewagent.core.InterviewSnapshot;
import dev.interviewagent.core.Reply;
import dev.interviewagent.core.Turn;
import dev.interviewagent.core.scenario.InterviewDriver;
import dev.interviewagent.core.scenario.ScriptedExpert;
import dev.interviewagent.core.scenario.ScriptedExperts;
import dev.interviewagent.core.spi.testkit.MutableClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden files of the report in both renderings, for one expert per language. The interview is deterministic (fixed
 * clock moving 40 s per turn, fixed id); a change to the brain, the extractor or the renderer shows up here as a
 * diff to review. Regenerate deliberately with {@code -Dgolden.update=true}.
 */
class ReportGoldenTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    static Stream<ScriptedExpert> experts() {
        return Stream.of(ScriptedExperts.siteReliabilityEngineer(), ScriptedExperts.welder());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("experts")
    void should_render_the_report_exactly_as_the_golden_files(ScriptedExpert expert) throws IOException {
        MutableClock clock = MutableClock.at("2026-05-04T09:00:00Z");
        InterviewListener ticking = new InterviewListener() {
            @Override
            public void onTurn(InterviewSnapshot interview, Turn turn) {
                clock.advance(Duration.ofSeconds(40));
            }
        };
        try (InterviewEngine engine = InterviewEngine.builder().clock(clock).listener(ticking)
                .idSupplier(() -> InterviewId.of("golden-" + expert.profession())).build()) {
            Reply last = InterviewDriver.run(engine, expert, "master");
            for (ReportFormat format : ReportFormat.values()) {
                String actual = engine.report(last.interviewId(), format);
                Path file = GOLDEN.resolve(expert.profession() + (format == ReportFormat.JSON ? ".json" : ".md"));
                if (Boolean.getBoolean("golden.update")) {
                    Files.createDirectories(GOLDEN);
                    Files.writeString(file, actual, StandardCharsets.UTF_8);
                }
                assertThat(actual).as("%s (run with -Dgolden.update=true after a deliberate change)", file)
                        .isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
            }
        }
    }
}
