package dev.interviewagent.core.internal.experiment;

import dev.interviewagent.core.Interview;
import dev.interviewagent.core.InterviewStatus;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.StageProgress;
import dev.interviewagent.core.Turn;
import dev.interviewagent.core.guide.Stage;
import dev.interviewagent.core.internal.analysis.AnswerAnalyzer;
import dev.interviewagent.core.internal.report.ReportBuilder;
import dev.interviewagent.core.report.KnowledgeReport;
import dev.interviewagent.core.spi.MoveType;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The outcome figures of one finished interview, read from its state, its turn log and its knowledge report.
 *
 * @param style           the style it ran in
 * @param language        its language
 * @param completed       whether it finished the wrap-up
 * @param stagesReached   stages with at least one question
 * @param answers         the respondent's answers
 * @param durationMinutes start to end (to the last change when there is no end)
 * @param examples        examples in the knowledge report
 * @param processes       processes in the knowledge report
 * @param failureModes    failure modes in the knowledge report
 * @param vagueAnswers    answers analysed as vague that got a next question, outside the wrap-up
 * @param vagueChallenged of those, the ones whose next question deepened
 * @param rating          the member-check rating; null if none was given
 */
public record InterviewOutcome(String style, Language language, boolean completed, int stagesReached, int answers,
                               double durationMinutes, int examples, int processes, int failureModes,
                               int vagueAnswers, int vagueChallenged, @Nullable Integer rating) {

    /** The moves that stay with what was just said and ask for more of it. */
    static final Set<MoveType> DEEPENING = EnumSet.of(MoveType.CLARIFY_VAGUE, MoveType.DEEPEN_EXAMPLE,
            MoveType.DEEPEN_STEPS, MoveType.DEEPEN_NUMBERS, MoveType.DEEPEN_INSIGHT, MoveType.PROBE_CUE,
            MoveType.PROBE_DECISION, MoveType.PROBE_BASIS, MoveType.PROBE_COUNTERFACTUAL, MoveType.PROBE_STEP,
            MoveType.PROBE_FAILURE, MoveType.CONTRAST, MoveType.BEGINNERS_MIND, MoveType.EXPERT_SECRET);

    /** The figures of a finished interview. */
    public static InterviewOutcome of(Interview interview, List<Turn> turns, AnswerAnalyzer analyzer) {
        if (interview.status() == InterviewStatus.ACTIVE) {
            throw new IllegalArgumentException("an active interview has no outcome yet");
        }
        int stagesReached = 0;
        for (StageProgress progress : interview.stages()) {
            stagesReached += progress.startedAt() != null ? 1 : 0;
        }
        int answers = 0;
        int vague = 0;
        int challenged = 0;
        for (int i = 0; i < turns.size(); i++) {
            Turn turn = turns.get(i);
            if (!turn.isRespondent() || turn.kind() != Turn.Kind.ANSWER) {
                continue;
            }
            answers++;
            Turn next = i + 1 < turns.size() ? turns.get(i + 1) : null;
            if (turn.stage() == Stage.WRAP_UP || next == null || !next.isInterviewer()
                    || next.kind() != Turn.Kind.QUESTION
                    || !analyzer.analyze(turn.text(), interview.language()).isEvasive()) {
                continue;
            }
            vague++;
            challenged += isDeepening(next.move()) ? 1 : 0;
        }
        Instant end = interview.endedAt() != null ? interview.endedAt() : interview.updatedAt();
        double minutes = Duration.between(interview.createdAt(), end).toMillis() / 60_000.0;
        KnowledgeReport.Quality quality = ReportBuilder.build(interview, turns, end).quality();
        return new InterviewOutcome(interview.style(), interview.language(),
                interview.status() == InterviewStatus.COMPLETED, stagesReached, answers, minutes, quality.examples(),
                quality.processes(), quality.failureModes(), vague, challenged, interview.memberCheck().rating());
    }

    private static boolean isDeepening(@Nullable String move) {
        if (move == null) {
            return false;
        }
        for (MoveType type : DEEPENING) {
            if (type.code().equals(move)) {
                return true;
            }
        }
        return false;
    }
}
