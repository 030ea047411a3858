package dev.interviewagent.llm.internal;

import dev.interviewagent.core.Interview;
import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.Profile;
import dev.interviewagent.core.analysis.AnswerAnalysis;
import dev.interviewagent.core.analysis.AnswerLength;
import dev.interviewagent.core.analysis.Engagement;
import dev.interviewagent.core.guide.InterviewGuide;
import dev.interviewagent.core.guide.InterviewStyles;
import dev.interviewagent.core.guide.Stage;
import dev.interviewagent.core.spi.BrainRequest;
import dev.interviewagent.core.spi.Move;
import dev.interviewagent.core.spi.MoveType;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Builds brain requests without an engine, for unit tests of the brain's parts. */
final class LlmUnitTestSupport {

    static final InterviewGuide GUIDE = InterviewGuide.expertise();
    static final InterviewStyles STYLES = InterviewStyles.builtIn();

    private LlmUnitTestSupport() {
    }

    static Interview interview(Language language) {
        return Interview.start(InterviewId.of("11111111-2222-3333-4444-555555555555"), language, "master",
                GUIDE.id(), GUIDE.revision(), new Profile(null, "Logistics lead", null, "Retail", 12, null), null,
                Map.of(), Instant.parse("2026-01-01T00:00:00Z"));
    }

    static AnswerAnalysis analysis(String answer) {
        int words = answer.split("\\s+").length;
        return new AnswerAnalysis(words, AnswerLength.ofWords(words), List.of(), false, false, false, false, false,
                false, false, false, false, false, Engagement.LOW, null, List.of(), null);
    }

    static BrainRequest request(Language language, MoveType type, String answer) {
        Interview interview = interview(language);
        Move move = type == MoveType.CLOSE ? Move.close(Stage.GREETING, dev.interviewagent.core.CloseReason.NORMAL)
                : Move.of(type, Stage.GREETING, 2);
        return new BrainRequest(interview, move, GUIDE.stage(Stage.GREETING), STYLES.get("master"),
                answer == null ? null : analysis(answer), answer, List.of(), 3);
    }
}
