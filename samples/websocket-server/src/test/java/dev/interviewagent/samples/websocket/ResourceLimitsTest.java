package dev.interviewagent.samples.websocket;

import static dev.interviewagent.websocket.WsClient.frame;
import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.voice.VoiceTranscriber;
import dev.interviewagent.websocket.WsClient;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Resources before authentication, on the sample's Jetty: sockets that never started an interview stream large
 * binary messages slowly, and the server keeps none of it in memory — while the page and new interviews are served.
 * The heap is measured after a full GC in this JVM, where the server runs; the margin is generous (a tenth of what
 * the server would hold if it buffered the messages).
 */
class ResourceLimitsTest {

    private static final int SOCKETS = 50;
    private static final int PART = 256 * 1024;
    /** 8 MiB of each socket's 24 MiB message: 400 MiB in all, none of which may stay on the heap. */
    private static final int PARTS_SENT = 32;
    private static final long MARGIN = 40L * 1024 * 1024;

    @Test
    void should_keep_the_heap_bounded_while_50_idle_sockets_stream_24_mib_messages_slowly() throws Exception {
        try (InterviewEngine engine = InterviewEngine.builder().build();
             InterviewServer server = TestServers.start(engine, VoiceTranscriber.of(TestServers.FAKE_SPEECH),
                     TestServers.settings())) {
            HttpClient http = HttpClient.newHttpClient();
            List<WsClient> idle = new ArrayList<>();
            for (int i = 0; i < SOCKETS; i++) {
                idle.add(WsClient.connect(http, server.webSocketUri()));
            }
            long before = heapAfterGc();
            byte[] part = new byte[PART];
            try {
                // slowly: one part per socket per round, a 24 MiB message begun on each and never finished
                for (int round = 0; round < PARTS_SENT; round++) {
                    for (WsClient socket : idle) {
                        socket.sendBinary(part, false);
                    }
                }
                for (WsClient socket : idle) {
                    socket.roundTrip();   // the server has read every part sent so far
                }
                long held = heapAfterGc() - before;
                assertThat(held).as("heap held after %d MiB streamed", SOCKETS * PARTS_SENT * PART >> 20)
                        .isLessThan(MARGIN);
                for (WsClient socket : idle) {   // refused at the first part, not at the end
                    assertThat(socket.next().path("code").asText()).isEqualTo("bad_request");
                }

                // meanwhile the page and new interviews are served
                HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.uri())
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(page.statusCode()).isEqualTo(200);
                try (WsClient fresh = WsClient.connect(server.webSocketUri())) {
                    fresh.send(frame("start").put("clientMessageId", "rl-1").put("language", "en"));
                    assertThat(fresh.next("session").path("interviewId").asText()).isNotBlank();
                    assertThat(fresh.next("question").path("turn").asInt()).isEqualTo(1);
                }
            } finally {
                idle.forEach(WsClient::close);
            }
        }
    }

    private static long heapAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
