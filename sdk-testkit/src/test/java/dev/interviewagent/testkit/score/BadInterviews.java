package dev.interviewagent.testkit.score;

import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.MessageId;
import dev.interviewagent.core.Reply;
import dev.interviewagent.core.StartRequest;
import dev.interviewagent.core.Turn;
import dev.interviewagent.core.guide.Stage;
import dev.interviewagent.testkit.intent.QuestionIntent;
import dev.interviewagent.testkit.persona.Persona;
import dev.interviewagent.testkit.respondent.AnswerKind;
import dev.interviewagent.testkit.respondent.Utterance;
import dev.interviewagent.testkit.simulator.Exchange;
import dev.interviewagent.testkit.simulator.SimulatedInterview;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds interview logs of deliberately bad interviewers, turn by turn, to show each scorecard metric can fail. The
 * engine itself would refuse most of these (it never sends a message twice), so they are written by hand.
 */
final class BadInterviews {

    private final Persona persona;
    private final List<Exchange> exchanges = new ArrayList<>();
    private int turn;

    BadInterviews(Persona persona) {
        this.persona = persona;
    }

    BadInterviews ask(Stage stage, String question, AnswerKind kind, String answer, String... told) {
        Turn q = new Turn(++turn, Turn.Role.INTERVIEWER, Turn.Kind.QUESTION, question, stage, Turn.Modality.TEXT,
                Instant.EPOCH, null, null, null, "new_topic", 1, "bad", false);
        Turn a = new Turn(++turn, Turn.Role.RESPONDENT, Turn.Kind.ANSWER, answer, stage, Turn.Modality.TEXT,
                Instant.EPOCH, null, MessageId.of("m" + turn), null, null, 0, null, false);
        exchanges.add(new Exchange(q, new Utterance(answer, kind, QuestionIntent.OTHER, List.of(told), null), a));
        return this;
    }

    BadInterviews greetingFirst(Stage stage, String question, String greeting, String answer) {
        Turn q = new Turn(++turn, Turn.Role.INTERVIEWER, Turn.Kind.QUESTION, question, stage, Turn.Modality.TEXT,
                Instant.EPOCH, null, null, null, "open", 1, "bad", false);
        Turn a = new Turn(++turn, Turn.Role.RESPONDENT, Turn.Kind.ANSWER, greeting + " " + answer, stage,
                Turn.Modality.TEXT, Instant.EPOCH, null, MessageId.of("m" + turn), null, null, 0, null, false);
        exchanges.add(new Exchange(q, new Utterance(greeting + " " + answer, AnswerKind.MOTIVATION,
                QuestionIntent.MOTIVATION, List.of(), greeting), a));
        return this;
    }

    /** The log, with the (nearly empty) report of a real one-message interview. */
    SimulatedInterview build() {
        try (InterviewEngine engine = InterviewEngine.builder().build()) {
            Reply reply = engine.start(StartRequest.builder().language(persona.interviewLanguage())
                    .profile(persona.interviewProfile()).build());
            return new SimulatedInterview(persona, "master", reply.interview(), exchanges,
                    engine.report(reply.interviewId()));
        }
    }
}
