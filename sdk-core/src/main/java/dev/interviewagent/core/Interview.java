package dev.interviewagent.core;

import dev.interviewagent.core.analysis.Engagement;
import dev.interviewagent.core.channel.ChannelControls;
import dev.interviewagent.core.guide.Stage;
import dev.interviewagent.core.internal.engine.ControlsAttribute;
import dev.interviewagent.core.knowledge.KnowledgeItem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The whole state of one interview: everything the engine needs to take the next turn, without reading the turn
 * log. Hosts see it through {@link InterviewSnapshot}; this type is for stores
 * ({@link dev.interviewagent.core.spi.InterviewStore}) and brains ({@link dev.interviewagent.core.spi.BrainRequest}).
 * Stores keep it as one row (or document) with {@link #version()} for optimistic locking, next to the append-only
 * turn log. Immutable; change it through {@link #toBuilder()}.
 *
 * @param id              the interview id
 * @param version         increases by exactly one with every stored change
 * @param status          active or how it ended
 * @param language        the one language of the interview
 * @param style           the style code it runs in
 * @param guideId         the guide it pinned at start
 * @param guideRevision   the guide revision it pinned at start
 * @param profile         what the respondent told about themselves
 * @param channelKey      the channel's key for the respondent (e.g. {@code telegram:12345}), for lookups; may be null
 * @param stage           the current stage
 * @param stages          the progress of all nine stages, in stage order
 * @param knowledge       knowledge items collected so far, in the order found
 * @param turnCount       turns in the log; the next turn is {@code turnCount + 1}
 * @param pendingQuestion the interviewer's last message, which waits for an answer; null before the first
 * @param askedQuestions  normalised fingerprints of every question asked, so none repeats
 * @param recalls         short quotes of earlier answers the interviewer may refer back to
 * @param memberCheck     the wrap-up member check
 * @param engagement      engagement read from the last answer; null before the first answer
 * @param closeReason     why it ended; null while active (or abandoned)
 * @param attributes      host- or channel-specific values (never interpreted by the engine)
 * @param createdAt       when it started
 * @param updatedAt       when it last changed
 * @param endedAt         when it ended; null while active
 * @param memory          what the interviewer remembers of the conversation: known facts, stories told and their
 *                        probes, what was quoted (empty for interviews stored before it existed)
 */
public record Interview(
        InterviewId id,
        long version,
        InterviewStatus status,
        Language language,
        String style,
        String guideId,
        int guideRevision,
        Profile profile,
        @Nullable String channelKey,
        Stage stage,
        List<StageProgress> stages,
        List<KnowledgeItem> knowledge,
        int turnCount,
        @Nullable Turn pendingQuestion,
        List<String> askedQuestions,
        List<Recall> recalls,
        MemberCheck memberCheck,
        @Nullable Engagement engagement,
        @Nullable CloseReason closeReason,
        Map<String, String> attributes,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Instant endedAt,
        InterviewMemory memory) implements InterviewSnapshot {

    public Interview {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(style, "style");
        Objects.requireNonNull(guideId, "guideId");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(memberCheck, "memberCheck");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (version < 0) {
            throw new IllegalArgumentException("version must be >= 0, was " + version);
        }
        if (turnCount < 0) {
            throw new IllegalArgumentException("turnCount must be >= 0, was " + turnCount);
        }
        stages = List.copyOf(stages);
        if (stages.size() != Stage.values().length) {
            throw new IllegalArgumentException("an interview tracks all 9 stages, had " + stages.size());
        }
        for (int i = 0; i < stages.size(); i++) {
            if (stages.get(i).stage() != Stage.values()[i]) {
                throw new IllegalArgumentException("stage progress out of order at " + (i + 1));
            }
        }
        knowledge = List.copyOf(knowledge);
        askedQuestions = List.copyOf(askedQuestions);
        recalls = List.copyOf(recalls);
        attributes = Map.copyOf(attributes);
        memory = memory == null ? InterviewMemory.fromProfile(profile) : memory;
    }

    /** An interview without a memory yet: it starts from the profile's facts. */
    public Interview(InterviewId id, long version, InterviewStatus status, Language language, String style,
                     String guideId, int guideRevision, Profile profile, @Nullable String channelKey, Stage stage,
                     List<StageProgress> stages, List<KnowledgeItem> knowledge, int turnCount,
                     @Nullable Turn pendingQuestion, List<String> askedQuestions, List<Recall> recalls,
                     MemberCheck memberCheck, @Nullable Engagement engagement, @Nullable CloseReason closeReason,
                     Map<String, String> attributes, Instant createdAt, Instant updatedAt, @Nullable Instant endedAt) {
        this(id, version, status, language, style, guideId, guideRevision, profile, channelKey, stage, stages,
                knowledge, turnCount, pendingQuestion, askedQuestions, recalls, memberCheck, engagement, closeReason,
                attributes, createdAt, updatedAt, endedAt, null);
    }

    /**
     * How the respondent finishes early, pauses, … on the channel the interview started on, as that channel told
     * ({@link StartRequest#controls()}); {@link ChannelControls#NEUTRAL} when it told nothing, also for interviews
     * stored before channels told their controls. Messages name only these controls.
     */
    @Override
    public ChannelControls controls() {
        return ControlsAttribute.decode(attributes.get(ControlsAttribute.KEY));
    }

    /** A builder holding this state, to change it field by field (the engine's and stores' way to a new state). */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * A short quote of an earlier answer that a later question can refer back to ("Earlier you said …").
     *
     * @param stage the stage it was said in
     * @param turn  the respondent turn number
     * @param quote a short excerpt in the respondent's words
     */
    public record Recall(Stage stage, int turn, String quote) {
        public Recall {
            Objects.requireNonNull(stage, "stage");
            Objects.requireNonNull(quote, "quote");
        }
    }

    /** Changes an interview field by field; {@link #build()} validates the result. Not thread-safe. */
    public static final class Builder {
        private InterviewId id;
        private long version;
        private InterviewStatus status;
        private Language language;
        private String style;
        private String guideId;
        private int guideRevision;
        private Profile profile;
        private @Nullable String channelKey;
        private Stage stage;
        private final List<StageProgress> stages;
        private final List<KnowledgeItem> knowledge;
        private int turnCount;
        private @Nullable Turn pendingQuestion;
        private final List<String> askedQuestions;
        private final List<Recall> recalls;
        private MemberCheck memberCheck;
        private @Nullable Engagement engagement;
        private @Nullable CloseReason closeReason;
        private Map<String, String> attributes;
        private Instant createdAt;
        private Instant updatedAt;
        private @Nullable Instant endedAt;
        private InterviewMemory memory;

        private Builder(Interview source) {
            id = source.id;
            version = source.version;
            status = source.status;
            language = source.language;
            style = source.style;
            guideId = source.guideId;
            guideRevision = source.guideRevision;
            profile = source.profile;
            channelKey = source.channelKey;
            stage = source.stage;
            stages = new ArrayList<>(source.stages);
            knowledge = new ArrayList<>(source.knowledge);
            turnCount = source.turnCount;
            pendingQuestion = source.pendingQuestion;
            askedQuestions = new ArrayList<>(source.askedQuestions);
            recalls = new ArrayList<>(source.recalls);
            memberCheck = source.memberCheck;
            engagement = source.engagement;
            closeReason = source.closeReason;
            attributes = source.attributes;
            createdAt = source.createdAt;
            updatedAt = source.updatedAt;
            endedAt = source.endedAt;
            memory = source.memory;
        }

        public Builder version(long version) {
            this.version = version;
            return this;
        }

        public Builder status(InterviewStatus status) {
            this.status = Objects.requireNonNull(status, "status");
            return this;
        }

        public Builder language(Language language) {
            this.language = Objects.requireNonNull(language, "language");
            return this;
        }

        public Builder style(String style) {
            this.style = Objects.requireNonNull(style, "style");
            return this;
        }

        public Builder profile(Profile profile) {
            this.profile = Objects.requireNonNull(profile, "profile");
            return this;
        }

        public Builder channelKey(@Nullable String channelKey) {
            this.channelKey = channelKey;
            return this;
        }

        public Builder stage(Stage stage) {
            this.stage = Objects.requireNonNull(stage, "stage");
            return this;
        }

        /** Replaces the progress of the stage that {@code progress} belongs to. */
        public Builder progress(StageProgress progress) {
            stages.set(progress.stage().ordinal(), progress);
            return this;
        }

        public StageProgress progress(Stage stage) {
            return stages.get(stage.ordinal());
        }

        public Builder addKnowledge(List<KnowledgeItem> items) {
            knowledge.addAll(items);
            return this;
        }

        /** Replaces all knowledge items (used when a correction supersedes an item). */
        public Builder knowledge(List<KnowledgeItem> items) {
            knowledge.clear();
            knowledge.addAll(items);
            return this;
        }

        public List<KnowledgeItem> knowledge() {
            return List.copyOf(knowledge);
        }

        public Builder turnCount(int turnCount) {
            this.turnCount = turnCount;
            return this;
        }

        public Builder pendingQuestion(@Nullable Turn pendingQuestion) {
            this.pendingQuestion = pendingQuestion;
            return this;
        }

        public Builder addAskedQuestion(String fingerprint) {
            askedQuestions.add(fingerprint);
            return this;
        }

        public Builder addRecall(Recall recall, int keepAtMost) {
            recalls.add(recall);
            while (recalls.size() > keepAtMost) {
                recalls.remove(0);
            }
            return this;
        }

        public Builder memberCheck(MemberCheck memberCheck) {
            this.memberCheck = Objects.requireNonNull(memberCheck, "memberCheck");
            return this;
        }

        public Builder engagement(@Nullable Engagement engagement) {
            this.engagement = engagement;
            return this;
        }

        public Builder closeReason(@Nullable CloseReason closeReason) {
            this.closeReason = closeReason;
            return this;
        }

        public Builder attributes(Map<String, String> attributes) {
            this.attributes = Map.copyOf(attributes);
            return this;
        }

        public Builder updatedAt(Instant updatedAt) {
            this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
            return this;
        }

        public Builder endedAt(@Nullable Instant endedAt) {
            this.endedAt = endedAt;
            return this;
        }

        public Builder memory(InterviewMemory memory) {
            this.memory = Objects.requireNonNull(memory, "memory");
            return this;
        }

        public InterviewMemory memory() {
            return memory;
        }

        public Interview build() {
            return new Interview(id, version, status, language, style, guideId, guideRevision, profile, channelKey,
                    stage, stages, knowledge, turnCount, pendingQuestion, askedQuestions, recalls, memberCheck,
                    engagement, closeReason, attributes, createdAt, updatedAt, endedAt, memory);
        }
    }

    /**
     * A new interview at the start of the greeting stage, version 0, before any turn.
     */
    public static Interview start(InterviewId id, Language language, String style, String guideId, int guideRevision,
                                  Profile profile, @Nullable String channelKey, Map<String, String> attributes,
                                  Instant now) {
        List<StageProgress> stages = new ArrayList<>();
        for (Stage stage : Stage.values()) {
            stages.add(StageProgress.pending(stage));
        }
        return new Interview(id, 0, InterviewStatus.ACTIVE, language, style, guideId, guideRevision, profile,
                channelKey, Stage.GREETING, stages, List.of(), 0, null, List.of(), List.of(), MemberCheck.NOT_STARTED,
                null, null, attributes, now, now, null, InterviewMemory.fromProfile(profile));
    }
}
