package dev.interviewagent.core.internal.engine;

import dev.interviewagent.core.CloseReason;
import dev.interviewagent.core.Interview;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.MemberCheck;
import dev.interviewagent.core.StageChange;
import dev.interviewagent.core.StageProgress;
import dev.interviewagent.core.StageProgress.EndReason;
import dev.interviewagent.core.StageProgress.Status;
import dev.interviewagent.core.Turn;
import dev.interviewagent.core.analysis.AnswerAnalysis;
import dev.interviewagent.core.guide.InterviewGuide;
import dev.interviewagent.core.guide.Stage;
import dev.interviewagent.core.guide.StageDefinition;
import dev.interviewagent.core.internal.planner.Completeness;
import dev.interviewagent.core.internal.planner.EpisodeProbes;
import dev.interviewagent.core.internal.planner.StageTransitions;
import dev.interviewagent.core.InterviewMemory;
import dev.interviewagent.core.internal.planner.Fragments;
import dev.interviewagent.core.internal.text.MemberCheckAnswers;
import dev.interviewagent.core.internal.text.Pleasantries;
import dev.interviewagent.core.internal.understanding.AnswerReading;
import dev.interviewagent.core.internal.understanding.ContentLabel;
import dev.interviewagent.core.internal.understanding.FactSlot;
import dev.interviewagent.core.internal.text.TextSanitizer;
import dev.interviewagent.core.knowledge.KnowledgeItem;
import dev.interviewagent.core.knowledge.KnowledgeKind;
import dev.interviewagent.core.spi.Move;
import dev.interviewagent.core.spi.MoveType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The pure state changes of a turn: recording an answer (its counters) and applying a move (question counters,
 * stage transitions, closing). Kept apart from I/O so that a replay after a crash computes the same state.
 */
public final class StateUpdates {

    /** How many recalls an interview keeps for referring back. */
    static final int RECALLS_KEPT = 24;
    /** Reserved attribute: the language is still to be detected from the first answer. */
    public static final String DETECT_LANGUAGE = "engine.detect_language";

    private final InterviewGuide guide;

    public StateUpdates(InterviewGuide guide) {
        this.guide = guide;
    }

    /**
     * The state after an answer is recorded: counters, knowledge, recalls and the member check, one version up,
     * with the answer appended as turn {@code answerTurn}.
     */
    public Interview recordAnswer(Interview state, Turn answerTurn, AnswerAnalysis analysis, AnswerReading reading,
                                  List<KnowledgeItem> knowledgeAfter, Instant now) {
        int added = knowledgeAfter.size() - state.knowledge().size();
        Interview.Builder next = state.toBuilder();
        Stage stage = state.stage();
        Turn question = state.pendingQuestion();
        int questionDepth = question == null ? 1 : Math.max(1, question.depth());
        StageProgress p = state.progress(stage);

        boolean substantive = !analysis.refusal() && !analysis.dontKnow() && !analysis.instructionAttempt()
                && !(analysis.isEvasive() && !analysis.isConcrete());
        int noNew = p.noNewKnowledgeInRow();
        if (added > 0) {
            noNew = 0;
        } else if (analysis.wordCount() >= 20 && !analysis.isEvasive() && !analysis.refusal()) {
            // Only an answer that says something yet adds nothing counts toward saturation; vague or terse ones
            // are challenged instead and bounded by the turn cap.
            noNew++;
        }
        next.knowledge(knowledgeAfter);
        List<KnowledgeItem> stageItems = next.knowledge().stream().filter(i -> i.stage() == stage).toList();
        StageProgress updated = new StageProgress(stage, Status.ACTIVE, p.completeness(), p.depth(),
                substantive ? Math.max(p.maxDepth(), questionDepth) : p.maxDepth(),
                p.questions(), p.answers() + 1,
                count(stageItems, KnowledgeKind.EXAMPLE), count(stageItems, KnowledgeKind.PROCESS),
                count(stageItems, KnowledgeKind.METRIC), count(stageItems, KnowledgeKind.FAILURE_MODE),
                count(stageItems, KnowledgeKind.INSIGHT),
                analysis.refusal() ? p.refusalsInRow() + 1 : 0, noNew, p.vagueChallenged(), p.topics(),
                p.referencedBack(), p.adaptedToDiscomfort(), null, p.startedAt() == null ? now : p.startedAt(), null);

        if (question != null && MoveType.MEMBER_CHECK.code().equals(question.move())) {
            next.memberCheck(memberCheckAnswered(state.memberCheck(), answerTurn.text(), analysis,
                    state.language()));
        }
        // "Nothing more" and "as I said" (a retelling) add nothing new, whatever words they repeat.
        boolean nothingNew = reading.labels().contains(ContentLabel.FATIGUE)
                || reading.labels().contains(ContentLabel.META);
        // Only content is worth referring back to: never a greeting, a "nothing more", an "as I said" or a refusal.
        if (analysis.wordCount() >= 4 && !analysis.refusal() && !analysis.instructionAttempt()
                && !analysis.discomfort() && !nothingNew && !Pleasantries.only(answerTurn.text(), state.language())) {
            next.addRecall(new Interview.Recall(stage, answerTurn.number(),
                    TextSanitizer.excerpt(Fragments.recallable(Pleasantries.strip(answerTurn.text(), state.language())),
                            120)), RECALLS_KEPT);
        }
        boolean aboutTheStory = question != null && EpisodeProbes.isCode(question.move());
        InterviewMemory memory = remember(state.memory(), stage, answerTurn, reading, nothingNew, aboutTheStory);
        // asked for a case, the expert could only retell one already told: their cases are told
        if (question != null && MoveType.DEEPEN_EXAMPLE.code().equals(question.move())
                && reading.labels().contains(ContentLabel.META)) {
            memory = memory.withExampleRetold();
        }
        next.memory(memory);
        if (state.attributes().containsKey(DETECT_LANGUAGE) && analysis.detectedLanguage() != null) {
            Language detected = analysis.detectedLanguage();
            var attributes = new java.util.HashMap<>(state.attributes());
            attributes.remove(DETECT_LANGUAGE);
            next.attributes(attributes).language(detected);
        }
        next.engagement(analysis.engagement());
        next.progress(updated);
        Interview interim = next.build();
        next.progress(withCompleteness(updated, interim, null));
        return next.version(state.version() + 1).turnCount(answerTurn.number()).updatedAt(now).build();
    }

    /**
     * The memory after an answer: facts it gave, the story it told, "nothing more" answers in a row.
     *
     * @param nothingNew    "nothing more" or "as I said": counts toward saturation, and tells no new story
     * @param aboutTheStory the answer to a probe of a story already told: it adds to that story, it is no new one
     */
    private static InterviewMemory remember(InterviewMemory memory, Stage stage, Turn answerTurn,
                                            AnswerReading reading, boolean nothingNew, boolean aboutTheStory) {
        java.util.Map<String, String> facts = new java.util.LinkedHashMap<>();
        reading.facts().forEach((slot, value) -> facts.put(slotCode(slot), value));
        InterviewMemory next = memory.withFacts(facts)
                .withFatigueInRow(nothingNew ? memory.fatigueInRow() + 1 : 0);
        if (reading.labels().contains(ContentLabel.EPISODE) && !nothingNew && !aboutTheStory) {
            String anchor = reading.episodeAnchor() != null ? reading.episodeAnchor()
                    : TextSanitizer.excerpt(Pleasantries.strip(answerTurn.text()), 80);
            next = next.withEpisode(new InterviewMemory.Episode(answerTurn.number(), stage, anchor,
                    reading.cueFragments(), List.of()));
        }
        return next;
    }

    private static String slotCode(FactSlot slot) {
        return switch (slot) {
            case YEARS -> InterviewMemory.YEARS;
            case ROLE -> InterviewMemory.ROLE;
            case ORGANISATION -> InterviewMemory.ORGANISATION;
        };
    }

    /** The state after a respondent command (e.g. complete) is recorded, one version up. */
    public Interview recordCommand(Interview state, Turn commandTurn, Instant now) {
        return state.toBuilder().version(state.version() + 1).turnCount(commandTurn.number()).updatedAt(now).build();
    }

    private static MemberCheck memberCheckAnswered(MemberCheck check, String answer, AnswerAnalysis analysis,
                                                   Language language) {
        List<String> corrections = new ArrayList<>(check.corrections());
        if (!MemberCheckAnswers.isPlainConfirmation(answer, language) && analysis.wordCount() >= 3) {
            corrections.add(answer.strip());
        }
        return new MemberCheck(MemberCheck.Status.DONE, check.presented(), analysis.rating(), corrections);
    }

    /**
     * Applies a move to the state: ends the current stage if {@code stageEnd} is set, moves to the next stage or
     * closes the interview as the move says, and counts the question. Returns the new builder state (version and
     * turn are set by the caller) and the stage changes.
     */
    public Applied applyMove(Interview state, Move move, StageProgress.@Nullable EndReason stageEnd, Instant now) {
        Interview.Builder next = state.toBuilder();
        List<StageChange> changes = new ArrayList<>();
        Stage current = state.stage();

        if (stageEnd != null) {
            StageProgress p = next.progress(current);
            next.progress(finish(p, Status.COMPLETED, stageEnd, now));
        }
        boolean entersStage = move.type() == MoveType.NEXT_STAGE
                || (move.type() == MoveType.MEMBER_CHECK && move.fromStage() != null);
        if (entersStage) {
            Stage to = StageTransitions.check(current, move.stage());
            next.stage(to);
            StageProgress target = next.progress(to);
            next.progress(new StageProgress(to, Status.ACTIVE, target.completeness(), 0, target.maxDepth(),
                    target.questions(), target.answers(), target.examples(), target.processes(), target.numbers(),
                    target.failureModes(), target.insights(), 0, 0, target.vagueChallenged(), target.topics(),
                    target.referencedBack(), false, null, now, null));
            StageProgress ended = next.progress(current);
            changes.add(new StageChange(current, to, ended.completeness(),
                    stageEnd == null ? EndReason.CRITERIA_MET : stageEnd));
        }
        next.memory(rememberMove(entersStage ? next.memory().withFatigueInRow(0) : next.memory(), move,
                state.turnCount()));
        if (move.type() == MoveType.CLOSE) {
            CloseReason reason = move.closeReason();
            for (Stage stage : Stage.values()) {
                StageProgress p = next.progress(stage);
                if (p.status() == Status.ACTIVE) {
                    boolean met = reason == CloseReason.NORMAL || Completeness.criteriaMet(state, p,
                            guide.stage(stage), guide.completenessThreshold());
                    next.progress(finish(p, met ? Status.COMPLETED : Status.SKIPPED,
                            met ? (stageEnd == null ? EndReason.CRITERIA_MET : stageEnd) : EndReason.SKIPPED, now));
                } else if (p.status() == Status.PENDING) {
                    next.progress(finish(p, Status.SKIPPED, EndReason.SKIPPED, now));
                }
            }
            next.status(reason.status()).closeReason(reason).endedAt(now);
        } else {
            StageProgress t = next.progress(move.stage());
            boolean opensTopic = switch (move.type()) {
                case OPEN, NEW_TOPIC, NEXT_STAGE, MEMBER_CHECK, RECOVER_REFUSAL, RECOVER_DISCOMFORT,
                        ACKNOWLEDGE_GAP -> true;
                case DEEPEN_EXAMPLE -> move.depth() == 2 && t.depth() >= 4;
                default -> false;
            };
            next.progress(new StageProgress(t.stage(), Status.ACTIVE, t.completeness(), move.depth(), t.maxDepth(),
                    t.questions() + 1, t.answers(), t.examples(), t.processes(), t.numbers(), t.failureModes(),
                    t.insights(), t.refusalsInRow(), t.noNewKnowledgeInRow(),
                    t.vagueChallenged() + (move.type() == MoveType.CLARIFY_VAGUE ? 1 : 0),
                    topicsAfter(t, move, opensTopic, state.language()),
                    t.referencedBack() || move.recall() != null,
                    t.adaptedToDiscomfort() || move.type() == MoveType.RECOVER_DISCOMFORT,
                    null, t.startedAt() == null ? now : t.startedAt(), null));
            if (move.type() == MoveType.MEMBER_CHECK) {
                next.memberCheck(new MemberCheck(MemberCheck.Status.PRESENTED, move.insights(), null,
                        state.memberCheck().corrections()));
            }
        }
        return new Applied(next, changes);
    }

    /** The memory after a move: what it quoted, which story it probed, which answer it drilled into. */
    private static InterviewMemory rememberMove(InterviewMemory memory, Move move, int answerTurn) {
        InterviewMemory next = memory;
        for (String fragment : new String[] {move.quote(), move.recall() == null ? null : move.recall().quote(),
                move.anchor()}) {
            if (fragment != null && !fragment.isBlank()) {
                next = next.withQuoted(Fragments.normalise(fragment));
            }
        }
        String probe = EpisodeProbes.code(move.type());
        InterviewMemory.Episode story = next.latestEpisode();
        if (probe != null && story != null && move.anchor() != null && move.anchor().equals(story.anchor())) {
            next = next.replaceEpisode(story.turn(), story.probed(probe));
        }
        if (move.type() == MoveType.PROBE_STEP || move.type() == MoveType.PROBE_FAILURE) {
            next = next.withProbedTurn(answerTurn);
        }
        if (move.type() == MoveType.OFFER_PAUSE) {
            next = next.withPauseOffered();
        }
        boolean tacitProbe = move.type() == MoveType.PROBE_CUE && move.acknowledge() != null
                && move.acknowledge().startsWith("tacit");
        return next.withTacitProbes(tacitProbe ? next.tacitProbes() + 1 : 0);
    }

    /** Recomputes a stage's completeness from its counters, blended with a brain's estimate when there is one. */
    public StageProgress withCompleteness(StageProgress p, Interview state, @Nullable Integer brainEstimate) {
        StageDefinition definition = guide.stage(p.stage());
        int computed = Completeness.of(p, definition, state.knowledge(p.stage()), state.knowledge(),
                state.memberCheck());
        // The brain's estimate is weighed, not obeyed: it moves the figure by at most a quarter of the difference.
        int value = brainEstimate == null ? computed : Math.round((3f * computed + brainEstimate) / 4f);
        value = Math.max(0, Math.min(100, value));
        return new StageProgress(p.stage(), p.status(), value, p.depth(), p.maxDepth(), p.questions(), p.answers(),
                p.examples(), p.processes(), p.numbers(), p.failureModes(), p.insights(), p.refusalsInRow(),
                p.noNewKnowledgeInRow(), p.vagueChallenged(), p.topics(), p.referencedBack(), p.adaptedToDiscomfort(),
                p.endReason(), p.startedAt(), p.endedAt());
    }

    /** Topics opened: one more per new topic, and past any seed the move skipped (a seed asking a known fact). */
    private int topicsAfter(StageProgress t, Move move, boolean opensTopic, Language language) {
        int topics = t.topics() + (opensTopic ? 1 : 0);
        if (opensTopic && move.seedQuestion() != null) {
            int index = guide.stage(move.stage()).seeds(language).indexOf(move.seedQuestion());
            topics = Math.max(topics, index + 1);
        }
        return topics;
    }

    private static StageProgress finish(StageProgress p, Status status, EndReason reason, Instant now) {
        return new StageProgress(p.stage(), status, p.completeness(), p.depth(), p.maxDepth(), p.questions(),
                p.answers(), p.examples(), p.processes(), p.numbers(), p.failureModes(), p.insights(),
                p.refusalsInRow(), p.noNewKnowledgeInRow(), p.vagueChallenged(), p.topics(), p.referencedBack(),
                p.adaptedToDiscomfort(), reason, p.startedAt(), now);
    }

    private static int count(List<KnowledgeItem> items, KnowledgeKind kind) {
        int n = 0;
        for (KnowledgeItem item : items) {
            if (item.kind() == kind) {
                n++;
            }
        }
        return n;
    }

    /**
     * The result of applying a move.
     *
     * @param next    the state so far (caller adds the turn, version and time)
     * @param changes stage changes made
     */
    public record Applied(Interview.Builder next, List<StageChange> changes) {
    }
}
