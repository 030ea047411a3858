package dev.interviewagent.testkit.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.guide.InterviewGuide;
import dev.interviewagent.testkit.persona.Persona;
import dev.interviewagent.testkit.persona.Personas;
import dev.interviewagent.testkit.score.Scorecard;
import dev.interviewagent.testkit.score.Thresholds;
import dev.interviewagent.testkit.simulator.InterviewSimulator;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example of docs/quality.md: a host tries its own guide against its own personas, as a test. */
class HostGuideExampleTest {

    @TempDir
    Path personasDir;

    @Test
    void a_host_tests_its_guide_with_its_own_personas() throws Exception {
        // the host's persona files (here: two built-ins copied into the host's folder)
        for (String name : List.of("en/piano-tuner", "ru/agronomist")) {
            try (InputStream in = Personas.class.getResourceAsStream(
                    "/dev/interviewagent/testkit/personas/" + name + ".json")) {
                Files.copy(in, personasDir.resolve(name.replace('/', '-') + ".json"));
            }
        }
        // the host's guide (here: the built-in one read from JSON, as a host reads its own file)
        InterviewGuide myGuide;
        try (InputStream json = InterviewGuide.class.getResourceAsStream(
                "/dev/interviewagent/core/guide/expertise-guide.json")) {
            myGuide = InterviewGuide.fromJson(json);
        }

        InterviewSimulator simulator = InterviewSimulator.builder()
                .engine(() -> InterviewEngine.builder().guide(myGuide).build())
                .personas(Personas.readAll(personasDir))
                .styles(List.of("master", "telegram"))
                .build();
        Scorecard card = simulator.run();
        System.out.println(card.toMarkdown());

        assertThat(card.interviews()).hasSize(4);
        assertThat(card.failing(Thresholds.DEFAULT)).isEmpty();
        assertThat(Personas.readAll(personasDir)).extracting(Persona::id)
                .containsExactly("piano-tuner", "agronomist");
    }
}
