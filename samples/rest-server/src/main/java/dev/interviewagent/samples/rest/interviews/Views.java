package dev.interviewagent.samples.rest.interviews;

import dev.interviewagent.core.InterviewSnapshot;
import dev.interviewagent.core.Reply;
import dev.interviewagent.core.StageChange;
import dev.interviewagent.core.Turn;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The engine's replies as the API shows them. */
final class Views {

    private Views() {
    }

    static MessageView message(Turn turn) {
        return new MessageView(turn.number(), turn.kind().code(), turn.stage().code(), turn.stage().index(),
                turn.text(), turn.depth(), IdempotencyKey.keyOf(turn.replyTo()).orElse(null));
    }

    static TurnView turn(Reply reply, @Nullable TranscriptView transcript) {
        InterviewSnapshot interview = reply.interview();
        List<StageChangeView> changes = reply.stageChanges().stream().map(Views::stageChange).toList();
        return new TurnView(interview.id().value(), interview.status().code(),
                reply.closeReason().map(reason -> reason.code()).orElse(null), reply.completeness(),
                message(reply.message()), changes, transcript);
    }

    static StartedView started(Reply reply, String token) {
        InterviewSnapshot interview = reply.interview();
        return new StartedView(interview.id().value(), token, interview.language().code(), interview.style(),
                interview.status().code(), reply.completeness(), message(reply.message()));
    }

    static InterviewView interview(Reply pending) {
        InterviewSnapshot interview = pending.interview();
        return new InterviewView(interview.id().value(), interview.status().code(), interview.language().code(),
                interview.style(), interview.stage().code(), interview.stage().index(),
                interview.currentProgress().completeness(), interview.turnCount(), interview.createdAt().toString(),
                interview.updatedAt().toString(), interview.endedAt() == null ? null : interview.endedAt().toString(),
                interview.closeReason() == null ? null : interview.closeReason().code(), message(pending.message()));
    }

    private static StageChangeView stageChange(StageChange change) {
        return new StageChangeView(change.from().code(), change.to().code(), change.completeness());
    }
}
