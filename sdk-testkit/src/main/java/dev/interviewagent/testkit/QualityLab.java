package dev.interviewagent.testkit;

import dev.interviewagent.testkit.persona.Personas;
import dev.interviewagent.testkit.score.Scorecard;
import dev.interviewagent.testkit.simulator.InterviewSimulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The scorecard command: runs the built-in personas (or the persona files under a directory) in every built-in
 * style on the offline brain and prints the scorecard as Markdown.
 *
 * <pre>
 * java -cp … dev.interviewagent.testkit.QualityLab [persona-dir] [--out scorecard.md] [--transcripts dir]
 * </pre>
 */
public final class QualityLab {

    private QualityLab() {
    }

    public static void main(String[] args) throws IOException {
        Path personasDir = null;
        Path out = null;
        Path transcripts = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--out" -> out = Path.of(args[++i]);
                case "--transcripts" -> transcripts = Path.of(args[++i]);
                default -> personasDir = Path.of(args[i]);
            }
        }
        InterviewSimulator simulator = InterviewSimulator.builder()
                .personas(personasDir == null ? Personas.builtIn() : Personas.readAll(personasDir))
                .build();
        if (transcripts != null) {
            Files.createDirectories(transcripts);
            for (var persona : personasDir == null ? Personas.builtIn() : Personas.readAll(personasDir)) {
                for (String style : List.of("master", "telegram", "conversational", "stage_specific",
                        "conversation_management")) {
                    var sim = simulator.simulate(persona, style);
                    Files.writeString(transcripts.resolve(persona.language() + "-" + persona.id() + "-" + style
                            + ".txt"), sim.transcript() + "\n--- findings\n"
                            + String.join("\n", dev.interviewagent.testkit.score.Scorer.score(sim).findings()
                            .stream().map(Object::toString).toList()));
                }
            }
        }
        Scorecard card = simulator.run();
        String markdown = card.toMarkdown();
        if (out != null) {
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(out, markdown);
        }
        System.out.println(markdown);
    }
}
