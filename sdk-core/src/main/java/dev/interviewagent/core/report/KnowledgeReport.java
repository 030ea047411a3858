package dev.interviewagent.core.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.interviewagent.core.Profile;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The structured knowledge an interview produced: what a training programme is built from. Available at any time
 * ({@link #isFinal()} false while the interview runs) and final once it ends. Rendered as JSON (schema
 * {@code docs/report-schema.json}, version {@link #SCHEMA_VERSION}) and Markdown by {@link ReportRenderer}.
 * Immutable; every list is in interview order.
 */
@JsonPropertyOrder(alphabetic = false)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record KnowledgeReport(
        @JsonProperty("schema_version") String schemaVersion,
        @JsonProperty("interview_id") String interviewId,
        @JsonProperty("final") boolean isFinal,
        @JsonProperty("status") String status,
        @JsonProperty("close_reason") @Nullable String closeReason,
        @JsonProperty("language") String language,
        @JsonProperty("style") String style,
        @JsonProperty("guide") String guide,
        @JsonProperty("profile") ProfileSection profile,
        @JsonProperty("started_at") Instant startedAt,
        @JsonProperty("ended_at") @Nullable Instant endedAt,
        @JsonProperty("duration_minutes") double durationMinutes,
        @JsonProperty("stages") List<StageSummary> stages,
        @JsonProperty("key_insights") List<Insight> keyInsights,
        @JsonProperty("examples") List<Example> examples,
        @JsonProperty("processes") List<Process> processes,
        @JsonProperty("failure_modes") List<FailureMode> failureModes,
        @JsonProperty("competency_map") CompetencyMap competencyMap,
        @JsonProperty("timeline_milestones") List<Milestone> timelineMilestones,
        @JsonProperty("metrics") List<Metric> metrics,
        @JsonProperty("gaps") List<Gap> gaps,
        @JsonProperty("member_check") MemberCheckSection memberCheck,
        @JsonProperty("quality") Quality quality,
        @JsonProperty("transcript") List<TranscriptEntry> transcript) {

    /** The version of the JSON schema this report follows. */
    public static final String SCHEMA_VERSION = "1.0";

    public KnowledgeReport {
        Objects.requireNonNull(schemaVersion, "schemaVersion");
        Objects.requireNonNull(interviewId, "interviewId");
        stages = List.copyOf(stages);
        keyInsights = List.copyOf(keyInsights);
        examples = List.copyOf(examples);
        processes = List.copyOf(processes);
        failureModes = List.copyOf(failureModes);
        timelineMilestones = List.copyOf(timelineMilestones);
        metrics = List.copyOf(metrics);
        gaps = List.copyOf(gaps);
        transcript = List.copyOf(transcript);
    }

    /** The respondent profile as reported. */
    public record ProfileSection(
            @JsonProperty("expert_name") @Nullable String expertName,
            @JsonProperty("role_title") @Nullable String roleTitle,
            @JsonProperty("company") @Nullable String company,
            @JsonProperty("industry") @Nullable String industry,
            @JsonProperty("years_experience") @Nullable Integer yearsExperience,
            @JsonProperty("interview_goal") @Nullable String interviewGoal) {

        /** The section for a profile. */
        public static ProfileSection of(Profile p) {
            return new ProfileSection(p.expertName(), p.roleTitle(), p.company(), p.industry(), p.yearsExperience(),
                    p.interviewGoal());
        }
    }

    /** One stage: how far it got and why it ended. */
    public record StageSummary(
            @JsonProperty("code") String code,
            @JsonProperty("index") int index,
            @JsonProperty("status") String status,
            @JsonProperty("completeness") int completeness,
            @JsonProperty("examples") int examples,
            @JsonProperty("questions") int questions,
            @JsonProperty("answers") int answers,
            @JsonProperty("max_depth") int maxDepth,
            @JsonProperty("vague_challenged") int vagueChallenged,
            @JsonProperty("end_reason") @Nullable String endReason) {
    }

    /** A key insight; {@code corrected} when the expert's member-check correction replaced the extracted text. */
    public record Insight(
            @JsonProperty("text") String text,
            @JsonProperty("stage") String stage,
            @JsonProperty("turn") int turn,
            @JsonProperty("source") String source,
            @JsonProperty("corrected") boolean corrected) {
    }

    /** A concrete case. */
    public record Example(
            @JsonProperty("text") String text,
            @JsonProperty("stage") String stage,
            @JsonProperty("turn") int turn,
            @JsonProperty("when") @Nullable String when,
            @JsonProperty("result") @Nullable String result) {
    }

    /** A process with its ordered steps. */
    public record Process(
            @JsonProperty("title") String title,
            @JsonProperty("steps") List<String> steps,
            @JsonProperty("stage") String stage,
            @JsonProperty("turn") int turn) {
        public Process {
            steps = List.copyOf(steps);
        }
    }

    /** A typical mistake with what shows it early, what it costs and how it is fixed. */
    public record FailureMode(
            @JsonProperty("text") String text,
            @JsonProperty("warning_signs") @Nullable String warningSigns,
            @JsonProperty("consequences") @Nullable String consequences,
            @JsonProperty("fix") @Nullable String fix,
            @JsonProperty("stage") String stage,
            @JsonProperty("turn") int turn) {
    }

    /** What practitioners know and do at each level. */
    public record CompetencyMap(
            @JsonProperty("novice") List<String> novice,
            @JsonProperty("intermediate") List<String> intermediate,
            @JsonProperty("expert") List<String> expert) {
        public CompetencyMap {
            novice = List.copyOf(novice);
            intermediate = List.copyOf(intermediate);
            expert = List.copyOf(expert);
        }
    }

    /** A step of the expert's development. */
    public record Milestone(
            @JsonProperty("text") String text,
            @JsonProperty("when") @Nullable String when,
            @JsonProperty("stage") String stage,
            @JsonProperty("turn") int turn) {
    }

    /** A number the expert quoted. */
    public record Metric(
            @JsonProperty("text") String text,
            @JsonProperty("value") @Nullable String value,
            @JsonProperty("unit") @Nullable String unit,
            @JsonProperty("stage") String stage,
            @JsonProperty("turn") int turn) {
    }

    /** A topic the expert said was not their area. */
    public record Gap(
            @JsonProperty("text") String text,
            @JsonProperty("stage") String stage,
            @JsonProperty("turn") int turn) {
    }

    /** The member check: what was shown, the rating (1–4) and the corrections. */
    public record MemberCheckSection(
            @JsonProperty("status") String status,
            @JsonProperty("presented") List<String> presented,
            @JsonProperty("rating") @Nullable Integer rating,
            @JsonProperty("corrections") List<String> corrections) {
        public MemberCheckSection {
            presented = List.copyOf(presented);
            corrections = List.copyOf(corrections);
        }
    }

    /**
     * The success figures of the methodology, with their targets: examples (&gt; 20), processes (&gt; 10), failure
     * modes with fixes (&gt; 5), share of answers with steps (&gt; 80 %), average depth (2–3).
     */
    public record Quality(
            @JsonProperty("examples") int examples,
            @JsonProperty("processes") int processes,
            @JsonProperty("failure_modes") int failureModes,
            @JsonProperty("failure_modes_with_fixes") int failureModesWithFixes,
            @JsonProperty("metrics") int metrics,
            @JsonProperty("answers") int answers,
            @JsonProperty("answers_with_steps_share") double answersWithStepsShare,
            @JsonProperty("average_depth") double averageDepth,
            @JsonProperty("vague_answers_challenged") int vagueAnswersChallenged,
            @JsonProperty("gaps") int gaps,
            @JsonProperty("brain_fallbacks") int brainFallbacks) {
    }

    /** One turn of the transcript. */
    public record TranscriptEntry(
            @JsonProperty("turn") int turn,
            @JsonProperty("role") String role,
            @JsonProperty("kind") String kind,
            @JsonProperty("stage") String stage,
            @JsonProperty("text") String text,
            @JsonProperty("at") Instant at,
            @JsonProperty("modality") String modality,
            @JsonProperty("confidence") @Nullable Double confidence) {
    }
}
