package dev.interviewagent.core.internal.planner;

import dev.interviewagent.core.Interview;
import dev.interviewagent.core.StageProgress;
import dev.interviewagent.core.analysis.AnswerAnalysis;
import dev.interviewagent.core.analysis.AnswerLength;
import dev.interviewagent.core.guide.Stage;
import dev.interviewagent.core.guide.StageDefinition;
import dev.interviewagent.core.guide.StageFocus;
import dev.interviewagent.core.internal.understanding.AnswerReader;
import dev.interviewagent.core.internal.understanding.AnswerReading;
import dev.interviewagent.core.internal.understanding.ContentLabel;
import dev.interviewagent.core.knowledge.KnowledgeItem;
import dev.interviewagent.core.knowledge.KnowledgeKind;
import dev.interviewagent.core.spi.Move;
import dev.interviewagent.core.spi.MoveType;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The deepening ladder of the {@link Planner}: after an answer that needs no other move, depth 2 asks for an
 * example, 3 for the steps, 4 for the insight behind it, skipping what the answer already covered. Pure.
 */
final class Deepening {

    private Deepening() {
    }

    /** Stages whose statements about the work have instances to ask for in the expert's words. */
    private static final Set<Stage> STATEMENTS_QUOTED_IN = EnumSet.of(Stage.ESSENCE, Stage.OPERATIONS,
            Stage.EXPERTISE_MAP, Stage.FAILURE_MODES, Stage.MASTERY);

    /** Stages about doing something, where "walk me through it" is a question; elsewhere it is none. */
    private static final Set<Stage> STEPS_ASKED_IN = EnumSet.of(Stage.ESSENCE, Stage.OPERATIONS,
            Stage.MASTERY);

    /**
     * The deepening question after an answer at {@code depth} (below 4: the caller opens a new topic at the top of
     * the ladder).
     */
    static Move next(Interview interview, StageProgress progress, StageDefinition definition,
                     AnswerAnalysis analysis, AnswerReading reading, String answer, int depth,
                     AnswerReader sentenceReader) {
        Stage stage = definition.stage();
        int next = depth + 1;
        List<String> missing = missing(progress, definition, interview.knowledge(stage));
        boolean wantsNumbers = !analysis.hasNumbers()
                && (definition.focus() == StageFocus.NUMBERS || progress.numbers() == 0);
        // Depth 2 asks for an example, 3 for the steps, 4 for the insight behind it; a rung the answer already
        // covered is skipped in favour of what is still missing, and a short answer without a case gets one asked.
        // An expert who twice answered "tell me a case" by retelling one already told has told their cases (decide()
        // moves on before this when the answer has none): the insight of the stage rather than a plain "why". A
        // rule, a mistake or a lesson of their career has no steps to walk through ("what happens first?" after "I learned that half the job is talking to owners" is no question).
        boolean general = reading.labels().contains(ContentLabel.PRINCIPLE)
                || reading.labels().contains(ContentLabel.FAILURE);
        boolean casesTold = interview.memory().examplesRetold() >= 2;
        boolean hasSteps = analysis.hasSteps() || general || !STEPS_ASKED_IN.contains(stage);
        MoveType type;
        if (next == 4) {
            type = insightMove(stage);
        } else if (!analysis.hasExample() && (next == 2 || analysis.length() == AnswerLength.SHORT)) {
            type = MoveType.DEEPEN_EXAMPLE;
        } else if (!hasSteps) {
            type = MoveType.DEEPEN_STEPS;
        } else if (wantsNumbers) {
            type = MoveType.DEEPEN_NUMBERS;
        } else {
            type = casesTold ? insightMove(stage) : MoveType.DEEPEN_INSIGHT;
        }
        Move move = Move.of(type, stage, next).withMissing(missing);
        // A rule of thumb or a mistake the expert just stated is asked for in their words ("You said 'a newcomer
        // trusts the tuner' — one time you saw that?"), not with a bare "is there one time you remember?". Other
        // statements (a career summary, a job title) have no instance to ask for, so they get the plain question.
        if (type == MoveType.DEEPEN_EXAMPLE && general) {
            return move.withAnchor(Fragments.claim(answer, interview.language(), sentenceReader));
        }
        // Turning points listed on the path of growth are asked about one by one, in the expert's words ("Take 'my
        // first on-call rotation': what happened then?"), never with "is there one time you remember?".
        if (type == MoveType.DEEPEN_EXAMPLE && stage == Stage.GROWTH_PATH) {
            return move.withAnchor(Fragments.firstItem(answer, interview.language()));
        }
        // A statement about the work is asked for an instance of what it says ("You said 'deciding whether to cut,
        // and when, is the job'. Can you think of one particular time?"), not with "could you give me one small
        // example?". Not a career summary (years and roles have no instance to ask for), and not an answer that
        // tells what happened once: quoting it with "was there a time you saw that?" asks for what was just told.
        if (type == MoveType.DEEPEN_EXAMPLE && STATEMENTS_QUOTED_IN.contains(stage)
                && !reading.labels().contains(ContentLabel.FACT) && !reading.narrative()) {
            return move.withAnchor(Fragments.mainClause(answer, interview.language()));
        }
        return move;
    }

    /**
     * The technique that asks for the insight behind a topic, by stage: contrast a novice and an expert on the
     * expertise map, ask for the secret no manual has in mastery, explain it as to a first-day newcomer in
     * operations; elsewhere, the reasoning behind it.
     */
    private static MoveType insightMove(Stage stage) {
        return switch (stage) {
            case EXPERTISE_MAP -> MoveType.CONTRAST;
            case MASTERY -> MoveType.EXPERT_SECRET;
            case OPERATIONS -> MoveType.BEGINNERS_MIND;
            default -> MoveType.DEEPEN_INSIGHT;
        };
    }

    /** What the stage still lacks by its criteria: examples, depth, and the items its focus asks for. */
    static List<String> missing(StageProgress progress, StageDefinition definition,
                                        List<KnowledgeItem> items) {
        List<String> missing = new ArrayList<>();
        if (progress.examples() < definition.minExamples()) {
            missing.add("examples");
        }
        if (progress.maxDepth() < definition.minDepth()) {
            missing.add("depth");
        }
        switch (definition.focus()) {
            case STEPS -> {
                if (items.stream().noneMatch(i -> i.kind() == KnowledgeKind.PROCESS)) {
                    missing.add("steps");
                }
            }
            case NUMBERS -> {
                if (items.stream().noneMatch(i -> i.kind() == KnowledgeKind.METRIC)) {
                    missing.add("numbers");
                }
            }
            case FAILURES -> {
                if (items.stream().noneMatch(i -> i.kind() == KnowledgeKind.FAILURE_MODE)) {
                    missing.add("failure_modes");
                }
            }
            default -> {
            }
        }
        return missing;
    }
}
