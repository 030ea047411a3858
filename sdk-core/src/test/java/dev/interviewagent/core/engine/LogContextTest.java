package dev.interviewagent.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewagent.core.Answer;
import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.InterviewListener;
import dev.interviewagent.core.InterviewSnapshot;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.MessageId;
import dev.interviewagent.core.Reply;
import dev.interviewagent.core.StartRequest;
import dev.interviewagent.core.Turn;
import dev.interviewagent.core.brain.MethodologyBrain;
import dev.interviewagent.core.spi.BrainReply;
import dev.interviewagent.core.spi.BrainRequest;
import dev.interviewagent.core.spi.InterviewerBrain;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** The interview id is in the MDC wherever the engine works on an interview, and nowhere after. */
class LogContextTest {

    /** What {@code MDC.get("interviewId")} said, at each place that was watched. */
    private final List<String> seenByBrain = new CopyOnWriteArrayList<>();
    private final List<String> seenByListener = new CopyOnWriteArrayList<>();

    private final InterviewerBrain offline = MethodologyBrain.create();
    private final InterviewerBrain watchingBrain = new InterviewerBrain() {
        @Override
        public String id() {
            return "watching";
        }

        @Override
        public BrainReply phrase(BrainRequest request) {
            seenByBrain.add(MDC.get(InterviewEngine.MDC_INTERVIEW_ID));
            return offline.phrase(request);
        }
    };

    private final InterviewEngine engine = InterviewEngine.builder()
            .brain(watchingBrain)
            .listener(new InterviewListener() {
                @Override
                public void onTurn(InterviewSnapshot interview, Turn turn) {
                    seenByListener.add(MDC.get(InterviewEngine.MDC_INTERVIEW_ID));
                }
            })
            .build();

    @AfterEach
    void close() {
        engine.close();
        MDC.clear();
    }

    @Test
    void should_carry_the_interview_id_on_the_callers_thread_and_on_the_brains_thread() {
        Reply first = engine.start(StartRequest.builder().language(Language.ENGLISH).build());
        String id = first.interviewId().value();
        engine.answer(first.interviewId(), Answer.text("m-1", "I have repaired diesel engines for 15 years."));
        engine.complete(first.interviewId(), MessageId.of("stop"));

        assertThat(seenByBrain).hasSizeGreaterThanOrEqualTo(3).containsOnly(id);
        assertThat(seenByListener).isNotEmpty().containsOnly(id);
        assertThat(MDC.get(InterviewEngine.MDC_INTERVIEW_ID)).as("cleared after the call").isNull();
    }

    @Test
    void should_restore_a_value_the_host_had_set_and_keep_interviews_apart() {
        MDC.put(InterviewEngine.MDC_INTERVIEW_ID, "host-value");
        Reply one = engine.start(StartRequest.builder().language(Language.ENGLISH).build());
        Reply two = engine.start(StartRequest.builder().language(Language.RUSSIAN).build());
        seenByBrain.clear();

        engine.answer(two.interviewId(), Answer.text("m-2", "Я двадцать лет работаю сварщиком."));
        engine.answer(one.interviewId(), Answer.text("m-1", "I have been a pastry chef since 2010."));

        assertThat(seenByBrain).containsExactly(two.interviewId().value(), one.interviewId().value());
        assertThat(MDC.get(InterviewEngine.MDC_INTERVIEW_ID)).isEqualTo("host-value");
    }
}
