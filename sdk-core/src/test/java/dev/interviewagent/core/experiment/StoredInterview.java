package dev.interviewagent.core.experiment;

import dev.interviewagent.core.CloseReason;
import dev.interviewagent.core.Interview;
import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.InterviewStatus;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.MemberCheck;
import dev.interviewagent.core.MessageId;
import dev.interviewagent.core.Profile;
import dev.interviewagent.core.StageProgress;
import dev.interviewagent.core.Turn;
import dev.interviewagent.core.guide.Stage;
import dev.interviewagent.core.knowledge.KnowledgeItem;
import dev.interviewagent.core.knowledge.KnowledgeKind;
import dev.interviewagent.core.spi.InterviewStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes an interview with exactly the outcome a test wants straight into a store, without the engine: its status,
 * stages reached, answers and the move that followed each, knowledge, rating and duration.
 */
final class StoredInterview {

    static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

    private final String style;
    private Language language = Language.ENGLISH;
    private InterviewStatus status = InterviewStatus.COMPLETED;
    private int stagesReached = 9;
    private final List<String[]> exchanges = new ArrayList<>();
    private int examples;
    private int processes;
    private int failureModes;
    private Integer rating;
    private Duration duration = Duration.ofMinutes(30);
    private String experiment;
    private Instant start = T0;

    private StoredInterview(String style) {
        this.style = style;
    }

    static StoredInterview style(String style) {
        return new StoredInterview(style);
    }

    StoredInterview language(Language language) {
        this.language = language;
        return this;
    }

    StoredInterview status(InterviewStatus status) {
        this.status = status;
        return this;
    }

    StoredInterview stagesReached(int stagesReached) {
        this.stagesReached = stagesReached;
        return this;
    }

    /** An answer and the move of the interviewer's next question. */
    StoredInterview answer(String text, String nextMove) {
        exchanges.add(new String[] {text, nextMove});
        return this;
    }

    /** {@code count} plain answers, each followed by a new topic. */
    StoredInterview answers(int count) {
        for (int i = 0; i < count; i++) {
            answer("At six I read the pressure gauge on pump " + (i + 1) + ".", "new_topic");
        }
        return this;
    }

    StoredInterview knowledge(int examples, int processes, int failureModes) {
        this.examples = examples;
        this.processes = processes;
        this.failureModes = failureModes;
        return this;
    }

    StoredInterview rating(Integer rating) {
        this.rating = rating;
        return this;
    }

    StoredInterview minutes(long minutes) {
        this.duration = Duration.ofMinutes(minutes);
        return this;
    }

    StoredInterview in(StyleExperiment experiment) {
        this.experiment = experiment.name();
        return this;
    }

    StoredInterview startedAt(Instant start) {
        this.start = start;
        return this;
    }

    /** Stores it and returns what was stored. */
    Interview storeIn(InterviewStore store) {
        InterviewId id = InterviewId.of("exp-" + UUID.randomUUID());
        Map<String, String> attributes = new HashMap<>();
        if (experiment != null) {
            attributes.putAll(new StyleAssignment(experiment, style).attributes());
        }
        Instant end = start.plus(duration);
        List<Turn> turns = new ArrayList<>();
        turns.add(question(1, "open", start));
        for (String[] exchange : exchanges) {
            int number = turns.size() + 1;
            turns.add(new Turn(number, Turn.Role.RESPONDENT, Turn.Kind.ANSWER, exchange[0], Stage.OPERATIONS,
                    Turn.Modality.TEXT, start, null, MessageId.of("m" + number), null, null, 0, null, false));
            turns.add(question(number + 1, exchange[1], start));
        }
        Interview.Builder state = Interview.start(id, language, style, "expertise", 1, Profile.EMPTY, null,
                attributes, start).toBuilder().version(1).turnCount(turns.size()).updatedAt(end);
        for (Stage stage : Stage.values()) {
            if (stage.ordinal() < stagesReached) {
                state.progress(new StageProgress(stage, StageProgress.Status.COMPLETED, 100, 1, 1, 1, 1, 0, 0, 0, 0,
                        0, 0, 0, 0, 1, false, false, StageProgress.EndReason.CRITERIA_MET, start, end));
            }
        }
        List<KnowledgeItem> items = new ArrayList<>();
        add(items, KnowledgeKind.EXAMPLE, examples);
        add(items, KnowledgeKind.PROCESS, processes);
        add(items, KnowledgeKind.FAILURE_MODE, failureModes);
        state.addKnowledge(items);
        if (rating != null) {
            state.memberCheck(new MemberCheck(MemberCheck.Status.DONE, List.of("insight"), rating, List.of()));
        }
        if (status != InterviewStatus.ACTIVE) {
            state.status(status).endedAt(status == InterviewStatus.ABANDONED ? null : end);
            state.closeReason(switch (status) {
                case COMPLETED -> CloseReason.NORMAL;
                case ENDED_EARLY -> CloseReason.EARLY;
                case ENDED_EMERGENCY -> CloseReason.EMERGENCY;
                default -> null;
            });
        }
        Interview interview = state.build();
        store.create(interview, turns);
        return interview;
    }

    private static void add(List<KnowledgeItem> items, KnowledgeKind kind, int count) {
        for (int i = 0; i < count; i++) {
            items.add(KnowledgeItem.of(kind, kind.code() + " " + i, Stage.OPERATIONS, 2, KnowledgeItem.SOURCE_ANALYZER));
        }
    }

    private static Turn question(int number, String move, Instant at) {
        return new Turn(number, Turn.Role.INTERVIEWER, Turn.Kind.QUESTION, "Question " + number + "?",
                Stage.OPERATIONS, Turn.Modality.TEXT, at, null, null,
                number > 1 ? MessageId.of("m" + (number - 1)) : null, move, 1, "methodology", false);
    }
}
