package dev.interviewagent.core.scenario;

import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.Reply;
import dev.interviewagent.core.Turn;
import dev.interviewagent.core.report.ReportFormat;

public class PeekTranscript {
    public static void main(String[] args) throws Exception {
        try (InterviewEngine engine = InterviewEngine.builder().build()) {
            for (ScriptedExpert expert : java.util.List.of(ScriptedExperts.icuNurse(), ScriptedExperts.welder())) {
                Reply last = InterviewDriver.run(engine, expert, args.length > 0 ? args[0] : "master");
                StringBuilder sb = new StringBuilder();
                for (Turn t : engine.transcript(last.interviewId())) {
                    sb.append(t.number()).append(' ').append(t.stage().code()).append(' ')
                            .append(t.isInterviewer() ? "Q[" + t.move() + " d" + t.depth() + "] " : "A: ")
                            .append(t.text()).append('\n');
                }
                java.nio.file.Files.writeString(java.nio.file.Path.of("/tmp/peek/" + expert.profession() + ".txt"), sb);
                java.nio.file.Files.writeString(java.nio.file.Path.of("/tmp/peek/" + expert.profession() + ".md"),
                        engine.report(last.interviewId(), ReportFormat.MARKDOWN));
            }
        }
    }
}
