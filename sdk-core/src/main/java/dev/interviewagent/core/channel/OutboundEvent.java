package dev.interviewagent.core.channel;

import dev.interviewagent.core.CloseReason;
import dev.interviewagent.core.HistoryPage;
import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.InterviewSnapshot;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.analysis.Engagement;
import dev.interviewagent.core.exception.ErrorCode;
import dev.interviewagent.core.guide.Stage;
import dev.interviewagent.core.report.KnowledgeReport;
import dev.interviewagent.core.report.ReportFormat;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What the {@link ChannelBridge} asks a channel to render. The shapes follow the server-to-client messages of the
 * samples' wire protocol ({@code docs/protocol.md}); a channel renders each in its own way (JSON frame, chat
 * message, terminal line). Every event a channel receives must be rendered or deliberately ignored
 * ({@link Delta} without streaming).
 */
public sealed interface OutboundEvent {

    /** Sent once after a start or resume. {@code token} is set by channels that authorise resumes with one. */
    record Session(InterviewId interviewId, @Nullable String token, Language language, String style,
                   boolean resumed) implements OutboundEvent {
        public Session {
            Objects.requireNonNull(interviewId, "interviewId");
            Objects.requireNonNull(language, "language");
            Objects.requireNonNull(style, "style");
        }
    }

    /** The interviewer's next message: exactly one question. */
    record Question(InterviewId interviewId, int turn, Stage stage, String text, int depth, int completeness,
                    Engagement engagement, @Nullable String replyTo) implements OutboundEvent {
        public Question {
            Objects.requireNonNull(interviewId, "interviewId");
            Objects.requireNonNull(stage, "stage");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(engagement, "engagement");
        }

        /** 1-based stage index, 1–9. */
        public int stageIndex() {
            return stage.index();
        }
    }

    /** A streamed piece of the next question; the full {@link Question} follows. */
    record Delta(InterviewId interviewId, int turn, String text) implements OutboundEvent {
        public Delta {
            Objects.requireNonNull(interviewId, "interviewId");
            Objects.requireNonNull(text, "text");
        }
    }

    /** A stage ended and the next began. */
    record StageChanged(InterviewId interviewId, Stage from, Stage to, int completeness) implements OutboundEvent {
        public StageChanged {
            Objects.requireNonNull(interviewId, "interviewId");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }
    }

    /**
     * What a spoken answer was heard as. With {@code needsConfirmation}, the answer was not passed on: the
     * respondent confirms, retries or types instead ({@code choices}).
     */
    record Transcript(String text, double confidence, TranscriptQuality quality, @Nullable String replyTo,
                      boolean needsConfirmation, List<Choice> choices) implements OutboundEvent {
        public Transcript {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(quality, "quality");
            choices = List.copyOf(choices);
        }
    }

    /** The interview ended: the closing message and the final report. */
    record Completed(InterviewId interviewId, CloseReason reason, String message, KnowledgeReport report)
            implements OutboundEvent {
        public Completed {
            Objects.requireNonNull(interviewId, "interviewId");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(report, "report");
        }
    }

    /** A report the respondent asked for, rendered (partial while the interview runs). */
    record Report(InterviewId interviewId, ReportFormat format, String content) implements OutboundEvent {
        public Report {
            Objects.requireNonNull(interviewId, "interviewId");
            Objects.requireNonNull(format, "format");
            Objects.requireNonNull(content, "content");
        }
    }

    /** The interview's state, for a status command. */
    record Status(InterviewSnapshot interview, String summary) implements OutboundEvent {
        public Status {
            Objects.requireNonNull(interview, "interview");
            Objects.requireNonNull(summary, "summary");
        }
    }

    /**
     * A page of the conversation so far, for a respondent who comes back (see
     * {@link dev.interviewagent.core.InterviewEngine#history}). A channel whose client keeps no history of its own
     * (a web page after a reload, a resumed console) shows it; a chat app, which keeps its own, may ignore it.
     */
    record History(HistoryPage page) implements OutboundEvent {
        public History {
            Objects.requireNonNull(page, "page");
        }

        public InterviewId interviewId() {
            return page.interviewId();
        }
    }

    /** A localised informational text (help, hints). */
    record Notice(String key, String text) implements OutboundEvent {
        public Notice {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(text, "text");
        }
    }

    /** Something went wrong; {@code message} is localised and safe to show. */
    record Error(ErrorCode code, String message, @Nullable String replyTo) implements OutboundEvent {
        public Error {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(message, "message");
        }
    }
}
