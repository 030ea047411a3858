package dev.interviewagent.testkit.simulator;

import dev.interviewagent.core.InterviewSnapshot;
import dev.interviewagent.core.report.KnowledgeReport;
import dev.interviewagent.testkit.persona.Persona;
import java.util.List;
import java.util.Objects;

/**
 * A whole simulated interview: who was interviewed, in which style, every exchange in order, the final state and the
 * knowledge report.
 */
public record SimulatedInterview(Persona persona, String style, InterviewSnapshot interview, List<Exchange> exchanges,
                                 KnowledgeReport report) {
    public SimulatedInterview {
        Objects.requireNonNull(persona, "persona");
        Objects.requireNonNull(style, "style");
        Objects.requireNonNull(interview, "interview");
        exchanges = List.copyOf(exchanges);
        Objects.requireNonNull(report, "report");
    }

    /** The transcript as a person reads it: {@code Q:} and {@code A:} lines with stage codes. */
    public String transcript() {
        StringBuilder out = new StringBuilder();
        for (Exchange e : exchanges) {
            out.append("Q[").append(e.question().stage().code()).append('/').append(e.question().move())
                    .append("]: ").append(e.question().text()).append('\n');
            if (e.answer() != null) {
                out.append("A[").append(e.answer().kind().name().toLowerCase(java.util.Locale.ROOT)).append("]: ")
                        .append(e.answer().text()).append('\n');
            }
        }
        return out.toString();
    }
}
