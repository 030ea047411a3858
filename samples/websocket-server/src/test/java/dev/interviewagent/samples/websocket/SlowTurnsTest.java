package dev.interviewagent.samples.websocket;

import static dev.interviewagent.websocket.WsClient.frame;
import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.brain.MethodologyBrain;
import dev.interviewagent.core.channel.SpeechTranscriber;
import dev.interviewagent.core.spi.BrainReply;
import dev.interviewagent.core.spi.BrainRequest;
import dev.interviewagent.core.spi.InterviewerBrain;
import dev.interviewagent.websocket.WebSocketSettings;
import dev.interviewagent.websocket.WsClient;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Slow turns must not freeze the server: 500 interviews answer at once while the brain takes 25 s per turn, and the
 * sample's Jetty still completes WebSocket handshakes, pings and page loads within a second each, because turns run
 * on sdk-websocket's own executor rather than the container's threads. Then the brain returns and every one of the
 * 500 answers gets its question.
 */
class SlowTurnsTest {

    private static final int CLIENTS = 500;
    private static final Duration BRAIN = Duration.ofSeconds(25);
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    /** The offline brain which, once {@link #slow} is set, takes 25 s (or until released) for each message. */
    static final class SlowBrain implements InterviewerBrain {
        final AtomicBoolean slow = new AtomicBoolean();
        final AtomicInteger waiting = new AtomicInteger();
        final CountDownLatch released = new CountDownLatch(1);
        private final InterviewerBrain delegate = MethodologyBrain.create();

        @Override
        public String id() {
            return "slow-offline";
        }

        @Override
        public BrainReply phrase(BrainRequest request) {
            if (slow.get()) {
                waiting.incrementAndGet();
                try {
                    released.await(BRAIN.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    waiting.decrementAndGet();
                }
            }
            return delegate.phrase(request);
        }
    }

    @Test
    void should_answer_handshakes_pings_and_pages_within_a_second_while_500_turns_wait_for_a_25_second_brain()
            throws Exception {
        SlowBrain brain = new SlowBrain();
        // every test client comes from 127.0.0.1: the per-address limits are lifted to let 500 of them in
        WebSocketSettings limits = WebSocketSettings.builder().maxConnectionsPerAddress(CLIENTS + 10)
                .addressRate(10_000, 10_000).startsPerMinutePerAddress(CLIENTS + 10).startsPerMinute(CLIENTS + 10)
                .build();
        try (InterviewEngine engine = InterviewEngine.builder().brain(brain).brainTimeout(BRAIN.plusSeconds(5))
                     .build();
             InterviewServer server = TestServers.start(engine, SpeechTranscriber.NONE,
                     new ServerSettings("127.0.0.1", 0, limits))) {
            HttpClient http = HttpClient.newHttpClient();
            List<WsClient> clients = new ArrayList<>();
            try {
                for (int i = 0; i < CLIENTS; i++) {
                    WsClient client = WsClient.connect(http, server.webSocketUri());
                    clients.add(client);
                    client.send(frame("start").put("clientMessageId", "s" + i).put("language", "en"));
                }
                for (WsClient client : clients) {
                    client.next("question");
                }
                brain.slow.set(true);
                for (int i = 0; i < CLIENTS; i++) {
                    clients.get(i).send(frame("answer").put("clientMessageId", "a" + i)
                            .put("text", TestServers.answer("en", i)));
                }
                awaitBrainCalls(brain, 60);

                HttpClient pages = HttpClient.newHttpClient();
                for (int probe = 0; probe < 3; probe++) {
                    long t = System.nanoTime();
                    try (WsClient fresh = WsClient.connect(server.webSocketUri())) {
                        fresh.send(frame("ping"));
                        fresh.next("pong");
                    }
                    assertThat(System.nanoTime() - t).as("a new handshake and its ping").isLessThan(SECOND);
                    t = System.nanoTime();
                    clients.get(probe).send(frame("ping"));
                    clients.get(probe).next("pong");
                    assertThat(System.nanoTime() - t).as("a ping on a connection whose turn waits").isLessThan(SECOND);
                    t = System.nanoTime();
                    HttpResponse<String> page = pages.send(HttpRequest.newBuilder(server.uri())
                            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                    assertThat(page.statusCode()).isEqualTo(200);
                    assertThat(System.nanoTime() - t).as("a page load").isLessThan(SECOND);
                }
                assertThat(brain.waiting.get()).as("turns still with the brain").isPositive();

                brain.released.countDown();
                for (int i = 0; i < CLIENTS; i++) {
                    assertThat(clients.get(i).next("question").path("replyTo").asText()).isEqualTo("a" + i);
                }
            } finally {
                brain.released.countDown();
                clients.forEach(WsClient::close);
            }
        }
    }

    private static void awaitBrainCalls(SlowBrain brain, int calls) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (brain.waiting.get() < calls) {
            assertThat(System.nanoTime()).as("%d turns with the brain", calls).isLessThan(deadline);
            java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }
}
