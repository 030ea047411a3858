package dev.interviewagent.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewagent.core.Answer;
import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.Reply;
import dev.interviewagent.core.StartRequest;
import org.junit.jupiter.api.Test;

/** The same figure said twice is one figure in the report. */
class MetricDedupTest {

    @Test
    void a_number_repeated_across_answers_is_listed_once() {
        try (InterviewEngine engine = InterviewEngine.builder().build()) {
            Reply reply = engine.start(StartRequest.builder().language(Language.ENGLISH).build());
            reply = engine.answer(reply.interviewId(), Answer.text("a1",
                    "We turn about 600 wheels a week, every second day for the first month."));
            reply = engine.answer(reply.interviewId(), Answer.text("a2",
                    "As for volume: 600 wheels a week, which keeps two of us busy all morning."));
            KnowledgeReport report = engine.report(reply.interviewId());
            assertThat(report.metrics()).filteredOn(m -> "600".equals(m.value())).hasSize(1);
        }
    }
}
