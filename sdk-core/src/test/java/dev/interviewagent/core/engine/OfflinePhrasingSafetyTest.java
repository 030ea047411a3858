package dev.interviewagent.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewagent.core.Answer;
import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.Reply;
import dev.interviewagent.core.StartRequest;
import dev.interviewagent.core.brain.MethodologyBrain;
import dev.interviewagent.core.spi.BrainReply;
import dev.interviewagent.core.spi.BrainRequest;
import dev.interviewagent.core.spi.InterviewerBrain;
import dev.interviewagent.core.spi.Move;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * An offline brain that cannot phrase a move with the respondent's words in it (a template pool bug) must not leave
 * the interview failing on every retry: the move is phrased once more as a plain question.
 */
class OfflinePhrasingSafetyTest {

    /** The offline brain with a bug: it throws on every move that quotes the respondent. */
    private static final class QuoteShyBrain implements InterviewerBrain {
        private final InterviewerBrain real = MethodologyBrain.create();
        private final AtomicInteger refused = new AtomicInteger();

        @Override
        public String id() {
            return "quote-shy";
        }

        @Override
        public BrainReply phrase(BrainRequest request) {
            return phrase(request, text -> { });
        }

        @Override
        public BrainReply phrase(BrainRequest request, Consumer<String> deltas) {
            Move move = request.move();
            if (move.anchor() != null || move.quote() != null || move.recall() != null) {
                refused.incrementAndGet();
                throw new IllegalStateException("no usable template for slot 'question'");
            }
            return real.phrase(request, deltas);
        }
    }

    @Test
    void should_phrase_a_move_without_the_respondents_words_when_the_offline_brain_fails_with_them() {
        QuoteShyBrain offline = new QuoteShyBrain();
        try (InterviewEngine engine = InterviewEngine.builder().fallbackBrain(offline).build()) {
            Reply reply = engine.start(StartRequest.builder().language(Language.ENGLISH).build());
            reply = engine.answer(reply.interviewId(), Answer.text("a1", "I fell for it as a student, on a farm."));
            reply = engine.answer(reply.interviewId(), Answer.text("a2", "Last October a whole batch of tommes "
                    + "started to swell on the third day. My assistant Jonas called me at six in the morning; forty "
                    + "wheels had split rinds. We pulled the batch and wrote off 400 kg."));

            assertThat(offline.refused.get()).as("moves with the respondent's words were refused").isPositive();
            assertThat(reply.message().text()).isNotBlank().doesNotContain("“");
            assertThat(engine.transcript(reply.interviewId())).hasSize(reply.message().number());
        }
    }
}
