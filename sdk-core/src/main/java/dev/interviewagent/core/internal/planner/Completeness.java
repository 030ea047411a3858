package dev.interviewagent.core.internal.planner;

import dev.interviewagent.core.Interview;
import dev.interviewagent.core.MemberCheck;
import dev.interviewagent.core.StageProgress;
import dev.interviewagent.core.guide.Stage;
import dev.interviewagent.core.guide.StageDefinition;
import dev.interviewagent.core.guide.StageFocus;
import dev.interviewagent.core.knowledge.KnowledgeItem;
import dev.interviewagent.core.knowledge.KnowledgeKind;
import java.util.List;

/**
 * Computes a stage's completeness (0–100) from its criteria: examples against the minimum (35 %), depth reached
 * against the minimum (20 %), answers against the minimum (25 %) and the stage's focus knowledge present (20 %).
 * Weighted so that a stage cannot reach 80 without most of each.
 */
public final class Completeness {

    private Completeness() {
    }

    public static int of(StageProgress progress, StageDefinition definition, List<KnowledgeItem> stageKnowledge,
                         MemberCheck memberCheck) {
        return of(progress, definition, stageKnowledge, stageKnowledge, memberCheck);
    }

    /**
     * Completeness crediting what was told earlier where it belongs: a mistake or a process told in another stage
     * counts for the focus of the stage about mistakes or processes, so that stage asks for what is new.
     */
    public static int of(StageProgress progress, StageDefinition definition, List<KnowledgeItem> stageKnowledge,
                         List<KnowledgeItem> allKnowledge, MemberCheck memberCheck) {
        double examples = ratio(progress.examples(), definition.minExamples());
        double depth = ratio(progress.maxDepth(), definition.minDepth());
        double answers = ratio(progress.answers(), definition.minAnswers());
        boolean toldAnywhere = definition.focus() == StageFocus.FAILURES || definition.focus() == StageFocus.STEPS;
        double focus = focusPresent(definition.focus(), toldAnywhere ? allKnowledge : stageKnowledge) ? 1 : 0;
        if (definition.stage() == Stage.WRAP_UP) {
            focus = memberCheck.status() == MemberCheck.Status.DONE ? 1 : 0;
        }
        return (int) Math.round(100 * (0.35 * examples + 0.20 * depth + 0.25 * answers + 0.20 * focus));
    }

    /** Whether a stage meets all its criteria for ending normally. */
    public static boolean criteriaMet(Interview interview, StageProgress progress, StageDefinition definition,
                                      int threshold) {
        return progress.completeness() >= threshold
                && progress.examples() >= definition.minExamples()
                && progress.maxDepth() >= definition.minDepth()
                && progress.answers() >= definition.minAnswers()
                && (definition.stage() != Stage.WRAP_UP
                        || interview.memberCheck().status() == MemberCheck.Status.DONE);
    }

    private static double ratio(int have, int need) {
        return need <= 0 ? 1 : Math.min(1.0, (double) have / need);
    }

    private static boolean focusPresent(StageFocus focus, List<KnowledgeItem> items) {
        KnowledgeKind kind = switch (focus) {
            case NONE -> null;
            case EXAMPLES -> KnowledgeKind.EXAMPLE;
            case NUMBERS -> KnowledgeKind.METRIC;
            case STEPS -> KnowledgeKind.PROCESS;
            case FAILURES -> KnowledgeKind.FAILURE_MODE;
            case INSIGHTS -> KnowledgeKind.INSIGHT;
            case MILESTONES -> KnowledgeKind.MILESTONE;
        };
        if (kind == null) {
            return true;
        }
        for (KnowledgeItem item : items) {
            if (item.kind() == kind) {
                return true;
            }
        }
        // Insights and milestones are hard to detect by rules alone; a concrete example at depth is the next best
        // evidence that the stage's subject was covered.
        if (focus == StageFocus.INSIGHTS || focus == StageFocus.MILESTONES) {
            return items.stream().filter(i -> i.kind() == KnowledgeKind.EXAMPLE
                    || i.kind() == KnowledgeKind.COMPETENCY || i.kind() == KnowledgeKind.MILESTONE).count() >= 2;
        }
        return false;
    }
}
