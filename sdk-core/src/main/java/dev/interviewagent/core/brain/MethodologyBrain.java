package dev.interviewagent.core.brain;

import dev.interviewagent.core.spi.BrainReply;
import dev.interviewagent.core.spi.BrainRequest;
import dev.interviewagent.core.spi.InterviewerBrain;
import dev.interviewagent.core.spi.MoveType;

/** TEMPORARY until the brain branch lands. */
public final class MethodologyBrain implements InterviewerBrain {

    public static MethodologyBrain create() {
        return new MethodologyBrain();
    }

    @Override
    public String id() {
        return "methodology";
    }

    @Override
    public BrainReply phrase(BrainRequest request) {
        var move = request.move();
        String base = move.seedQuestion() != null ? move.seedQuestion() : "Could you tell me more (" + move.type().code() + ")?";
        if (move.type() == MoveType.CLOSE) {
            return BrainReply.of("Thank you. (" + request.turnNumber() + ")", id());
        }
        return BrainReply.of("[" + request.turnNumber() + "] " + base.replace("?", "") + "?", id());
    }
}
