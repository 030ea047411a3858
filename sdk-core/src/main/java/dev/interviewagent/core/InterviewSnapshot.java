package dev.interviewagent.core;

import dev.interviewagent.core.analysis.Engagement;
import dev.interviewagent.core.channel.ChannelControls;
import dev.interviewagent.core.guide.Stage;
import dev.interviewagent.core.knowledge.KnowledgeItem;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A read-only snapshot of one interview, as the engine hands it to hosts: where it stands, in which language and
 * style, the progress of each stage, what was collected and when it changed. {@link InterviewEngine#status},
 * {@link Reply#interview()}, {@link InterviewListener} and the channel events give this snapshot; the whole state the
 * engine keeps (with the interviewer's memory, the fingerprints of asked questions and the member check) is
 * {@link Interview}, for stores and brains. Implementations are immutable.
 */
public interface InterviewSnapshot {

    /** The interview id. */
    InterviewId id();

    /** Increases by exactly one with every stored change. */
    long version();

    /** Active or how it ended. */
    InterviewStatus status();

    /** The one language of the interview. */
    Language language();

    /** The style code it runs in. */
    String style();

    /** The guide it pinned at start. */
    String guideId();

    /** The guide revision it pinned at start. */
    int guideRevision();

    /** What the respondent told about themselves. */
    Profile profile();

    /** The channel's key for the respondent (e.g. {@code telegram:12345}); null when none was given. */
    @Nullable String channelKey();

    /** The current stage. */
    Stage stage();

    /** The progress of all nine stages, in stage order. */
    List<StageProgress> stages();

    /** Knowledge items collected so far, in the order found. */
    List<KnowledgeItem> knowledge();

    /** Turns in the log; the next turn is {@code turnCount() + 1}. */
    int turnCount();

    /** The interviewer's last message, which waits for an answer; null before the first. */
    @Nullable Turn pendingQuestion();

    /** Engagement read from the last answer; null before the first answer. */
    @Nullable Engagement engagement();

    /** Why it ended; null while active (or abandoned). */
    @Nullable CloseReason closeReason();

    /** Host- or channel-specific values (never interpreted by the engine). */
    Map<String, String> attributes();

    /** When it started. */
    Instant createdAt();

    /** When it last changed. */
    Instant updatedAt();

    /** When it ended; null while active. */
    @Nullable Instant endedAt();

    /** How the respondent finishes early, pauses, … on the channel the interview started on. */
    ChannelControls controls();

    /** The progress of one stage. */
    default StageProgress progress(Stage stage) {
        return stages().get(stage.ordinal());
    }

    /** The progress of the current stage. */
    default StageProgress currentProgress() {
        return progress(stage());
    }

    /** Knowledge items of one stage. */
    default List<KnowledgeItem> knowledge(Stage stage) {
        return knowledge().stream().filter(item -> item.stage() == stage).toList();
    }

    /** Whether the interview still takes answers. */
    default boolean isActive() {
        return status().isActive();
    }
}
