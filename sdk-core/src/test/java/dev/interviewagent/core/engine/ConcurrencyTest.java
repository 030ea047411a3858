package dev.interviewagent.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewagent.core.Answer;
import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.InterviewId;
import dev.interviewagent.core.Language;
import dev.interviewagent.core.StartRequest;
import dev.interviewagent.core.Turn;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConcurrencyTest {

    private static final int INTERVIEWS = 100;
    private static final int CLIENTS_PER_INTERVIEW = 2;
    private static final int ANSWERS_PER_CLIENT = 5;

    private final InterviewEngine engine = InterviewEngine.builder().build();

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void should_lose_and_reorder_no_turn_when_1000_answers_arrive_concurrently_for_100_interviews() throws Exception {
        List<InterviewId> ids = new ArrayList<>();
        for (int i = 0; i < INTERVIEWS; i++) {
            ids.add(engine.start(StartRequest.builder().language(i % 2 == 0 ? Language.ENGLISH : Language.RUSSIAN)
                    .build()).interviewId());
        }
        ExecutorService pool = Executors.newFixedThreadPool(32);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        try {
            for (InterviewId id : ids) {
                for (int c = 0; c < CLIENTS_PER_INTERVIEW; c++) {
                    String client = "c" + c;
                    futures.add(pool.submit(() -> {
                        go.await();
                        for (int n = 0; n < ANSWERS_PER_CLIENT; n++) {
                            String messageId = client + "-" + n;
                            engine.answer(id, Answer.text(messageId,
                                    "Answer " + messageId + ": we first check the order, then we pack it, 3 boxes."));
                        }
                        return null;
                    }));
                }
            }
            go.countDown();
            for (Future<?> future : futures) {
                future.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        int total = 0;
        for (InterviewId id : ids) {
            List<Turn> turns = engine.transcript(id);
            List<String> answered = turns.stream().filter(Turn::isRespondent).map(t -> t.messageId().value()).toList();
            total += answered.size();
            assertThat(answered).hasSize(CLIENTS_PER_INTERVIEW * ANSWERS_PER_CLIENT).doesNotHaveDuplicates();
            for (int c = 0; c < CLIENTS_PER_INTERVIEW; c++) {
                String client = "c" + c;
                assertThat(answered.stream().filter(m -> m.startsWith(client + "-")).toList())
                        .as("order of %s in %s", client, id)
                        .containsExactlyElementsOf(java.util.stream.IntStream.range(0, ANSWERS_PER_CLIENT)
                                .mapToObj(n -> client + "-" + n).toList());
            }
            // every answer is followed at once by the reply to it, and turn numbers have no gaps
            for (int i = 0; i < turns.size(); i++) {
                Turn turn = turns.get(i);
                assertThat(turn.number()).isEqualTo(i + 1);
                if (turn.isRespondent()) {
                    assertThat(turns.get(i + 1).replyTo()).isEqualTo(turn.messageId());
                }
            }
            assertThat(engine.status(id).version()).isEqualTo(1 + 2L * CLIENTS_PER_INTERVIEW * ANSWERS_PER_CLIENT);
        }
        assertThat(total).isEqualTo(1000);
    }
}
