package dev.interviewagent.samples.websocket;

import static dev.interviewagent.samples.websocket.WsClient.frame;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interviewagent.core.InterviewEngine;
import dev.interviewagent.core.channel.SpeechTranscriber;
import dev.interviewagent.core.spi.InterviewLock;
import dev.interviewagent.core.spi.InterviewStore;
import dev.interviewagent.core.store.InMemoryInterviewStore;
import org.junit.jupiter.api.Test;

/**
 * Two server nodes (each its own engine and Jetty, on its own port) share one store and one lock: a client that
 * starts on node A and reconnects to node B resumes the same interview with its token, and can go back to A.
 * Nothing the endpoint keeps per node is needed for that (the token's hash lives in the store).
 */
class MultiNodeTest {

    @Test
    void should_resume_on_the_other_node_with_the_token() throws Exception {
        InterviewStore store = new InMemoryInterviewStore();
        InterviewLock lock = InterviewLock.local();
        InterviewEngine engineA = InterviewEngine.builder().store(store).lock(lock).build();
        InterviewEngine engineB = InterviewEngine.builder().store(store).lock(lock).build();
        try (InterviewServer a = TestServers.start(engineA, SpeechTranscriber.NONE, TestServers.settings());
             InterviewServer b = TestServers.start(engineB, SpeechTranscriber.NONE, TestServers.settings())) {
            assertThat(a.port()).isNotEqualTo(b.port());
            String id;
            String token;
            JsonNode onA;
            try (WsClient client = WsClient.connect(a.webSocketUri())) {
                client.send(frame("start").put("clientMessageId", "mn-start").put("language", "en"));
                JsonNode session = client.next("session");
                id = session.path("interviewId").asText();
                token = session.path("token").asText();
                client.next("question");
                client.send(frame("answer").put("clientMessageId", "mn-1").put("text", TestServers.answer("en", 1)));
                onA = client.next("question");
            }
            JsonNode onB;
            try (WsClient client = WsClient.connect(b.webSocketUri())) {
                client.send(frame("resume").put("interviewId", id).put("token", "not-the-token"));
                assertThat(client.next("error").path("code").asText()).isEqualTo("unauthorized");
                client.send(frame("resume").put("interviewId", id).put("token", token));
                assertThat(client.next("session").path("interviewId").asText()).isEqualTo(id);
                assertThat(client.next("question").path("turn").asInt()).isEqualTo(onA.path("turn").asInt());
                // a retry of the answer already taken on A is recognised on B
                client.send(frame("answer").put("clientMessageId", "mn-1").put("text", TestServers.answer("en", 1)));
                assertThat(client.next("question").path("turn").asInt()).isEqualTo(onA.path("turn").asInt());
                client.send(frame("answer").put("clientMessageId", "mn-2").put("text", TestServers.answer("en", 2)));
                onB = client.next("question");
                assertThat(onB.path("turn").asInt()).isEqualTo(onA.path("turn").asInt() + 2);
            }
            try (WsClient client = WsClient.connect(a.webSocketUri())) {
                client.send(frame("resume").put("interviewId", id).put("token", token));
                client.next("session");
                assertThat(client.next("question").path("turn").asInt()).isEqualTo(onB.path("turn").asInt());
            }
        } finally {
            engineA.close();
            engineB.close();
        }
    }
}
