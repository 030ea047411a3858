package dev.interviewagent.core.internal.planner;

import dev.interviewagent.core.CloseReason;
import dev.interviewagent.core.Interview;
import dev.interviewagent.core.InterviewMemory;
import dev.interviewagent.core.MemberCheck;
import dev.interviewagent.core.StageProgress.EndReason;
import dev.interviewagent.core.StageProgress;
import dev.interviewagent.core.analysis.AnswerAnalysis;
import dev.interviewagent.core.analysis.AnswerLength;
import dev.interviewagent.core.guide.InterviewGuide;
import dev.interviewagent.core.guide.InterviewStyle;
import dev.interviewagent.core.guide.Stage;
import dev.interviewagent.core.guide.StageDefinition;
import dev.interviewagent.core.internal.text.Pleasantries;
import dev.interviewagent.core.internal.text.TextSanitizer;
import dev.interviewagent.core.internal.understanding.AnswerReader;
import dev.interviewagent.core.internal.understanding.AnswerReading;
import dev.interviewagent.core.internal.understanding.ContentLabel;
import dev.interviewagent.core.knowledge.KnowledgeKind;
import dev.interviewagent.core.spi.Move;
import dev.interviewagent.core.spi.MoveType;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The decision layer: picks the next move in code from the analyzer's signals and the stage criteria. The same for
 * every brain. Pure: it reads the interview's stored counters and changes nothing, so a replay after a crash decides
 * the same move.
 */
public final class Planner {

    private final InterviewGuide guide;

    /** Reads single sentences of an answer, to find the one that states a rule or a mistake (the engine's reader). */
    private final AnswerReader sentenceReader;
    private final AnsweredAhead answeredAhead;

    public Planner(InterviewGuide guide, AnswerReader reader) {
        this.guide = guide;
        this.sentenceReader = Objects.requireNonNull(reader, "reader");
        this.answeredAhead = new AnsweredAhead(guide, reader);
    }

    /**
     * The questions of this stage and the next, not asked yet, that {@code answer} already answers: the expert
     * answered ahead. The engine records them with the questions asked, so none of them is asked afterwards.
     */
    public List<String> answeredAhead(Interview interview, String answer) {
        return answeredAhead.questionsAnswered(interview, answer);
    }

    /** The first message of an interview. */
    public Move opening(Interview interview) {
        StageDefinition greeting = guide.stage(Stage.GREETING);
        return Move.of(MoveType.OPEN, Stage.GREETING, 1)
                .withSeedQuestion(Seeds.next(interview, greeting, 0).orElse(greeting.seeds(interview.language())
                        .get(0)));
    }

    /**
     * Chooses the move after an answer whose counters are already recorded in {@code interview}.
     *
     * @param lastMove the move of the question that was answered; null if unknown
     */
    public Decision decide(Interview interview, InterviewStyle style, AnswerAnalysis analysis, AnswerReading reading,
                           String answer, @Nullable MoveType lastMove) {
        Stage stage = interview.stage();
        StageProgress progress = interview.currentProgress();
        StageDefinition definition = guide.stage(stage);
        int depth = Math.max(1, progress.depth());

        // The respondent's own wishes come first: stop at once when asked (hard rule 3).
        if (analysis.stopRequest()) {
            return Decision.stay(close(stage, CloseReason.EARLY));
        }
        if (analysis.discomfort()) {
            if (progress.adaptedToDiscomfort()) {
                return Decision.stay(close(stage, CloseReason.EMERGENCY));
            }
            return Decision.stay(newTopic(interview, MoveType.RECOVER_DISCOMFORT, definition).withAcknowledge(
                    "discomfort"));
        }
        if (analysis.refusal()) {
            if (progress.refusalsInRow() >= guide.refusalLimit()) {
                return endStage(interview, EndReason.REFUSALS);
            }
            return Decision.stay(newTopic(interview, MoveType.RECOVER_REFUSAL, definition).withAcknowledge("refusal"));
        }
        if (analysis.instructionAttempt()) {
            // An answer that tries to steer the interviewer is still only an answer: no stage change, no credit.
            return Decision.stay(Move.of(MoveType.REDIRECT, stage, depth)
                    .withSeedQuestion(currentSeed(interview, definition)));
        }

        if (Confusion.in(answer, analysis, interview.language()) && lastMove != MoveType.REPHRASE) {
            return Decision.stay(Move.of(MoveType.REPHRASE, stage, depth));
        }
        if (OffTopic.in(answer, analysis, reading, interview.language()) && lastMove != MoveType.REDIRECT) {
            // drifted off the subject: steer back to the topic, as with an instruction attempt (no credit)
            return Decision.stay(Move.of(MoveType.REDIRECT, stage, depth)
                    .withSeedQuestion(currentSeed(interview, definition)));
        }
        InterviewMemory memory = interview.memory();
        boolean fatigue = reading.labels().contains(ContentLabel.FATIGUE);
        if (reading.tired() && !memory.pauseOffered() && stage != Stage.WRAP_UP) {
            return Decision.stay(Move.of(MoveType.OFFER_PAUSE, stage, depth).withAcknowledge("tired"));
        }
        // Two "nothing more" answers in a row: the expert has said what they know here (saturation).
        if (memory.fatigueInRow() >= 2 && stage != Stage.WRAP_UP) {
            return endStage(interview, EndReason.SATURATION);
        }

        boolean episode = reading.labels().contains(ContentLabel.EPISODE);
        // "You just know" is the start of the real question: its cue is probed before the stage may end.
        // "You just know" again after a probe: come at it from another side once, then let it be.
        boolean tacitAgain = memory.tacitProbes() >= 2;
        // After a probe of "you just know", an answer that names what was perceived has unpacked the feeling, even
        // if it says "I feel it" again.
        boolean unpacked = memory.tacitProbes() > 0 && !reading.cueFragments().isEmpty();
        boolean retelling = reading.labels().contains(ContentLabel.META);
        if (reading.labels().contains(ContentLabel.TACIT) && !episode && !tacitAgain && !retelling && !unpacked
                && stage != Stage.WRAP_UP && progress.questions() < style.turnCapFor(definition)) {
            return Decision.stay(Listening.tacitProbe(interview, depth));
        }
        // A story just told is probed before the stage may end on its criteria: the story is the point. Not one the
        // expert watched as a child or an onlooker: its probes ("what were you deciding between?") ask about
        // decisions that were someone else's.
        boolean witnessed = reading.witnessed();
        if (episode && !retelling && !witnessed && stage != Stage.WRAP_UP
                && progress.questions() < style.turnCapFor(definition) - 1) {
            Optional<Move> probe = Listening.episodeProbe(interview, reading, lastMove);
            if (probe.isPresent()) {
                return Decision.stay(probe.get());
            }
        }
        Optional<EndReason> end = stageEnd(interview, progress, definition, style);
        if (end.isPresent()) {
            return endStage(interview, end.get());
        }

        if (stage == Stage.WRAP_UP) {
            return Decision.stay(wrapUpNext(interview, definition, lastMove));
        }
        if (fatigue || memory.fatigueInRow() > 0 || lastMove == MoveType.OFFER_PAUSE) {
            // Nothing more on this: next topic at once, or the next stage when the topics are used up.
            String acknowledge = fatigue ? "fatigue" : memory.fatigueInRow() > 0 ? "meta" : "thanks";
            return nextTopicOrStage(interview, definition, acknowledge);
        }
        if (analysis.dontKnow()) {
            return Decision.stay(newTopic(interview, MoveType.ACKNOWLEDGE_GAP, definition).withAcknowledge("gap"));
        }

        Optional<Move> contradiction = Contradictions.find(interview, answer, lastMove);
        if (contradiction.isPresent()) {
            return Decision.stay(contradiction.get());
        }
        if (analysis.length() == AnswerLength.LONG && lastMove != MoveType.SUMMARY_CHECK) {
            return Decision.stay(Move.of(MoveType.SUMMARY_CHECK, stage, depth)
                    .withQuote(TextSanitizer.excerpt(Pleasantries.strip(answer, interview.language()), 160)));
        }
        Optional<Move> probe = Listening.episodeProbe(interview, reading, lastMove);
        if (probe.isPresent()) {
            return Decision.stay(probe.get());
        }
        if (analysis.isEvasive() && depth < 4 && !episode) {
            // Challenged with the vague words quoted, unless those words were quoted before: then without a quote.
            // No reference back to an earlier answer here: the question is about the words just said.
            return Decision.stay(Move.of(MoveType.CLARIFY_VAGUE, stage, depth + 1)
                    .withQuote(unquotedVaguePhrase(interview, analysis).orElse(null)));
        }
        Optional<Move> drill = Listening.failureProbe(interview, analysis, reading, lastMove, depth)
                .or(() -> Listening.stepProbe(interview, analysis, reading, answer, depth));
        if (drill.isPresent()) {
            return Decision.stay(drill.get());
        }
        // An expert who twice answered "tell me a case" by retelling one has told what they have: a statement
        // without a case is taken as it is, and the interview moves on to what it has not heard yet.
        if (memory.examplesRetold() >= 2 && !analysis.hasExample() && !episode) {
            return nextTopicOrStage(interview, definition, "thanks");
        }
        // The methodology refers back to an earlier answer once per stage. In front of a question about the answer
        // just given ("Could you give me one small example?") only earlier words on the same thing: "Earlier you said
        // 'I fell for it as a student'. Could you give me one small example?" asks for an example of the wrong
        // thing. Never in front of a question that quotes the answer (two quotes in one message lose the expert).
        Move deepening = depth >= 4 ? newTopic(interview, MoveType.NEW_TOPIC, definition)
                : Deepening.next(interview, progress, definition, analysis, reading, answer, depth, sentenceReader);
        // Asked for a case, the expert answered with something else: take that as it is and move on, rather than
        // ask for a case again in other words ("Was there another situation like that?", then "Besides the case
        // you described, is there another time?").
        if (deepening.type() == MoveType.DEEPEN_EXAMPLE && lastMove == MoveType.DEEPEN_EXAMPLE) {
            return nextTopicOrStage(interview, definition, "thanks");
        }
        // Background has its own questions for its case ("Which achievement are you proudest of, and what did it
        // change in numbers?"): after a career summary, the next of them, never a bare "any one case you recall?".
        if (stage == Stage.PROFILING && deepening.type() == MoveType.DEEPEN_EXAMPLE && deepening.anchor() == null
                && Seeds.next(interview, definition, progress.topics()).isPresent()) {
            return Decision.stay(newTopic(interview, MoveType.NEW_TOPIC, definition));
        }
        if (deepening.anchor() != null || deepening.type() == MoveType.NEW_TOPIC) {
            return Decision.stay(deepening);
        }
        return Decision.stay(Recalls.withRecallIfDue(interview, deepening,
                recall -> answeredAhead.related(answer, recall.quote(), interview.language())));
    }

    /** The first vague phrase of the answer not challenged before: the same words are never quoted twice. */
    private static Optional<String> unquotedVaguePhrase(Interview interview, AnswerAnalysis analysis) {
        for (String phrase : analysis.evasivePhrases()) {
            if (!interview.memory().wasQuoted(Fragments.normalise(phrase))) {
                return Optional.of(phrase);
            }
        }
        return Optional.empty();
    }

    /** The next topic of the stage; when its seeds are used up, the next stage (saturation). */
    private Decision nextTopicOrStage(Interview interview, StageDefinition definition, String acknowledge) {
        Optional<String> seed = Seeds.next(interview, definition, interview.currentProgress().topics());
        if (seed.isEmpty()) {
            return endStage(interview, EndReason.SATURATION);
        }
        return Decision.stay(Recalls.withRecallIfDue(interview, Move.of(MoveType.NEW_TOPIC, definition.stage(), 1)
                .withSeedQuestion(seed.get()).withAcknowledge(acknowledge)));
    }

    /** The move for a respondent's explicit request to finish (command or button). */
    public Move closeEarly(Interview interview) {
        return close(interview.stage(), CloseReason.EARLY);
    }

    private Optional<EndReason> stageEnd(Interview interview, StageProgress progress, StageDefinition definition,
                                         InterviewStyle style) {
        if (definition.stage() == Stage.WRAP_UP) {
            boolean seedsDone = progress.topics() > definition.seeds(interview.language()).size();
            if (interview.memberCheck().status() == MemberCheck.Status.DONE && seedsDone
                    && progress.answers() >= definition.minAnswers()) {
                return Optional.of(EndReason.CRITERIA_MET);
            }
            return progress.questions() >= style.turnCapFor(definition)
                    ? Optional.of(EndReason.TURN_CAP) : Optional.empty();
        }
        if (Completeness.criteriaMet(interview, progress, definition, guide.completenessThreshold())) {
            return Optional.of(EndReason.CRITERIA_MET);
        }
        // The last question under the cap is kept for the probe of a "you just know", the one answer that must
        // never be left unprobed: other moves end the stage one question earlier.
        if (progress.questions() >= style.turnCapFor(definition) - 1) {
            return Optional.of(EndReason.TURN_CAP);
        }
        if (progress.noNewKnowledgeInRow() >= guide.saturationLimit()) {
            return Optional.of(EndReason.SATURATION);
        }
        return Optional.empty();
    }

    private Decision endStage(Interview interview, EndReason reason) {
        Stage stage = interview.stage();
        Optional<Stage> next = stage.next();
        if (next.isEmpty()) {
            return new Decision(close(stage, CloseReason.NORMAL), reason);
        }
        Stage to = StageTransitions.check(stage, next.get());
        StageDefinition target = guide.stage(to);
        if (to == Stage.WRAP_UP) {
            return new Decision(Move.transition(MoveType.MEMBER_CHECK, stage, to)
                    .withInsights(KeyInsights.of(interview))
                    .withRecall(Recalls.pickRecall(interview, to).orElse(null)), reason);
        }
        Move move = Move.transition(MoveType.NEXT_STAGE, stage, to)
                .withSeedQuestion(Seeds.next(interview, target, 0).orElse(target.seeds(interview.language()).get(0)))
                .withRecall(Recalls.pickRecall(interview, to).or(() -> Recalls.bridgeFromLastAnswer(interview))
                        .orElse(null));
        // A stage whose subject the expert already touched says so, and asks for what is new.
        KnowledgeKind told = switch (target.focus()) {
            case FAILURES -> KnowledgeKind.FAILURE_MODE;
            case STEPS -> KnowledgeKind.PROCESS;
            default -> null;
        };
        if (told != null && interview.knowledge().stream().anyMatch(i -> i.kind() == told)) {
            move = move.withAcknowledge(told == KnowledgeKind.FAILURE_MODE ? "known_failures" : "known_processes");
        }
        return new Decision(move, reason);
    }

    private Move wrapUpNext(Interview interview, StageDefinition definition, @Nullable MoveType lastMove) {
        if (interview.memberCheck().status() == MemberCheck.Status.NOT_STARTED) {
            return Move.of(MoveType.MEMBER_CHECK, Stage.WRAP_UP, 1).withInsights(KeyInsights.of(interview));
        }
        int topic = Math.max(0, interview.currentProgress().topics() - 1);
        List<String> seeds = definition.seeds(interview.language());
        if (topic >= seeds.size()) {
            return close(Stage.WRAP_UP, CloseReason.NORMAL);
        }
        String acknowledge = lastMove != MoveType.MEMBER_CHECK ? "thanks"
                : interview.memberCheck().corrections().isEmpty() ? "rating" : "correction";
        return Move.of(MoveType.NEW_TOPIC, Stage.WRAP_UP, 1).withSeedQuestion(seeds.get(topic))
                .withAcknowledge(acknowledge);
    }

    /** A move that opens the next topic of the stage; when the seeds run out, it asks for another case. */
    private Move newTopic(Interview interview, MoveType type, StageDefinition definition) {
        Stage stage = definition.stage();
        List<String> seeds = definition.seeds(interview.language());
        int topics = interview.progress(stage).topics();
        Optional<String> seed = Seeds.next(interview, definition, topics);
        Move move;
        if (seed.isPresent()) {
            move = Move.of(type, stage, 1).withSeedQuestion(seed.get());
        } else if (type == MoveType.NEW_TOPIC) {
            move = Move.of(MoveType.DEEPEN_EXAMPLE, stage, 2)
                    .withMissing(Deepening.missing(interview.progress(stage), definition,
                            interview.knowledge(stage)));
        } else {
            move = Move.of(type, stage, 1).withSeedQuestion(seeds.get(topics % seeds.size()));
        }
        return Recalls.withRecallIfDue(interview, move);
    }

    private @Nullable String currentSeed(Interview interview, StageDefinition definition) {
        List<String> seeds = definition.seeds(interview.language());
        int topic = Math.max(0, interview.currentProgress().topics() - 1);
        return seeds.get(Math.min(topic, seeds.size() - 1));
    }

    private static Move close(Stage stage, CloseReason reason) {
        return Move.close(stage, reason);
    }
}
