package dev.interviewagent.bench.drill;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The short version of every fault drill of docs/reliability.md, run by every build against the packaged WebSocket
 * sample: 16 scripted interviews per load drill, 15 s of load each, the full 5,000 hostile inputs of the fuzzing
 * drill and 100 injection answers. A drill passes only with no acknowledged answer lost or stored twice, every turn
 * answered and every one of its own checks held, exactly as in the full runs.
 */
class DrillsIT {

    @Test
    void everyDrillPassesItsShortVersion() {
        Path jar = Path.of(System.getProperty("drill.serverJar",
                "../samples/websocket-server/target/websocket-server-sample.jar"));
        assertThat(jar).as("the packaged WebSocket sample").isRegularFile();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        List<DrillReport> reports;
        try (PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
            reports = DrillRunner.run(DrillOptions.ci(jar), out);
        }
        String output = printed.toString(StandardCharsets.UTF_8);
        System.out.println(output);     // kept in target/failsafe-reports/*-output.txt
        write(output);

        assertThat(reports).extracting(DrillReport::drill).containsExactlyElementsOf(DrillOptions.ALL);
        assertThat(reports).allSatisfy(report -> {
            assertThat(report.lost()).as(report.drill() + ": acknowledged answers lost").isZero();
            assertThat(report.duplicated()).as(report.drill() + ": answers stored twice").isZero();
            assertThat(report.unanswered()).as(report.drill() + ": turns without a reply").isZero();
            assertThat(report.checks()).as(report.drill() + ": its checks\n" + report.details())
                    .allMatch(DrillReport.Check::passed);
        });
        assertThat(reports).filteredOn(r -> !r.drill().equals("fuzz") && !r.drill().equals("injection"))
                .as("every load drill acknowledged answers").allMatch(r -> r.acknowledged() > 0);
    }

    private static void write(String output) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "drills"));
            Files.writeString(dir.resolve("summary.txt"), output);
        } catch (java.io.IOException e) {
            System.err.println("could not write target/drills/summary.txt: " + e.getMessage());
        }
    }
}
