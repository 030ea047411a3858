package dev.interviewagent.core.scenario;

import dev.interviewagent.core.Answer;
import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.Reply;
import dev.interviewagent.core.StartRequest;
import dev.interviewagent.core.guide.Stage;
import dev.interviewagent.core.spi.MoveType;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/** Drives an interview to its end with scripted answers. */
public final class InterviewDriver {

    /** A safety bound: no interview of the built-in guide needs this many turns. */
    public static final int MAX_ANSWERS = 200;

    private InterviewDriver() {
    }

    /** Runs a scripted expert through a whole interview in the given style; returns the last reply. */
    public static Reply run(InterviewEngine engine, ScriptedExpert expert, String style) {
        Map<Stage, Integer> given = new EnumMap<>(Stage.class);
        return run(engine, StartRequest.builder().language(expert.language()).style(style)
                .profile(expert.profile()).build(), (reply, n) -> {
                    Stage stage = reply.message().stage();
                    if (MoveType.MEMBER_CHECK.code().equals(reply.message().move())) {
                        return expert.memberCheckAnswer();
                    }
                    int count = given.merge(stage, 1, Integer::sum) - 1;
                    return expert.answer(stage, count);
                });
    }

    /** Runs an interview answering each message with {@code answers}, cycling. */
    public static Reply run(InterviewEngine engine, StartRequest start, List<String> answers) {
        return run(engine, start, (reply, n) -> answers.get(n % answers.size()));
    }

    /** Runs an interview answering each reply with what {@code answerer} returns for (reply, answer index). */
    public static Reply run(InterviewEngine engine, StartRequest start, BiFunction<Reply, Integer, String> answerer) {
        Reply reply = engine.start(start);
        int n = 0;
        while (!reply.completed()) {
            if (n >= MAX_ANSWERS) {
                throw new AssertionError("interview did not end within " + MAX_ANSWERS + " answers");
            }
            reply = engine.answer(reply.interviewId(), Answer.text("a-" + n, answerer.apply(reply, n)));
            n++;
        }
        return reply;
    }
}
